/**
 * Wall-clock ↔ instant conversion for Graph's dateTimeTimeZone values, using the platform's Intl
 * time-zone data. Graph accepts Windows zone names and IANA names; we resolve both to IANA.
 */
import { findIana } from 'windows-iana';
import { badRequest } from '../errors.js';

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?Z?$/;

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

const zoneCache = new Map<string, string | null>();

/** IANA name for a Graph time-zone name (Windows or IANA), or undefined when unknown. */
export function resolveZone(name: string): string | undefined {
  if (zoneCache.has(name)) return zoneCache.get(name) ?? undefined;
  let iana: string | null = null;
  if (/^(UTC|Etc\/UTC|GMT|tzone:\/\/Microsoft\/Utc)$/i.test(name)) iana = 'UTC';
  else {
    const fromWindows = findIana(name)[0];
    const candidate = fromWindows ?? name;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: candidate });
      iana = candidate;
    } catch {
      iana = null;
    }
  }
  zoneCache.set(name, iana);
  return iana ?? undefined;
}

export function requireZone(name: unknown, field: string): string {
  const zone = typeof name === 'string' ? resolveZone(name) : undefined;
  if (!zone)
    throw badRequest(
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified in ${field}.`,
      { field, timeZone: name },
    );
  return zone;
}

/** Parses 'YYYY-MM-DDTHH:mm:ss[.fffffff]' into wall-clock fields (treated as UTC fields). */
export function parseLocal(local: string, field = 'dateTime'): number {
  const m = LOCAL_RE.exec(local);
  if (!m)
    throw badRequest(
      'ErrorInvalidRequest',
      `Cannot convert the literal '${local}' to the expected type 'Edm.DateTime'.`,
      { field, value: local },
    );
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  if (Number.isNaN(ms) || new Date(ms).getUTCDate() !== +d!) {
    throw badRequest('ErrorInvalidRequest', `Invalid date '${local}'.`, { field, value: local });
  }
  return ms;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(zone, f);
  }
  return f;
}

/**
 * Offsets per zone and UTC quarter hour. Intl is slow (tens of µs a call) and offsets only change on
 * quarter-hour UTC boundaries, so a quarter-hour-keyed cache makes expanding long series cheap.
 */
const offsetCache = new Map<string, number>();

/** Offset of `zone` from UTC at instant `utcMs`, in ms (positive east of Greenwich). */
function offsetAt(utcMs: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const key = `${zone}|${Math.floor(utcMs / 900_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  if (offsetCache.size > 200_000) offsetCache.clear();
  const offset = computeOffset(utcMs, zone);
  offsetCache.set(key, offset);
  return offset;
}

function computeOffset(utcMs: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant at which the wall clock in `zone` shows `local` (gaps resolve forward, like Outlook). */
export function wallToUtcMs(local: string, zone: string): number {
  const wall = parseLocal(local);
  let guess = wall - offsetAt(wall, zone);
  guess = wall - offsetAt(guess, zone);
  return guess;
}

export function utcMsToWall(utcMs: number, zone: string): string {
  const shifted = utcMs + offsetAt(utcMs, zone);
  return new Date(shifted).toISOString().slice(0, 19);
}

/** Graph prints seven fractional digits. */
export function graphDateTime(wall: string): string {
  return `${wall.slice(0, 19)}.0000000`;
}

export function toUtcMs(value: DateTimeTimeZone, field: string): number {
  return wallToUtcMs(value.dateTime, requireZone(value.timeZone, `${field}.timeZone`));
}

/** Renders an instant as a dateTimeTimeZone in the zone the client asked for. */
export function renderInstant(utcMs: number, zoneName: string): DateTimeTimeZone {
  const zone = resolveZone(zoneName) ?? 'UTC';
  return { dateTime: graphDateTime(utcMsToWall(utcMs, zone)), timeZone: zoneName };
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function dateOfLocal(local: string): string {
  return local.slice(0, 10);
}
