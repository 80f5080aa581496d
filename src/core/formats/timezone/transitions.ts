/**
 * DST transitions of an IANA zone, found by probing offsets (pure, Intl-based). Used to write
 * VTIMEZONE (iCalendar 2.0) and DAYLIGHT lines (vCalendar 1.0) and to recognise a zone from them.
 */
import { naiveMsToLocal, weekdayOf } from './local-time.js';
import { offsetMinutesAt } from './zone-offsets.js';

export interface ZoneTransition {
  /** Instant of the change (epoch ms, exact to the minute). */
  readonly atMs: number;
  readonly offsetBefore: number;
  readonly offsetAfter: number;
}

const WEEK = 7 * 86_400_000;

const transitionCache = new Map<string, readonly ZoneTransition[]>();

/** Transitions of `tz` during calendar year `year` (UTC), in order. Memoised: tzdata does not change in a run. */
export function transitionsInYear(tz: string, year: number): readonly ZoneTransition[] {
  const key = `${tz}@${year}`;
  let cached = transitionCache.get(key);
  if (!cached) {
    cached = findTransitions(tz, year);
    transitionCache.set(key, cached);
  }
  return cached;
}

function findTransitions(tz: string, year: number): ZoneTransition[] {
  const result: ZoneTransition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let t = Date.UTC(year, 0, 1);
  let off = offsetMinutesAt(tz, t);
  while (t < end) {
    const next = Math.min(t + WEEK, end);
    const nextOff = offsetMinutesAt(tz, next);
    if (nextOff !== off) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutesAt(tz, mid) === off) lo = mid;
        else hi = mid;
      }
      result.push({ atMs: hi, offsetBefore: off, offsetAfter: offsetMinutesAt(tz, hi) });
      off = offsetMinutesAt(tz, hi);
    }
    t = next;
  }
  return result;
}

/** Standard (lower) and daylight offsets of `tz` in `year`; daylight undefined without DST. */
export function zoneOffsetsInYear(tz: string, year: number): { standard: number; daylight?: number } {
  const jan = offsetMinutesAt(tz, Date.UTC(year, 0, 1));
  const jul = offsetMinutesAt(tz, Date.UTC(year, 6, 1));
  if (jan === jul) return { standard: jan };
  return { standard: Math.min(jan, jul), daylight: Math.max(jan, jul) };
}

/** A yearly rule in iCalendar terms: the nth (or last, -1) weekday of a month. */
export interface YearlyRule {
  readonly month: number;
  readonly weekdayIndex: number; // 1..4 or -1
  readonly weekday: string; // 'SU', 'MO', …
}

const ICAL_DAYS: Record<string, string> = {
  sunday: 'SU',
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
};

/** The local wall-clock time (in the offset before the change) at which a transition happens. */
export function transitionLocalStart(tr: ZoneTransition): string {
  return naiveMsToLocal(tr.atMs + tr.offsetBefore * 60_000);
}

/** Describes a transition's local date as "nth weekday of month" (last if in the final week). */
export function yearlyRuleOf(tr: ZoneTransition): YearlyRule {
  const local = transitionLocalStart(tr);
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7));
  const day = Number(local.slice(8, 10));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weekdayIndex = day + 7 > daysInMonth ? -1 : Math.ceil(day / 7);
  return { month, weekdayIndex, weekday: ICAL_DAYS[weekdayOf(local)]! };
}
