/**
 * vCalendar 1.0 RRULE (`W1 MO TU #10`, `MP1 1+ MO #0`, `MD1 15 20251231T000000Z`, `YM1 6 #0`) ⇄
 * Graph-shaped Recurrence. Grammar and defaults as libsynthesis reads it: no end given means #2,
 * `#0` means forever, omitted modifiers default to the start's day/weekday/month. `#n` counts
 * occurrences, except on a weekly rule with several days, where it counts weeks (decision 0150).
 */
import type {
  DayOfWeek,
  Recurrence,
  RecurrencePattern,
  RecurrenceRange,
  WeekIndex,
} from '../../model/index.js';
import { daysBetween, weekdayOf } from '../timezone/index.js';
import { dateOnly } from '../../model/index.js';
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
import { endDateFromUntil, untilForVcal } from './until.js';
import { endOfWeeklyCount, lastWeeklyOccurrence, weeklyCountIsAmbiguous } from './vcal-weekly-count.js';

const HEAD_RE = /^(D|W|MP|MD|YM|YD)(\d+)$/;
const ORDINAL_RE = /^([1-5])([+-])$/;
const END_RE = /^\d{8}(T\d{6}Z?)?$/;

type Freq = 'D' | 'W' | 'MP' | 'MD' | 'YM' | 'YD';

/** Splits the tokens after the head into modifiers and the end (`#n` or a date). */
function splitEnd(tokens: string[]): { modifiers: string[]; end?: string } | string {
  const last = tokens[tokens.length - 1];
  if (last !== undefined && (last.startsWith('#') || END_RE.test(last))) {
    const rest = tokens.slice(0, -1);
    if (rest.some((t) => t.startsWith('#') || END_RE.test(t))) return 'several ends (nested rules)';
    return { modifiers: rest, end: last };
  }
  if (tokens.some((t) => t.startsWith('#') || END_RE.test(t))) return 'end before modifiers';
  return { modifiers: tokens };
}

