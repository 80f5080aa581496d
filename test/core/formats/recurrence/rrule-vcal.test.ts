import { describe, expect, it } from 'vitest';
import {
  formatVcalRrule,
  parseVcalRrule,
  seriesStartOf,
  vcalUnsupportedReason,
} from '../../../../src/core/formats/recurrence/index.js';
import {
  dateOnly,
  type DayOfWeek,
  type Recurrence,
  type RecurrencePattern,
} from '../../../../src/core/model/index.js';

function setup() {
  // Monday 17 March 2025, 09:00 in Berlin.
  const start = seriesStartOf({ kind: 'zoned', local: '2025-03-17T09:00:00', tz: 'Europe/Berlin' });
  return { start, startDate: dateOnly('2025-03-17') };
}

describe('vCalendar 1.0 RRULE ⇄ Recurrence', () => {
  const { start, startDate } = setup();
  const timeZone = 'Europe/Berlin';
  const numbered = (n: number) => ({ type: 'numbered' as const, startDate, numberOfOccurrences: n });
  const noEnd = { type: 'noEnd' as const, startDate };

  const cases: Array<[string, RecurrencePattern, Recurrence['range']]> = [
    ['D1 #5', { type: 'daily', interval: 1 }, numbered(5)],
    [
      'W1 MO #10',
      { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      numbered(10),
    ],
    [
      'W2 TU 20251231T000000Z',
      { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
      { type: 'endDate', startDate, endDate: dateOnly('2025-12-31') },
    ],
    ['MP1 1+ MO #0', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'first' }, noEnd],
    ['MP1 1- FR #0', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' }, noEnd],
    [
      'MP2 3+ WE #4',
      { type: 'relativeMonthly', interval: 2, daysOfWeek: ['wednesday'], index: 'third' },
      numbered(4),
    ],
    ['MD1 15 #0', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 15 }, noEnd],
    ['YM1 6 #0', { type: 'absoluteYearly', interval: 1, dayOfMonth: 17, month: 6 }, noEnd],
    ['YD1 76 #0', { type: 'absoluteYearly', interval: 1, dayOfMonth: 17, month: 3 }, noEnd],
  ];

  it.each(cases)('%s → model', (rule, pattern, range) => {
    expect(parseVcalRrule(rule, start)).toEqual({ ok: true, recurrence: { pattern, range, timeZone } });
  });

  it.each(cases.filter(([rule]) => !rule.startsWith('YD') && !rule.includes('Z')))(
    '%s is written back as is',
    (rule, pattern, range) => {
      expect(formatVcalRrule({ pattern, range, timeZone }, start)).toBe(rule);
    },
  );

  it('writes an end date as the last occurrence in UTC and reads it back as that day', () => {
    const r: Recurrence = {
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'endDate', startDate, endDate: dateOnly('2025-12-31') },
      timeZone,
    };
    expect(formatVcalRrule(r, start)).toBe('D1 20251231T080000Z');
    expect(parseVcalRrule('D1 20251231T080000Z', start)).toEqual({ ok: true, recurrence: r });
  });

  it.each([
    ['W1', { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' }],
    ['MP1', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'third' }],
    ['MD1', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 17 }],
    ['YM1', { type: 'absoluteYearly', interval: 1, dayOfMonth: 17, month: 3 }],
  ])('%s: modifiers default to the start, and no end means two occurrences', (rule, pattern) => {
    expect(parseVcalRrule(rule, start)).toEqual({
      ok: true,
      recurrence: { pattern, range: numbered(2), timeZone },
    });
  });

  it.each([
    'MD1 LD #0',
    'MD1 1- #0',
    'MD1 1 15 #0',
    'MP1 1+ 2+ MO #0',
    'MP1 1+ MO TU #0',
    'YM1 1 6 #0',
    'YD1 100 #0',
    'W1 MO #2 D1 #3',
    'MP1 5+ MO #0',
    'D1 1200 #0',
  ])('%s → UNSUPPORTED_RECURRENCE', (rule) => {
    expect(parseVcalRrule(rule, start)).toMatchObject({ ok: false, code: 'UNSUPPORTED_RECURRENCE' });
  });

  it.each(['FREQ=WEEKLY;BYDAY=MO', 'X1 #3', 'W0 MO #3', 'W1 XX #3', 'W1 MO #x', 'D1 2025-13-40', ''])(
    '%j → INVALID_RRULE',
    (rule) => {
      expect(parseVcalRrule(rule, start)).toMatchObject({ ok: false, code: 'INVALID_RRULE' });
    },
  );

  it('reports patterns 1.0 cannot express', () => {
    const relYearly: Recurrence = {
      pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'], index: 'third', month: 3 },
      range: noEnd,
    };
    const firstWeekday: Recurrence = {
      pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday', 'friday'], index: 'first' },
      range: noEnd,
    };
    expect(vcalUnsupportedReason(relYearly, start)).toBeDefined();
    expect(vcalUnsupportedReason(firstWeekday, start)).toBeDefined();
    expect(formatVcalRrule(relYearly, start)).toBeUndefined();
  });
});

