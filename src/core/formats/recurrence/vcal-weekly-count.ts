/**
 * vCalendar 1.0 `#n` on a weekly rule with several days is ambiguous: the 1.0 spec ("W1 TU TH #5 =
 * for 5 weeks") and the Synthesis engine count weeks, while Graph and RFC 5545 count occurrences.
 * We write such numbered ranges as an end date (every reader gets the same dates) and read `#n`
 * there as n weeks, as the engine family of our servers and phones does (decision 0150).
 */
import type { DateOnly, DayOfWeek } from '../../model/index.js';
import { addDays, weekdayOf } from '../timezone/index.js';
import { DAY_ORDER } from './tables.js';

/** Whether a vCal 1.0 `#n` on this weekly rule means something else to a 1.0 reader than n occurrences. */
export function weeklyCountIsAmbiguous(daysOfWeek: readonly DayOfWeek[]): boolean {
  return new Set(daysOfWeek).size > 1;
}

/** Days from Monday (0) to Sunday (6): vCal 1.0 has no WKST, so its weekly rules use ISO weeks. */
const isoIndex = (day: DayOfWeek) => (DAY_ORDER.indexOf(day) + 6) % 7;

/**
 * The date of the last of `count` occurrences of a weekly rule (Monday weeks, as a 1.0 reader
 * expands it), counting from `startDate` itself on: the end date to write instead of `#count`.
 */
export function lastWeeklyOccurrence(
  startDate: DateOnly,
  interval: number,
  daysOfWeek: readonly DayOfWeek[],
  count: number,
): DateOnly {
  const offsets = [...new Set(daysOfWeek.map(isoIndex))].sort((a, b) => a - b);
  const weekStart = addDays(startDate, -isoIndex(weekdayOf(startDate)));
  const startOffset = isoIndex(weekdayOf(startDate));
  let seen = 0;
  let last = startDate;
  // Every active week after the first holds at least one occurrence, so this ends within `count` weeks.
  for (let week = 0; seen < count && offsets.length > 0; week += interval) {
    for (const offset of offsets) {
      if (week === 0 && offset < startOffset) continue;
      last = addDays(weekStart, week * 7 + offset);
      if (++seen === count) break;
    }
  }
  return last;
}

/**
 * The last day a vCal 1.0 `W<interval> <days> #<weeks>` allows, as the Synthesis engine computes
 * it (rrules.cpp, endDateFromCount for 1.0): the Saturday closing the week (Sunday-based) that lies
 * (weeks − 1) × interval weeks after the start's week; then moved back to the last listed weekday,
 * which leaves the occurrences unchanged and reads better in Outlook.
 */
export function endOfWeeklyCount(
  startDate: DateOnly,
  interval: number,
  daysOfWeek: readonly DayOfWeek[],
  weeks: number,
): DateOnly {
  const sundayBefore = addDays(startDate, -DAY_ORDER.indexOf(weekdayOf(startDate)));
  const saturday = addDays(sundayBefore, (weeks - 1) * interval * 7 + 6);
  for (let back = 0; back < 7; back++) {
    const day = addDays(saturday, -back);
    if (day < startDate) break;
    if (daysOfWeek.includes(weekdayOf(day))) return day;
  }
  return saturday;
}