function readRange(end: string | undefined, start: SeriesStart): RecurrenceRange | string {
  const startDate = start.date;
  if (end === undefined) return { type: 'numbered', startDate, numberOfOccurrences: 2 };
  if (end.startsWith('#')) {
    if (!/^#\d+$/.test(end)) return `bad count ${end}`;
    const n = Number(end.slice(1));
    return n === 0 ? { type: 'noEnd', startDate } : { type: 'numbered', startDate, numberOfOccurrences: n };
  }
  const endDate = endDateFromUntil(end, start);
  return endDate ? { type: 'endDate', startDate, endDate } : `bad end date ${end}`;
}

/** `#n` (also the default #2) on a weekly rule with several days counts weeks: see vcal-weekly-count.ts. */
function countAsWeeks(range: RecurrenceRange, pattern: RecurrencePattern): RecurrenceRange {
  if (range.type !== 'numbered' || pattern.type !== 'weekly' || !weeklyCountIsAmbiguous(pattern.daysOfWeek))
    return range;
  const { startDate, numberOfOccurrences: weeks } = range;
  const endDate = endOfWeeklyCount(startDate, pattern.interval, pattern.daysOfWeek, weeks);
  return { type: 'endDate', startDate, endDate };
}

function readDays(tokens: readonly string[], start: SeriesStart): DayOfWeek[] | undefined {
  if (tokens.length === 0) return [weekdayOf(start.date)];
  const days = tokens.map((t) => DAY_BY_CODE[t]);
  return days.every((d): d is DayOfWeek => d !== undefined) ? sortDays(days) : undefined;
}

function weekIndexOfStart(start: SeriesStart): WeekIndex {
  const day = Number(start.date.slice(8, 10));
  return INDEX_BY_ORDINAL.get(Math.ceil(day / 7)) ?? 'last';
}

function dayOfYear(date: string): number {
  return daysBetween(dateOnly(`${date.slice(0, 4)}-01-01`), dateOnly(date.slice(0, 10))) + 1;
}

function toPattern(
  freq: Freq,
  interval: number,
  mods: string[],
  start: SeriesStart,
): RecurrencePattern | string {
  const startDay = Number(start.date.slice(8, 10));
  const startMonth = Number(start.date.slice(5, 7));
  switch (freq) {
    case 'D':
      return mods.length ? 'daily with modifiers (times of day)' : { type: 'daily', interval };
    case 'W': {
      const days = readDays(mods, start);
      return days
        ? { type: 'weekly', interval, daysOfWeek: days, firstDayOfWeek: 'monday' }
        : `bad weekdays ${mods.join(' ')}`;
    }
    case 'MP': {
      const ord = mods.length ? ORDINAL_RE.exec(mods[0]!) : null;
      if (mods.length && !ord) return `bad week ordinal ${mods[0]}`;
      const index = ord
        ? INDEX_BY_ORDINAL.get(Number(ord[1]) * (ord[2] === '-' ? -1 : 1))
        : weekIndexOfStart(start);
      if (!index) return `week ordinal ${mods[0]}`;
      const dayTokens = mods.slice(1);
      if (dayTokens.some((t) => ORDINAL_RE.test(t))) return 'several week ordinals';
      if (dayTokens.length > 1) return 'several weekdays with an ordinal';
      const days = readDays(dayTokens, start);
      return days
        ? { type: 'relativeMonthly', interval, daysOfWeek: days, index }
        : `bad weekday ${dayTokens.join(' ')}`;
    }
    case 'MD': {
      if (mods.length > 1) return 'several days of month';
      const day = mods.length ? Number(mods[0]) : startDay;
      if (!Number.isInteger(day) || day < 1 || day > 31) return `day of month ${mods[0]}`;
      return { type: 'absoluteMonthly', interval, dayOfMonth: day };
    }
    case 'YM': {
      if (mods.length > 1) return 'several months';
      const month = mods.length ? Number(mods[0]) : startMonth;
      if (!Number.isInteger(month) || month < 1 || month > 12) return `month ${mods[0]}`;
      return { type: 'absoluteYearly', interval, dayOfMonth: startDay, month };
    }
    case 'YD': {
      // Graph has no day-of-year rule; only the start's own day is the same as "yearly on this date".
      if (mods.length > 1 || (mods.length === 1 && Number(mods[0]) !== dayOfYear(start.date)))
        return 'day of year';
      return { type: 'absoluteYearly', interval, dayOfMonth: startDay, month: startMonth };
    }
  }
}

/** Parses a vCal 1.0 RRULE value for a series starting at `start`. An empty value is no rule. */
export function parseVcalRrule(value: string, start: SeriesStart): RuleParse {
  const tokens = value.trim().toUpperCase().split(/\s+/).filter(Boolean);
  const head = HEAD_RE.exec(tokens[0] ?? '');
  if (!head) return invalid(`no frequency in '${value}'`);
  const interval = Number(head[2]);
  if (interval < 1) return invalid('interval 0');
  const split = splitEnd(tokens.slice(1));
  if (typeof split === 'string') return split.startsWith('several') ? unsupported(split) : invalid(split);
  if (split.modifiers.some((t) => HEAD_RE.test(t))) return unsupported('several rules in one RRULE');
  const range = readRange(split.end, start);
  if (typeof range === 'string') return invalid(range);
  if (split.modifiers.includes('LD') || split.modifiers.some((t) => /^\d+-$/.test(t) && head[1] === 'MD')) {
    return unsupported('day counted from the month end');
  }
  const pattern = toPattern(head[1] as Freq, interval, split.modifiers, start);
  if (typeof pattern === 'string') {
    const looksValid = split.modifiers.every((t) =>
      /^([1-5][+-]|LD|\d{1,4}\$?|SU|MO|TU|WE|TH|FR|SA)$/.test(t),
    );
    return looksValid ? unsupported(pattern) : invalid(pattern);
  }
  const timeZone = recurrenceZoneOf(start);
  const ranged = countAsWeeks(range, pattern);
  const recurrence: Recurrence = timeZone ? { pattern, range: ranged, timeZone } : { pattern, range: ranged };
  return { ok: true, recurrence };
}

/** Why a pattern has no vCal 1.0 form, or undefined when it has one. */
export function vcalUnsupportedReason(recurrence: Recurrence, start: SeriesStart): string | undefined {
  const p = recurrence.pattern;
  if (p.type === 'absoluteYearly' && p.dayOfMonth !== Number(start.date.slice(8, 10))) {
    return 'yearly on another day than the start (YM uses the start day)';
  }
  if ((p.type === 'relativeMonthly' || p.type === 'relativeYearly') && p.daysOfWeek.length !== 1) {
    return 'one of several weekdays by position (BYSETPOS)';
  }
  if (p.type === 'relativeYearly') return 'yearly on a weekday of a month';
  return undefined;
}

function patternText(p: RecurrencePattern): string {
  switch (p.type) {
    case 'daily':
      return `D${p.interval}`;
    case 'weekly':
      return `W${p.interval} ${sortDays(p.daysOfWeek)
        .map((d) => DAY_CODE[d])
        .join(' ')}`;
    case 'relativeMonthly': {
      const ord = INDEX_ORDINAL[p.index];
      return `MP${p.interval} ${Math.abs(ord)}${ord < 0 ? '-' : '+'} ${DAY_CODE[p.daysOfWeek[0]!]}`;
    }
    case 'absoluteMonthly':
      return `MD${p.interval} ${p.dayOfMonth}`;
    case 'absoluteYearly':
      return `YM${p.interval} ${p.month}`;
    case 'relativeYearly':
      return `YM${p.interval} ${p.month}`; // unreachable for valid output: vcalUnsupportedReason guards it
  }
}

/** The end token: `#0`, `#n`, or an end date — also for a count that 1.0 readers would take as weeks. */
function endText(recurrence: Recurrence, start: SeriesStart): string {
  const { range, pattern } = recurrence;
  if (range.type === 'noEnd') return '#0';
  if (range.type === 'endDate') return untilForVcal(range.endDate, start);
  if (pattern.type === 'weekly' && weeklyCountIsAmbiguous(pattern.daysOfWeek)) {
    const last = lastWeeklyOccurrence(
      start.date,
      pattern.interval,
      pattern.daysOfWeek,
      range.numberOfOccurrences,
    );
    return untilForVcal(last, start);
  }
  return `#${range.numberOfOccurrences}`;
}

/**
 * The vCal 1.0 RRULE value, or undefined when the pattern has no 1.0 form (check
 * vcalUnsupportedReason). Yearly rules use the start's day of month, as vCal's YM does. A weekly
 * rule on several days gets its count as the last occurrence's date (decision 0150).
 */
export function formatVcalRrule(recurrence: Recurrence, start: SeriesStart): string | undefined {
  if (vcalUnsupportedReason(recurrence, start)) return undefined;
  return `${patternText(recurrence.pattern)} ${endText(recurrence, start)}`;
}
