/**
 * iCalendar 2.0 RRULE (RFC 5545 §3.3.10) ⇄ Graph-shaped Recurrence. Only what Graph's
 * patternedRecurrence can hold is mapped; everything else is reported as UNSUPPORTED_RECURRENCE so
 * the caller keeps the rule verbatim.
 */
import type {
  DateOnly,
  DayOfWeek,
  Recurrence,
  RecurrencePattern,
  RecurrenceRange,
} from '../../model/index.js';
import { weekdayOf } from '../timezone/index.js';
import {
  DAY_BY_CODE,
  DAY_CODE,
  INDEX_BY_ORDINAL,
  INDEX_ORDINAL,
  invalid,
  recurrenceZoneOf,
  sortDays,
  unsupported,
  type RuleParse,
  type SeriesStart,
} from './tables.js';
import { endDateFromUntil, untilForIcal } from './until.js';

const KNOWN_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);
const SUB_DAILY = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
const BYDAY_RE = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/;

interface ByDay {
  readonly ordinal?: number;
  readonly day: DayOfWeek;
}

interface RuleParts {
  readonly freq: string;
  readonly interval: number;
  readonly byDay: readonly ByDay[];
  readonly byMonthDay: readonly number[];
  readonly byMonth: readonly number[];
  readonly bySetPos: readonly number[];
  readonly wkst?: DayOfWeek;
}

function intList(text: string | undefined, min: number, max: number): number[] | undefined {
  if (text === undefined) return [];
  const values = text.split(',').map((v) => (/^[+-]?\d+$/.test(v) ? Number(v) : NaN));
  return values.every((v) => Number.isInteger(v) && v !== 0 && Math.abs(v) >= min && Math.abs(v) <= max)
    ? values
    : undefined;
}

function splitParts(value: string): Map<string, string> | string {
  const parts = new Map<string, string>();
  for (const piece of value.trim().split(';')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    if (eq <= 0) return `part without '=': ${piece}`;
    const key = piece.slice(0, eq).toUpperCase();
    if (parts.has(key)) return `repeated part ${key}`;
    parts.set(key, piece.slice(eq + 1).toUpperCase());
  }
  return parts;
}

function parseByDay(text: string | undefined): ByDay[] | undefined {
  if (text === undefined) return [];
  const result: ByDay[] = [];
  for (const item of text.split(',')) {
    const m = BYDAY_RE.exec(item);
    if (!m) return undefined;
    result.push({ ordinal: m[1] === undefined ? undefined : Number(m[1]), day: DAY_BY_CODE[m[2]!]! });
  }
  return result;
}

/** A single week ordinal shared by the BYDAY entries or BYSETPOS, mapped to Graph's index. */
function relativeIndex(
  parts: RuleParts,
): { index: ReturnType<typeof INDEX_BY_ORDINAL.get>; days: DayOfWeek[] } | string {
  const ordinals = new Set(parts.byDay.map((d) => d.ordinal));
  const days = sortDays(parts.byDay.map((d) => d.day));
  if (parts.bySetPos.length > 0) {
    if (parts.bySetPos.length !== 1 || ordinals.size !== 1 || !ordinals.has(undefined))
      return 'BYSETPOS with ordinals';
    const index = INDEX_BY_ORDINAL.get(parts.bySetPos[0]!);
    return index ? { index, days } : `BYSETPOS=${parts.bySetPos[0]}`;
  }
  if (parts.byDay.length !== 1) return 'several ordinal weekdays';
  const index = INDEX_BY_ORDINAL.get(parts.byDay[0]!.ordinal ?? 0);
  return index ? { index, days } : `ordinal ${parts.byDay[0]!.ordinal}`;
}

function toPattern(parts: RuleParts, start: SeriesStart): RecurrencePattern | string {
  const { interval } = parts;
  const startDay = Number(start.date.slice(8, 10));
  const startMonth = Number(start.date.slice(5, 7));
  const onlyOne = <T>(list: readonly T[], fallback: T) =>
    list.length <= 1 ? (list[0] ?? fallback) : undefined;
  const hasOrdinal = parts.byDay.some((d) => d.ordinal !== undefined);
  switch (parts.freq) {
    case 'DAILY':
      if (parts.byMonthDay.length || parts.byMonth.length || parts.bySetPos.length) return 'DAILY with BYxxx';
      if (parts.byDay.length === 0) return { type: 'daily', interval };
      if (interval !== 1 || hasOrdinal) return 'DAILY with BYDAY';
      return {
        type: 'weekly',
        interval: 1,
        daysOfWeek: sortDays(parts.byDay.map((d) => d.day)),
        firstDayOfWeek: parts.wkst ?? 'monday',
      };
    case 'WEEKLY': {
      if (parts.byMonthDay.length || parts.byMonth.length || parts.bySetPos.length || hasOrdinal)
        return 'WEEKLY with BYxxx';
      const days = parts.byDay.length ? sortDays(parts.byDay.map((d) => d.day)) : [weekdayOf(start.date)];
      return { type: 'weekly', interval, daysOfWeek: days, firstDayOfWeek: parts.wkst ?? 'monday' };
    }
    case 'MONTHLY':
    case 'YEARLY': {
      const yearly = parts.freq === 'YEARLY';
      const month = onlyOne(parts.byMonth, startMonth);
      if (month === undefined || (!yearly && parts.byMonth.length)) return 'BYMONTH not representable';
      if (parts.byDay.length === 0) {
        const day = onlyOne(parts.byMonthDay, startDay);
        if (day === undefined || day < 1 || parts.bySetPos.length) return 'BYMONTHDAY not representable';
        return yearly
          ? { type: 'absoluteYearly', interval, dayOfMonth: day, month }
          : { type: 'absoluteMonthly', interval, dayOfMonth: day };
      }
      if (parts.byMonthDay.length) return 'BYDAY with BYMONTHDAY';
      const rel = relativeIndex(parts);
      if (typeof rel === 'string' || !rel.index) return typeof rel === 'string' ? rel : 'ordinal';
      return yearly
        ? { type: 'relativeYearly', interval, daysOfWeek: rel.days, index: rel.index, month }
        : { type: 'relativeMonthly', interval, daysOfWeek: rel.days, index: rel.index };
    }
    default:
      return `FREQ=${parts.freq}`;
  }
}

