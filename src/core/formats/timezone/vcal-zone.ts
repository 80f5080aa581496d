/**
 * vCalendar 1.0 has no zone names: `TZ:+01:00` and `DAYLIGHT:TRUE;+02;<start>;<end>;CET;CEST`.
 * We write them from the IANA zone (one DAYLIGHT line per year, at most six, as Funambol does) and
 * read them back by finding an IANA zone with the same offsets and transition instants.
 */
import { compactLocal, isoUtc } from './local-time.js';
import { transitionsInYear, zoneOffsetsInYear } from './transitions.js';
import { formatOffset, isKnownIanaZone, parseOffset } from './zone-offsets.js';

/** Zones tried first, so a German office's CET/CEST data becomes Europe/Berlin, not Africa/Ceuta. */
const PREFERRED_ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Helsinki',
  'Europe/Moscow',
  'Europe/Lisbon',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Asia/Tokyo',
  'Asia/Kolkata',
] as const;

export interface VcalZoneInfo {
  readonly tzOffset: number;
  readonly daylight: readonly { readonly offset: number; readonly startMs: number; readonly endMs: number }[];
}

/** TZ and DAYLIGHT property values for `tz` in the given years. */
export function vcalZoneProperties(tz: string, years: readonly number[]): { tz: string; daylight: string[] } {
  const first = years[0] ?? new Date().getUTCFullYear();
  const { standard } = zoneOffsetsInYear(tz, first);
  const daylight: string[] = [];
  for (const year of years) {
    const trs = transitionsInYear(tz, year);
    const on = trs.find((t) => t.offsetAfter > t.offsetBefore);
    const off = trs.find((t) => t.offsetAfter < t.offsetBefore);
    if (!on || !off) continue;
    const d = formatOffset(on.offsetAfter);
    daylight.push(
      `TRUE;${d};${compactLocal(isoUtc(on.atMs).slice(0, 19))}Z;${compactLocal(isoUtc(off.atMs).slice(0, 19))}Z;;`,
    );
  }
  return { tz: formatOffset(standard), daylight: daylight.length > 0 ? daylight : ['FALSE'] };
}

/** Parses one DAYLIGHT value; undefined for FALSE or junk. */
export function parseDaylight(value: string): VcalZoneInfo['daylight'][number] | undefined {
  const [flag, offset, start, end] = value.split(';');
  if (flag?.trim().toUpperCase() !== 'TRUE' || !offset || !start || !end) return undefined;
  const off = parseOffset(offset);
  const s = Date.parse(toIso(start));
  const e = Date.parse(toIso(end));
  if (off === undefined || Number.isNaN(s) || Number.isNaN(e)) return undefined;
  return { offset: off, startMs: s, endMs: e };
}

function toIso(compact: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(compact.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] === 'Z' ? 'Z' : ''}` : 'invalid';
}

function matches(tz: string, info: VcalZoneInfo, year: number): boolean {
  const offsets = zoneOffsetsInYear(tz, year);
  if (offsets.standard !== info.tzOffset) return false;
  const dl = info.daylight[0];
  if (!dl) return offsets.daylight === undefined;
  if (offsets.daylight !== dl.offset) return false;
  // Start and end each in their own year: the Synthesis engine writes a start and an end of
  // different years, and in the southern hemisphere daylight time ends in the next year.
  const yearOf = (ms: number) => new Date(ms).getUTCFullYear();
  const on = transitionsInYear(tz, yearOf(dl.startMs)).find((t) => t.offsetAfter > t.offsetBefore);
  const off = transitionsInYear(tz, yearOf(dl.endMs)).find((t) => t.offsetAfter < t.offsetBefore);
  return on?.atMs === dl.startMs && off?.atMs === dl.endMs;
}

/**
 * An IANA zone consistent with TZ/DAYLIGHT; a fixed-offset Etc/GMT zone when there is no daylight
 * saving (a bare `TZ:` says nothing about which region it is); undefined when nothing fits.
 */
const guessCache = new Map<string, string | undefined>();

export function guessZoneFromVcal(info: VcalZoneInfo, year: number): string | undefined {
  if (info.daylight.length === 0) return fixedOffsetZone(info.tzOffset);
  const key = `${info.tzOffset};${year};${info.daylight[0]!.offset};${info.daylight[0]!.startMs};${info.daylight[0]!.endMs}`;
  if (!guessCache.has(key)) guessCache.set(key, searchZone(info, year));
  return guessCache.get(key);
}

function searchZone(info: VcalZoneInfo, year: number): string | undefined {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  for (const tz of [...PREFERRED_ZONES, ...all]) {
    if (isKnownIanaZone(tz) && matches(tz, info, year)) return tz;
  }
  return undefined;
}

/** Etc/GMT±h for a whole-hour offset (POSIX signs are inverted), else undefined. */
function fixedOffsetZone(offsetMinutes: number): string | undefined {
  if (offsetMinutes % 60 !== 0) return undefined;
  const hours = -offsetMinutes / 60;
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '+' : ''}${hours}`;
}
