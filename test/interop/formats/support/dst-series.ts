/**
 * One series per Graph recurrence pattern, each across a DST change, with its first occurrences
 * pinned as local wall-clock time and UTC (the same cases as the unit test
 * test/core/formats/recurrence/occurrences.test.ts, here sent through the real server).
 */
import { dateOnly, type CalendarEvent, type Recurrence } from '../../../../src/core/model/index.js';

export interface PinnedSeries {
  readonly name: string;
  readonly event: CalendarEvent;
  readonly pinned: readonly string[];
}

const BERLIN = 'Europe/Berlin';
const numbered = (start: string, n: number): Recurrence['range'] => ({
  type: 'numbered',
  startDate: dateOnly(start),
  numberOfOccurrences: n,
});

function series(
  index: number,
  startLocal: string,
  tz: string,
  pattern: Recurrence['pattern'],
  range: Recurrence['range'],
): CalendarEvent {
  const endLocal = `${startLocal.slice(0, 11)}${String(Number(startLocal.slice(11, 13)) + 1).padStart(2, '0')}${startLocal.slice(13)}`;
  return {
    kind: 'event',
    uid: `dst-series-${index}@interop.example`,
    subject: `Serie ${index} über die Zeitumstellung`,
    timing: {
      allDay: false,
      start: { kind: 'zoned', local: startLocal, tz },
      end: { kind: 'zoned', local: endLocal, tz },
    },
    recurrence: { pattern, range, timeZone: tz },
    exceptions: [],
    sensitivity: 'normal',
    categories: [],
    attendees: [],
    extra: {},
  };
}

// Thursday 27 March 2025 09:00 Berlin; DST starts Sunday 30 March (UTC+1 → UTC+2).
export const PINNED_SERIES: readonly PinnedSeries[] = [
  {
    name: 'daily, every 2 days',
    event: series(
      1,
      '2025-03-27T09:00:00',
      BERLIN,
      { type: 'daily', interval: 2 },
      numbered('2025-03-27', 4),
    ),
    pinned: [
      '2025-03-27T09:00|08:00Z',
      '2025-03-29T09:00|08:00Z',
      '2025-03-31T09:00|07:00Z',
      '2025-04-02T09:00|07:00Z',
    ],
  },
  {
    name: 'weekly on Thursday, numbered',
    event: series(
      2,
      '2025-03-27T09:00:00',
      BERLIN,
      { type: 'weekly', interval: 1, daysOfWeek: ['thursday'], firstDayOfWeek: 'monday' },
      numbered('2025-03-27', 3),
    ),
    pinned: ['2025-03-27T09:00|08:00Z', '2025-04-03T09:00|07:00Z', '2025-04-10T09:00|07:00Z'],
  },
  {
    name: 'weekly Mon+Thu, numbered',
    event: series(
      3,
      '2025-03-27T09:00:00',
      BERLIN,
      { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'thursday'], firstDayOfWeek: 'monday' },
      numbered('2025-03-27', 5),
    ),
    pinned: [
      '2025-03-27T09:00|08:00Z',
      '2025-03-31T09:00|07:00Z',
      '2025-04-03T09:00|07:00Z',
      '2025-04-07T09:00|07:00Z',
      '2025-04-10T09:00|07:00Z',
    ],
  },
  {
    name: 'every 2 weeks until a date',
    event: series(
      4,
      '2025-03-27T09:00:00',
      BERLIN,
      { type: 'weekly', interval: 2, daysOfWeek: ['thursday'], firstDayOfWeek: 'monday' },
      { type: 'endDate', startDate: dateOnly('2025-03-27'), endDate: dateOnly('2025-04-24') },
    ),
    pinned: ['2025-03-27T09:00|08:00Z', '2025-04-10T09:00|07:00Z', '2025-04-24T09:00|07:00Z'],
  },
  {
    name: 'absoluteMonthly on the 27th',
    event: series(
      5,
      '2025-03-27T09:00:00',
      BERLIN,
      { type: 'absoluteMonthly', interval: 1, dayOfMonth: 27 },
      numbered('2025-03-27', 3),
    ),
    pinned: ['2025-03-27T09:00|08:00Z', '2025-04-27T09:00|07:00Z', '2025-05-27T09:00|07:00Z'],
  },
  {
    name: 'relativeMonthly last Thursday, no end',
    event: series(
      6,
      '2025-03-27T09:00:00',
      BERLIN,
      { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'last' },
      { type: 'noEnd', startDate: dateOnly('2025-03-27') },
    ),
    pinned: ['2025-03-27T09:00|08:00Z', '2025-04-24T09:00|07:00Z', '2025-05-29T09:00|07:00Z'],
  },
  {
    name: 'absoluteYearly 27 March',
    event: series(
      7,
      '2025-03-27T09:00:00',
      BERLIN,
      { type: 'absoluteYearly', interval: 1, dayOfMonth: 27, month: 3 },
      numbered('2025-03-27', 3),
    ),
    pinned: ['2025-03-27T09:00|08:00Z', '2026-03-27T09:00|08:00Z', '2027-03-27T09:00|08:00Z'],
  },
  {
    name: 'weekly Monday in New York across the November change',
    event: series(
      8,
      '2025-10-27T09:00:00',
      'America/New_York',
      { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      numbered('2025-10-27', 3),
    ),
    pinned: ['2025-10-27T09:00|13:00Z', '2025-11-03T09:00|14:00Z', '2025-11-10T09:00|14:00Z'],
  },
];
