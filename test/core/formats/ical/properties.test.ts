import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, weekdayOf } from '../../../../src/core/formats/timezone/index.js';
import type {
  CalendarEvent,
  DateOnly,
  DayOfWeek,
  Recurrence,
  Task,
} from '../../../../src/core/model/index.js';
import { calendarEvent, task } from './arbitraries.js';
import { roundTrip } from './calendar-fixtures.js';

/** vCal 1.0 has no WKST: weekly rules come back with Monday as the first day of the week. */
function asVcalKeepsIt<T extends CalendarEvent | Task>(item: T): T {
  const r = item.recurrence;
  if (r?.pattern.type !== 'weekly') return item;
  return { ...item, recurrence: { ...r, pattern: { ...r.pattern, firstDayOfWeek: 'monday' } } };
}

const WEEK: readonly DayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

/**
 * The dates of an ended weekly series as Graph defines them, by scanning day by day: a listed
 * weekday on or after the start, in a week (from firstDayOfWeek) that is a multiple of the interval
 * after the start's week. Not ical.js: RFC 5545 counts a DTSTART off the listed days as the first
 * occurrence, Graph does not, and the generators produce such starts.
 */
function weeklyDates(r: Recurrence): DateOnly[] {
  const p = r.pattern;
  if (p.type !== 'weekly') throw new Error('weekly only');
  const start = r.range.startDate;
  const firstDay = WEEK.indexOf(p.firstDayOfWeek ?? 'sunday');
  const weekStart = addDays(start, -((WEEK.indexOf(weekdayOf(start)) - firstDay + 7) % 7));
  const out: DateOnly[] = [];
  for (let day = start; out.length < 5000; day = addDays(day, 1)) {
    if (r.range.type === 'endDate' && day > r.range.endDate) break;
    if (r.range.type === 'numbered' && out.length === r.range.numberOfOccurrences) break;
    const week = Math.floor(daysBetween(weekStart, day) / 7);
    if (week % p.interval === 0 && p.daysOfWeek.includes(weekdayOf(day))) out.push(day);
  }
  return out;
}

/**
 * After a trip through 1.0 the item equals `expected`, except that a numbered weekly series on
 * several days comes back as the end-date series with the same dates (decision 0150).
 */
function expectVcalRoundTrip(back: CalendarEvent | Task, expected: CalendarEvent | Task): void {
  const r = expected.recurrence;
  const countAsDate =
    r?.range.type === 'numbered' && r.pattern.type === 'weekly' && r.pattern.daysOfWeek.length > 1;
  if (!countAsDate || !back.recurrence) {
    expect(back).toEqual(expected);
    return;
  }
  expect(back.recurrence.range.type).toBe('endDate');
  expect(weeklyDates(back.recurrence)).toEqual(weeklyDates(r));
  expect({ ...back, recurrence: { ...back.recurrence, range: r.range } }).toEqual(expected);
}

function setup() {
  return { runs: { numRuns: 200, seed: 4711 } };
}

describe('property: models survive serialise → parse', () => {
  const { runs } = setup();

  it('events in iCalendar 2.0', () => {
    fc.assert(
      fc.property(calendarEvent, (e) => {
        expect(roundTrip(e, '2.0')).toEqual(e);
      }),
      runs,
    );
  });

  it('events in vCalendar 1.0', () => {
    fc.assert(
      fc.property(calendarEvent, (e) => {
        expectVcalRoundTrip(roundTrip(e, '1.0'), asVcalKeepsIt(e));
      }),
      runs,
    );
  });

  it('numbered weekly series on several days in vCalendar 1.0 keep their dates', () => {
    const severalDays = fc.uniqueArray(fc.constantFrom(...WEEK), { minLength: 2, maxLength: 7 });
    const series = fc
      .tuple(calendarEvent, fc.integer({ min: 1, max: 4 }), severalDays, fc.integer({ min: 1, max: 60 }))
      .filter(([e]) => e.recurrence !== undefined)
      .map(([e, interval, days, n]): CalendarEvent => {
        const startDate = e.recurrence!.range.startDate;
        const pattern = {
          type: 'weekly' as const,
          interval,
          daysOfWeek: WEEK.filter((d) => days.includes(d)),
        };
        const range = { type: 'numbered' as const, startDate, numberOfOccurrences: n };
        return {
          ...e,
          recurrence: { ...e.recurrence!, pattern: { ...pattern, firstDayOfWeek: 'monday' }, range },
        };
      });
    fc.assert(
      fc.property(series, (e) => {
        expectVcalRoundTrip(roundTrip(e, '1.0'), e);
      }),
      runs,
    );
  });

  it('tasks in iCalendar 2.0', () => {
    fc.assert(
      fc.property(task, (t) => {
        expect(roundTrip(t, '2.0')).toEqual(t);
      }),
      runs,
    );
  });

  it('tasks in vCalendar 1.0', () => {
    fc.assert(
      fc.property(task, (t) => {
        expectVcalRoundTrip(roundTrip(t, '1.0'), asVcalKeepsIt(t));
      }),
      runs,
    );
  });
});
