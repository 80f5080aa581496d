/**
 * UTC offsets of IANA zones, computed purely with Intl.DateTimeFormat (ES2022): no zone database
 * of our own, so offsets follow whatever tzdata the host engine ships.
 */
import { localToNaiveMs, naiveMsToLocal } from './local-time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True when the host knows `tz` as an IANA zone name. */
export function isKnownIanaZone(tz: string): boolean {
  if (!tz || tz.includes(' ')) return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR = 900_000;
const offsetCache = new Map<string, number>();

/**
 * Offset of `tz` from UTC in minutes (east positive) at the instant `epochMs`. Memoised per
 * quarter hour: zone transitions fall on quarter hours, and Intl formatting is the hot spot.
 */
export function offsetMinutesAt(tz: string, epochMs: number): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR);
  const key = `${tz}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size > 100_000) offsetCache.clear();
    offset = computeOffset(tz, bucket * QUARTER_HOUR);
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeOffset(tz: string, epochMs: number): number {
  const parts = formatterFor(tz).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallAsUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((wallAsUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** The wall-clock time in `tz` at `epochMs`. */
export function epochToZonedLocal(epochMs: number, tz: string): string {
  return naiveMsToLocal(epochMs + offsetMinutesAt(tz, epochMs) * 60_000);
}

/**
 * The instant of wall-clock `local` in `tz`. A time that falls into the spring-forward gap is
 * moved forward by the gap (as Outlook and RFC 5545 do); an ambiguous autumn time takes the first
 * (daylight) occurrence.
 */
export function zonedLocalToEpoch(local: string, tz: string): number {
  const naive = localToNaiveMs(local);
  const before = offsetMinutesAt(tz, naive - 86_400_000);
  const after = offsetMinutesAt(tz, naive + 86_400_000);
  const candidates = [before, after].map((off) => naive - off * 60_000);
  const exact = candidates.filter((t) => naive === t + offsetMinutesAt(tz, t) * 60_000);
  if (exact.length > 0) return Math.min(...exact);
  // In the gap: interpret with the offset before the change, which lands after the gap.
  return naive - before * 60_000;
}

/** '+01:00' style offset text (vCalendar 1.0 TZ). */
export function formatOffset(minutes: number, withColon = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return withColon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** Parses '+01', '+0100', '+01:00', '-05:30' → minutes; undefined if not an offset. */
export function parseOffset(text: string): number | undefined {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 18 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}
