/** Tables shared by both RRULE dialects: day codes, week ordinals, and the series start. */
import type { DateOnly, DateTimeValue, DayOfWeek, Recurrence, WeekIndex } from '../../model/index.js';
import { datePart, timePart } from '../timezone/index.js';

export const DAY_CODE = {
  sunday: 'SU',
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
} as const satisfies Record<DayOfWeek, string>;

export const DAY_BY_CODE: Readonly<Record<string, DayOfWeek>> = Object.fromEntries(
  Object.entries(DAY_CODE).map(([day, code]) => [code, day as DayOfWeek]),
);

/** Graph's week index ⇄ RRULE ordinal (BYDAY=2TH, BYSETPOS=-1, vCal 2+ / 1-). */
export const INDEX_ORDINAL = { first: 1, second: 2, third: 3, fourth: 4, last: -1 } as const satisfies Record<
  WeekIndex,
  number
>;

export const INDEX_BY_ORDINAL: ReadonlyMap<number, WeekIndex> = new Map(
  Object.entries(INDEX_ORDINAL).map(([index, ordinal]) => [ordinal, index as WeekIndex]),
);

/** Days in Graph's order (Sunday first), so serialised lists are canonical. */
export const DAY_ORDER: readonly DayOfWeek[] = Object.keys(DAY_CODE) as DayOfWeek[];

export function sortDays(days: readonly DayOfWeek[]): DayOfWeek[] {
  return DAY_ORDER.filter((d) => days.includes(d));
}

/** What the rule converters need to know about the series start. */
export interface SeriesStart {
  /** Local date of the first occurrence, in the series' zone. */
  readonly date: DateOnly;
  /** 'HH:mm:ss', or undefined for all-day series. */
  readonly time?: string;
  /** 'utc', an IANA zone, 'floating', or 'date' (all-day). */
  readonly zone: 'utc' | 'floating' | 'date' | { readonly tz: string };
}

export function seriesStartOf(start: DateTimeValue | DateOnly): SeriesStart {
  if (typeof start === 'string') return { date: start, zone: 'date' };
  if (start.kind === 'utc') return { date: datePart(start.iso), time: timePart(start.iso), zone: 'utc' };
  if (start.kind === 'floating')
    return { date: datePart(start.local), time: timePart(start.local), zone: 'floating' };
  return { date: datePart(start.local), time: timePart(start.local), zone: { tz: start.tz } };
}

/** Recurrence.timeZone for a series start (Graph's recurrenceTimeZone). */
export function recurrenceZoneOf(start: SeriesStart): string | undefined {
  if (start.zone === 'utc') return 'UTC';
  if (typeof start.zone === 'object') return start.zone.tz;
  return undefined;
}

/** Outcome of converting a rule text to the model. */
export type RuleParse =
  | { readonly ok: true; readonly recurrence: Recurrence }
  | {
      readonly ok: false;
      readonly code: 'INVALID_RRULE' | 'UNSUPPORTED_RECURRENCE';
      readonly reason: string;
    };

export const invalid = (reason: string): RuleParse => ({ ok: false, code: 'INVALID_RRULE', reason });
export const unsupported = (reason: string): RuleParse => ({
  ok: false,
  code: 'UNSUPPORTED_RECURRENCE',
  reason,
});
