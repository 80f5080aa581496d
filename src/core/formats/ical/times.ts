/**
 * Date/time values between the property tree and the model. 2.0 carries zones by TZID; 1.0 carries
 * UTC instants plus TZ/DAYLIGHT, which the codec turns into a guessed IANA zone (`vcalZone`) so a
 * 1.0 series keeps its local wall-clock time across DST.
 */
import type { DateOnly, DateTimeValue, FormatIssue } from '../../model/index.js';
import {
  epochToZonedLocal,
  isoUtc,
  parseCompactDate,
  parseCompactDateTime,
  utcIsoToMs,
  zonedLocalToEpoch,
} from '../timezone/index.js';
import { issue, prop, type CalProp, type CalendarVersion } from './cal-tree.js';

export interface TimeContext {
  readonly version: CalendarVersion;
  /** TZID (2.0) → IANA zone, or undefined when unknown. */
  readonly resolveTzid: (tzid: string) => string | undefined;
  /** Unknown TZID with a VTIMEZONE (2.0): the UTC instant of `local` by that definition. */
  readonly utcViaVtimezone: (tzid: string, local: string) => string | undefined;
  /** 1.0: zone matching TZ/DAYLIGHT, used to turn UTC values into local times. */
  readonly vcalZone?: string;
}

export type TimeValue = DateTimeValue | DateOnly;

export function isDateOnlyValue(v: TimeValue): v is DateOnly {
  return typeof v === 'string';
}

/** Reads a DATE or DATE-TIME value; pushes INVALID_DATE / UNKNOWN_TIMEZONE and returns undefined when bad. */
export function readTime(
  p: CalProp,
  ctx: TimeContext,
  issues: FormatIssue[],
  raw = p.values[0] ?? '',
): TimeValue | undefined {
  const date = parseCompactDate(raw);
  if (date) return date;
  const dt = parseCompactDateTime(raw);
  if (!dt) {
    issues.push(issue('INVALID_DATE', `not a date or date-time: '${raw}'`, p));
    return undefined;
  }
  if (dt.utc) {
    if (ctx.vcalZone && ctx.vcalZone !== 'UTC') {
      return {
        kind: 'zoned',
        local: epochToZonedLocal(utcIsoToMs(dt.local), ctx.vcalZone),
        tz: ctx.vcalZone,
      };
    }
    return { kind: 'utc', iso: `${dt.local}Z` };
  }
  const tzid = p.params['TZID'];
  if (tzid === undefined) return { kind: 'floating', local: dt.local };
  const tz = ctx.resolveTzid(tzid);
  if (tz === 'UTC') return { kind: 'utc', iso: `${dt.local}Z` };
  if (tz) return { kind: 'zoned', local: dt.local, tz };
  const utc = ctx.utcViaVtimezone(tzid, dt.local);
  issues.push(
    issue(
      'UNKNOWN_TIMEZONE',
      `TZID '${tzid}' is not a known zone${utc ? '; converted to UTC by its VTIMEZONE' : '; read as floating'}`,
      p,
    ),
  );
  return utc ? { kind: 'utc', iso: utc } : { kind: 'floating', local: dt.local };
}

/** Epoch ms of a value; floating and date values are read as UTC wall clock (only differences matter). */
export function epochOf(v: TimeValue): number {
  if (isDateOnlyValue(v)) return utcIsoToMs(`${v}T00:00:00`);
  if (v.kind === 'utc') return utcIsoToMs(v.iso);
  if (v.kind === 'floating') return utcIsoToMs(v.local);
  return zonedLocalToEpoch(v.local, v.tz);
}

/** Expresses `v` in the same form as `like` (an exception's RECURRENCE-ID in the series' own zone). */
export function alignTime(v: TimeValue, like: TimeValue): TimeValue {
  if (isDateOnlyValue(like)) return isDateOnlyValue(v) ? v : (dateOf(v) as DateOnly);
  if (isDateOnlyValue(v)) return v;
  if (like.kind === 'zoned' && v.kind === 'utc')
    return { kind: 'zoned', local: epochToZonedLocal(utcIsoToMs(v.iso), like.tz), tz: like.tz };
  if (like.kind === 'utc' && v.kind === 'zoned') return { kind: 'utc', iso: isoUtc(epochOf(v)) };
  return v;
}

function dateOf(v: DateTimeValue): string {
  return (v.kind === 'utc' ? v.iso : v.local).slice(0, 10);
}

/** Sort key that orders exceptions canonically. */
export function timeKey(v: TimeValue): string {
  return isDateOnlyValue(v) ? v : v.kind === 'utc' ? v.iso : v.local;
}

/** Collects the zones a writer used, for VTIMEZONE (2.0) or TZ/DAYLIGHT (1.0). */
export interface ZoneCollector {
  readonly zones: Map<string, number>; // IANA → first year used
}

/** A DATE / DATE-TIME property for the given dialect. */
export function writeTime(
  name: string,
  v: TimeValue,
  version: CalendarVersion,
  zones: ZoneCollector,
): CalProp {
  if (isDateOnlyValue(v))
    return version === '2.0' ? prop(name, v, 'date') : prop(name, `${v}T00:00:00`, 'date-time');
  if (v.kind === 'utc') return prop(name, v.iso, 'date-time');
  if (v.kind === 'floating') return prop(name, v.local, 'date-time');
  const year = Number(v.local.slice(0, 4));
  if (!zones.zones.has(v.tz) || zones.zones.get(v.tz)! > year) zones.zones.set(v.tz, year);
  if (version === '1.0') return prop(name, isoUtc(zonedLocalToEpoch(v.local, v.tz)), 'date-time');
  return prop(name, v.local, 'date-time', { TZID: v.tz });
}