describe('vCalendar 1.0 #n on a weekly rule with several days (decision 0150)', () => {
  const { start, startDate } = setup();
  const timeZone = 'Europe/Berlin';
  const weekly = (
    interval: number,
    daysOfWeek: DayOfWeek[],
  ): Extract<RecurrencePattern, { type: 'weekly' }> => ({
    type: 'weekly',
    interval,
    daysOfWeek,
    firstDayOfWeek: 'monday',
  });
  const until = (day: string) => ({ type: 'endDate' as const, startDate, endDate: dateOnly(day) });

  it.each([
    // Ten weeks from Monday 17 March: 20 occurrences, the last on Tuesday 20 May.
    ['W1 MO TU #10', weekly(1, ['monday', 'tuesday']), '2025-05-20'],
    // No end is #2: two weeks.
    ['W1 MO TU', weekly(1, ['monday', 'tuesday']), '2025-03-25'],
    // Weeks run Sunday to Saturday as in the engine: Mon 17, Sun 23, Mon 24.
    ['W1 MO SU #2', weekly(1, ['sunday', 'monday']), '2025-03-24'],
    // Every other week, three times: the weeks of 17 March, 31 March and 14 April.
    ['W2 MO TU #3', weekly(2, ['monday', 'tuesday']), '2025-04-15'],
  ])('reads %s as weeks, ending on the last occurrence of the last week', (rule, pattern, endDate) => {
    expect(parseVcalRrule(rule, start)).toEqual({
      ok: true,
      recurrence: { pattern, range: until(endDate), timeZone },
    });
  });

  it('writes a numbered range as the date of its last occurrence, which reads back as that day', () => {
    const r: Recurrence = {
      pattern: weekly(1, ['monday', 'tuesday']),
      range: { type: 'numbered', startDate, numberOfOccurrences: 10 },
      timeZone,
    };
    // The 10th occurrence: Tuesday 15 April, 09:00 CEST.
    expect(formatVcalRrule(r, start)).toBe('W1 MO TU 20250415T070000Z');
    expect(parseVcalRrule('W1 MO TU 20250415T070000Z', start)).toEqual({
      ok: true,
      recurrence: { ...r, range: until('2025-04-15') },
    });
  });

  it('counts in Monday weeks when writing (1.0 has no WKST) and skips days before the start', () => {
    const r = (days: DayOfWeek[], n: number): Recurrence => ({
      pattern: { ...weekly(2, days), firstDayOfWeek: 'sunday' },
      range: { type: 'numbered', startDate, numberOfOccurrences: n },
      timeZone,
    });
    // Mon 17, Sun 23 (same Monday week), then Mon 31 two weeks on.
    expect(formatVcalRrule(r(['sunday', 'monday'], 3), start)).toBe('W2 SU MO 20250331T070000Z');
    // From Wednesday 19 March, Monday of that week is skipped: Wed 19, Fri 21, Mon 24.
    const wednesday = seriesStartOf({ kind: 'zoned', local: '2025-03-19T09:00:00', tz: timeZone });
    const fromWednesday: Recurrence = {
      pattern: weekly(1, ['monday', 'wednesday', 'friday']),
      range: { type: 'numbered', startDate: dateOnly('2025-03-19'), numberOfOccurrences: 3 },
      timeZone,
    };
    expect(formatVcalRrule(fromWednesday, wednesday)).toBe('W1 MO WE FR 20250324T080000Z');
  });

  it('writes an all-day series end floating, and keeps #n for one day, #0 for no end', () => {
    const allDay = seriesStartOf(dateOnly('2025-03-17'));
    const numberedDays = (days: DayOfWeek[]): Recurrence => ({
      pattern: weekly(1, days),
      range: { type: 'numbered', startDate, numberOfOccurrences: 4 },
    });
    expect(formatVcalRrule(numberedDays(['monday', 'wednesday']), allDay)).toBe('W1 MO WE 20250326T000000');
    expect(formatVcalRrule(numberedDays(['monday']), allDay)).toBe('W1 MO #4');
    const open: Recurrence = {
      pattern: weekly(1, ['monday', 'wednesday']),
      range: { type: 'noEnd', startDate },
    };
    expect(formatVcalRrule(open, allDay)).toBe('W1 MO WE #0');
  });

  it('reads a last occurrence that falls on UTC midnight after a DST change as its own day, not "until this day"', () => {
    // Monday 1 January 2024 20:00 New York (01:00Z); 20:00 EDT on Saturday 16 March is 00:00Z on the 17th.
    const ny = seriesStartOf({ kind: 'zoned', local: '2024-01-01T20:00:00', tz: 'America/New_York' });
    const r: Recurrence = {
      pattern: weekly(1, ['sunday', 'saturday']),
      range: { type: 'numbered', startDate: dateOnly('2024-01-01'), numberOfOccurrences: 21 },
      timeZone: 'America/New_York',
    };
    expect(formatVcalRrule(r, ny)).toBe('W1 SU SA 20240317T000000Z');
    expect(parseVcalRrule('W1 SU SA 20240317T000000Z', ny)).toMatchObject({
      ok: true,
      recurrence: { range: { type: 'endDate', endDate: '2024-03-16' } },
    });
  });
});
