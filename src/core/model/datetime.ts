/**
 * Date and time values as the two sides carry them. A wall-clock time without a zone ("floating")
 * is a different thing from a UTC instant; conflating them is how appointments shift by hours.
 */

/** A calendar date, 'YYYY-MM-DD'. Used for all-day events, birthdays and task due dates. */
export type DateOnly = string & { readonly __dateOnly: true };

/** A wall-clock local time 'YYYY-MM-DDTHH:mm:ss' in a named IANA zone, in UTC, or floating. */
export type DateTimeValue =
  | { readonly kind: 'utc'; readonly iso: string } // 'YYYY-MM-DDTHH:mm:ssZ'
  | { readonly kind: 'zoned'; readonly local: string; readonly tz: string } // tz: IANA name
  | { readonly kind: 'floating'; readonly local: string };

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function dateOnly(s: string): DateOnly {
  if (!DATE_RE.test(s)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return s as DateOnly;
}

export function isDateOnly(s: string): s is DateOnly {
  return DATE_RE.test(s);
}
