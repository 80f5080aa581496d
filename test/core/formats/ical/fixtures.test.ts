import { describe, expect, it } from 'vitest';
import { parseCalendarItem } from '../../../../src/core/formats/index.js';
import {
  loadCalendarFixtures,
  roundTrip,
  withRangeAsOccurrences,
  withReminderAsInstant,
} from './calendar-fixtures.js';

function setup() {
  return { fixtures: loadCalendarFixtures('ical') };
}

describe('iCalendar 2.0 fixtures (Outlook, iOS, CRM, SyncEvolution, Thunderbird)', () => {
  const { fixtures } = setup();

  it.each(fixtures.map((f) => [f.name, f] as const))('%s parses to the expected model', (_name, f) => {
    expect(parseCalendarItem(f.text)).toEqual(f.expected);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s: serialise → parse gives the same item in 2.0 and 1.0',
    (_name, f) => {
      const parsed = parseCalendarItem(f.text);
      if (!parsed.ok) throw new Error(parsed.error.code);
      expect(roundTrip(parsed.value, '2.0')).toEqual(withReminderAsInstant(parsed.value));
      // 1.0 may give a numbered weekly series on several days back as its end date (decision 0150).
      expect(withRangeAsOccurrences(roundTrip(parsed.value, '1.0'))).toEqual(
        withRangeAsOccurrences(parsed.value),
      );
      const twice = roundTrip(roundTrip(parsed.value, '2.0'), '2.0');
      expect(twice).toEqual(roundTrip(parsed.value, '2.0'));
    },
  );

  it('keeps an RRULE Graph cannot hold verbatim and warns', () => {
    const f = fixtures.find((x) => x.name === 'unsupported-hourly.ics')!;
    const parsed = parseCalendarItem(f.text);
    expect(parsed.ok && parsed.warnings.map((w) => [w.code, w.line])).toEqual([
      ['UNSUPPORTED_RECURRENCE', 8],
    ]);
    expect(parsed.ok && parsed.value.extra['X-ICAL-RRULE']).toBe('FREQ=HOURLY;INTERVAL=2;COUNT=4');
  });
});