function readParts(map: Map<string, string>): RuleParts | string {
  const freq = map.get('FREQ');
  if (!freq) return 'no FREQ';
  const interval = map.has('INTERVAL') ? Number(map.get('INTERVAL')) : 1;
  if (!Number.isInteger(interval) || interval < 1) return 'bad INTERVAL';
  const byDay = parseByDay(map.get('BYDAY'));
  const byMonthDay = intList(map.get('BYMONTHDAY'), 1, 31);
  const byMonth = intList(map.get('BYMONTH'), 1, 12);
  const bySetPos = intList(map.get('BYSETPOS'), 1, 366);
  if (!byDay || !byMonthDay || !byMonth || !bySetPos || byMonth.some((m) => m < 0)) return 'bad BYxxx value';
  const wkstCode = map.get('WKST');
  const wkst = wkstCode === undefined ? undefined : DAY_BY_CODE[wkstCode];
  if (wkstCode !== undefined && !wkst) return 'bad WKST';
  return { freq, interval, byDay, byMonthDay, byMonth, bySetPos, wkst };
}

function readRange(map: Map<string, string>, start: SeriesStart): RecurrenceRange | string {
  const count = map.get('COUNT');
  const until = map.get('UNTIL');
  if (count !== undefined && until !== undefined) return 'both COUNT and UNTIL';
  if (count !== undefined) {
    const n = Number(count);
    return Number.isInteger(n) && n >= 1
      ? { type: 'numbered', startDate: start.date, numberOfOccurrences: n }
      : 'bad COUNT';
  }
  if (until !== undefined) {
    const endDate = endDateFromUntil(until, start);
    return endDate ? { type: 'endDate', startDate: start.date, endDate } : 'bad UNTIL';
  }
  return { type: 'noEnd', startDate: start.date };
}

/** Parses an RRULE value ('FREQ=WEEKLY;BYDAY=MO,TU;COUNT=10') for a series starting at `start`. */
export function parseIcalRrule(value: string, start: SeriesStart): RuleParse {
  const map = splitParts(value);
  if (typeof map === 'string') return invalid(map);
  const freq = map.get('FREQ');
  if (freq === undefined || !/^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(freq))
    return invalid('no valid FREQ');
  const parts = readParts(map);
  if (typeof parts === 'string') return invalid(parts);
  const range = readRange(map, start);
  if (typeof range === 'string') return invalid(range);
  if (SUB_DAILY.has(freq)) return unsupported(`FREQ=${freq}`);
  const unknown = [...map.keys()].filter((k) => !KNOWN_PARTS.has(k));
  if (unknown.length) return unsupported(unknown.join(','));
  const pattern = toPattern(parts, start);
  if (typeof pattern === 'string') return unsupported(pattern);
  const timeZone = recurrenceZoneOf(start);
  const recurrence: Recurrence = timeZone ? { pattern, range, timeZone } : { pattern, range };
  return { ok: true, recurrence };
}

function byDayList(days: readonly DayOfWeek[], ordinal?: number): string {
  return sortDays(days)
    .map((d) => `${ordinal ?? ''}${DAY_CODE[d]}`)
    .join(',');
}

function patternParts(p: RecurrencePattern): string[] {
  const freqByType = {
    daily: 'DAILY',
    weekly: 'WEEKLY',
    absoluteMonthly: 'MONTHLY',
    relativeMonthly: 'MONTHLY',
    absoluteYearly: 'YEARLY',
    relativeYearly: 'YEARLY',
  } as const;
  const parts = [`FREQ=${freqByType[p.type]}`];
  if (p.interval !== 1) parts.push(`INTERVAL=${p.interval}`);
  if (p.type === 'absoluteYearly' || p.type === 'relativeYearly') parts.push(`BYMONTH=${p.month}`);
  if (p.type === 'weekly')
    parts.push(`BYDAY=${byDayList(p.daysOfWeek)}`, `WKST=${DAY_CODE[p.firstDayOfWeek]}`);
  if (p.type === 'absoluteMonthly' || p.type === 'absoluteYearly') parts.push(`BYMONTHDAY=${p.dayOfMonth}`);
  if (p.type === 'relativeMonthly' || p.type === 'relativeYearly') {
    const ordinal = INDEX_ORDINAL[p.index];
    // One day: BYDAY=2TH. Several days ("first weekday"): the set position picks one of them.
    if (p.daysOfWeek.length === 1) parts.push(`BYDAY=${byDayList(p.daysOfWeek, ordinal)}`);
    else parts.push(`BYDAY=${byDayList(p.daysOfWeek)}`, `BYSETPOS=${ordinal}`);
  }
  return parts;
}

/** The RRULE value for a Graph-shaped recurrence of a series starting at `start`. */
export function formatIcalRrule(recurrence: Recurrence, start: SeriesStart): string {
  const parts = patternParts(recurrence.pattern);
  const { range } = recurrence;
  if (range.type === 'numbered') parts.push(`COUNT=${range.numberOfOccurrences}`);
  if (range.type === 'endDate') parts.push(`UNTIL=${untilForIcal(range.endDate as DateOnly, start)}`);
  return parts.join(';');
}
