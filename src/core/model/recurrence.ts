import type { DateOnly } from './datetime.js';

/**
 * Recurrence in the shape of Graph's patternedRecurrence: what Outlook can hold is the common
 * ground. Rules that Graph can't express are kept verbatim in `unsupportedRule` and reported.
 */
export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
export type WeekIndex = 'first' | 'second' | 'third' | 'fourth' | 'last';

export type RecurrencePattern =
  | { readonly type: 'daily'; readonly interval: number }
  | {
      readonly type: 'weekly';
      readonly interval: number;
      readonly daysOfWeek: readonly DayOfWeek[];
      readonly firstDayOfWeek: DayOfWeek;
    }
  | { readonly type: 'absoluteMonthly'; readonly interval: number; readonly dayOfMonth: number }
  | {
      readonly type: 'relativeMonthly';
      readonly interval: number;
      readonly daysOfWeek: readonly DayOfWeek[];
      readonly index: WeekIndex;
    }
  | {
      readonly type: 'absoluteYearly';
      readonly interval: number;
      readonly dayOfMonth: number;
      readonly month: number;
    }
  | {
      readonly type: 'relativeYearly';
      readonly interval: number;
      readonly daysOfWeek: readonly DayOfWeek[];
      readonly index: WeekIndex;
      readonly month: number;
    };

export type RecurrenceRange =
  | { readonly type: 'noEnd'; readonly startDate: DateOnly }
  | { readonly type: 'endDate'; readonly startDate: DateOnly; readonly endDate: DateOnly }
  | { readonly type: 'numbered'; readonly startDate: DateOnly; readonly numberOfOccurrences: number };

export interface Recurrence {
  readonly pattern: RecurrencePattern;
  readonly range: RecurrenceRange;
  /** IANA zone the range dates are meant in (Graph's recurrenceTimeZone). */
  readonly timeZone?: string;
}
