import { describe, expect, it } from 'vitest';
import {
  formatIcalRrule,
  parseIcalRrule,
  seriesStartOf,
} from '../../../../src/core/formats/recurrence/index.js';
import { dateOnly, type Recurrence } from '../../../../src/core/model/index.js';

function setup() {
  // Thursday 27 March 2025, 09:00 in Berlin (three days before the spring DST change).
  const start = seriesStartOf({ kind: 'zoned', local: '2025-03-27T09:00:00', tz: 'Europe/Berlin' });
  const startDate = dateOnly('2025-03-27');
  return { start, startDate };
}

describe('iCalendar 2.0 RRULE ⇄ Recurrence', () => {
  const { start, startDate } = setup();
  const tz = { timeZone: 'Europe/Berlin' };

  const cases: Array<[string, Recurrence, string?]> = [
    [
      'FREQ=DAILY;INTERVAL=2;COUNT=4',
      {
        pattern: { type: 'daily', interval: 2 },
        range: { type: 'numbered', startDate, numberOfOccurrences: 4 },
        ...tz,
      },
    ],
    [
      'FREQ=WEEKLY;BYDAY=MO,TH;WKST=MO;COUNT=6',
      {
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: ['monday', 'thursday'],
          firstDayOfWeek: 'monday',
        },
        range: { type: 'numbered', startDate, numberOfOccurrences: 6 },
        ...tz,
      },
    ],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU;UNTIL=20250630T215959Z',
      {
        pattern: {
          type: 'weekly',
          interval: 2,
          daysOfWeek: ['tuesday', 'thursday'],
          firstDayOfWeek: 'sunday',
        },
        range: { type: 'endDate', startDate, endDate: dateOnly('2025-06-30') },
        ...tz,
      },
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=27',
      {
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 27 },
        range: { type: 'noEnd', startDate },
        ...tz,
      },
    ],
    [
      'FREQ=MONTHLY;BYDAY=-1TH;COUNT=3',
      {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'last' },
        range: { type: 'numbered', startDate, numberOfOccurrences: 3 },
        ...tz,
      },
    ],
    [
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
      {
        pattern: { type: 'relativeMonthly', interval: 3, daysOfWeek: ['monday'], index: 'first' },
        range: { type: 'noEnd', startDate },
        ...tz,
      },
    ],
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
      {
        pattern: {
          type: 'relativeMonthly',
          interval: 1,
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          index: 'first',
        },
        range: { type: 'noEnd', startDate },
        ...tz,
      },
    ],
    [
      'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=27',
      {
        pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 27, month: 3 },
        range: { type: 'noEnd', startDate },
        ...tz,
      },
    ],
    [
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1TH;COUNT=3',
      {
        pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['thursday'], index: 'last', month: 3 },
        range: { type: 'numbered', startDate, numberOfOccurrences: 3 },
        ...tz,
      },
    ],
  ];

  it.each(cases)('%s ⇄ model', (rule, recurrence) => {
    expect(parseIcalRrule(rule, start)).toEqual({ ok: true, recurrence });
    expect(parseIcalRrule(formatIcalRrule(recurrence, start), start)).toEqual({ ok: true, recurrence });
  });

  it.each([
    ['FREQ=MONTHLY', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 27 }],
    ['FREQ=YEARLY', { type: 'absoluteYearly', interval: 1, dayOfMonth: 27, month: 3 }],
    ['FREQ=WEEKLY', { type: 'weekly', interval: 1, daysOfWeek: ['thursday'], firstDayOfWeek: 'monday' }],
    [
      'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
      {
        type: 'weekly',
        interval: 1,
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        firstDayOfWeek: 'monday',
      },
    ],
  ])('%s takes omitted parts from the start', (rule, pattern) => {
    expect(parseIcalRrule(rule, start)).toMatchObject({ ok: true, recurrence: { pattern } });
  });

  it('writes UNTIL as the end of the last day in UTC for a zoned series', () => {
    const r: Recurrence = {
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'endDate', startDate, endDate: dateOnly('2025-04-30') },
      ...tz,
    };
    expect(formatIcalRrule(r, start)).toBe('FREQ=DAILY;UNTIL=20250430T215959Z');
    expect(formatIcalRrule(r, seriesStartOf(dateOnly('2025-03-27')))).toBe('FREQ=DAILY;UNTIL=20250430');
  });

  it.each([
    'FREQ=HOURLY;COUNT=3',
    'FREQ=MONTHLY;BYMONTHDAY=1,15',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=MONTHLY;BYDAY=5FR',
    'FREQ=MONTHLY;BYDAY=-2FR',
    'FREQ=MONTHLY;BYDAY=1MO,3MO',
    'FREQ=YEARLY;BYYEARDAY=100',
    'FREQ=YEARLY;BYWEEKNO=20',
    'FREQ=DAILY;BYHOUR=9,17',
    'FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=1',
  ])('%s → UNSUPPORTED_RECURRENCE', (rule) => {
    expect(parseIcalRrule(rule, start)).toMatchObject({ ok: false, code: 'UNSUPPORTED_RECURRENCE' });
  });

  it.each([
    '',
    'W1 MO #10',
    'FREQ=FORTNIGHTLY',
    'BYDAY=MO',
    'FREQ=DAILY;COUNT=0',
    'FREQ=DAILY;COUNT=2;UNTIL=20250401T000000Z',
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=DAILY;UNTIL=2025',
  ])('%j → INVALID_RRULE', (rule) => {
    expect(parseIcalRrule(rule, start)).toMatchObject({ ok: false, code: 'INVALID_RRULE' });
  });
});
