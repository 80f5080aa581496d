/**
 * Regression (issue 3, found by test/interop/formats): SyncEvolution's server writes vCal 1.0
 * `DAYLIGHT:TRUE;+02;20260329T010000Z;20251026T010000Z;CET;CEST` — start and end of different
 * years. The zone must still be recognised, or every time of the item falls back to UTC.
 */
import { describe, expect, it } from 'vitest';
import { guessZoneFromVcal, parseCalendarItem } from '../../../../src/core/formats/index.js';
import { parseDaylight } from '../../../../src/core/formats/timezone/vcal-zone.js';

function setup() {
  const vcal = (daylight: string) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:1.0',
      'TZ:+01:00',
      `DAYLIGHT:${daylight}`,
      'BEGIN:VEVENT',
      'UID:zone-years-1',
      'SUMMARY:Besichtigung',
      'DTSTART:20250402T083000Z',
      'DTEND:20250402T093000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  return { vcal };
}

describe('vCal 1.0 DAYLIGHT with start and end in different years', () => {
  it("recognises Europe/Berlin from the Synthesis engine's mixed-year DAYLIGHT (regression)", () => {
    const { vcal } = setup();
    const result = parseCalendarItem(vcal('TRUE;+02;20260329T010000Z;20251026T010000Z;CET;CEST'));
    expect(result.warnings.map((w) => w.code)).toEqual([]);
    expect(result.ok && result.value.kind === 'event' && result.value.timing).toEqual({
      allDay: false,
      start: { kind: 'zoned', local: '2025-04-02T10:30:00', tz: 'Europe/Berlin' },
      end: { kind: 'zoned', local: '2025-04-02T11:30:00', tz: 'Europe/Berlin' },
    });
  });

  it('recognises a southern-hemisphere zone whose daylight time ends in the next year', () => {
    const daylight = parseDaylight('TRUE;+11;20251004T160000Z;20260404T160000Z;AEDT;AEST')!;
    expect(guessZoneFromVcal({ tzOffset: 600, daylight: [daylight] }, 2025)).toBe('Australia/Sydney');
  });
});
