/**
 * Wall-clock arithmetic on the model's local strings ('YYYY-MM-DDTHH:mm:ss', 'YYYY-MM-DD') and the
 * compact iCalendar forms ('YYYYMMDDTHHMMSS', 'YYYYMMDD'). Plain UTC maths on Date.UTC, no zones.
 */
import { dateOnly, type DateOnly, type DayOfWeek } from '../../model/index.js';

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const BASIC_DATE_TIME_RE = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(Z?)$/;
const BASIC_DATE_RE = /^(\d{4})-?(\d{2})-?(\d{2})$/;

export const WEEKDAYS: readonly DayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** Epoch milliseconds of a local wall-clock string read as if it were UTC. */
export function localToNaiveMs(local: string): number {
  const m = LOCAL_RE.exec(local);
  if (!m) throw new RangeError(`not a local date-time: ${local}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/** Inverse of localToNaiveMs: 'YYYY-MM-DDTHH:mm:ss'. */
export function naiveMsToLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

export function utcIsoToMs(iso: string): number {
  return localToNaiveMs(iso.replace(/Z$/, ''));
}

/** Is `y-m-d h:m:s` a real calendar time (no 31 February, no 25:00)? */
function isRealDateTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

/** '20250310T090000' / '2025-03-10T09:00:00' (+ optional Z) → local string and UTC flag, or undefined. */
export function parseCompactDateTime(text: string): { local: string; utc: boolean } | undefined {
  const m = BASIC_DATE_TIME_RE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!];
  // 24:00:00 is not a time; 60 seconds (leap) we do not accept either.
  if (!isRealDateTime(y, mo, d, h, mi, s)) return undefined;
  return { local: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`, utc: m[7] === 'Z' };
}

/** '20250310' / '2025-03-10' → DateOnly, or undefined. */
export function parseCompactDate(text: string): DateOnly | undefined {
  const m = BASIC_DATE_RE.exec(text.trim());
  if (!m || !isRealDateTime(+m[1]!, +m[2]!, +m[3]!)) return undefined;
  return dateOnly(`${m[1]}-${m[2]}-${m[3]}`);
}

/** '2025-03-10T09:00:00' → '20250310T090000'. */
export function compactLocal(local: string): string {
  return local.replace(/[-:]/g, '');
}

/** '2025-03-10' → '20250310'. */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

export function addDays(date: DateOnly, days: number): DateOnly {
  return dateOnly(naiveMsToLocal(localToNaiveMs(`${date}T00:00:00`) + days * 86_400_000).slice(0, 10));
}

export function daysBetween(from: DateOnly, to: DateOnly): number {
  return Math.round((localToNaiveMs(`${to}T00:00:00`) - localToNaiveMs(`${from}T00:00:00`)) / 86_400_000);
}

export function weekdayOf(date: string): DayOfWeek {
  return WEEKDAYS[new Date(localToNaiveMs(`${date.slice(0, 10)}T00:00:00`)).getUTCDay()]!;
}

export function datePart(local: string): DateOnly {
  return dateOnly(local.slice(0, 10));
}

export function timePart(local: string): string {
  return local.slice(11, 19);
}
