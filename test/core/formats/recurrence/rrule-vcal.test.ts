import { describe, expect, it } from 'vitest';
import {
  formatVcalRrule,
  parseVcalRrule,
  seriesStartOf,
  vcalUnsupportedReason,
} from '../../../../src/core/formats/recurrence/index.js';
import { dateOnly, type Recurrence, type RecurrencePattern } from '../../../../src/core/model/index.js';

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
      'W1 MO TU #10',
      { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'tuesday'], firstDayOfWeek: 'monday' },
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
