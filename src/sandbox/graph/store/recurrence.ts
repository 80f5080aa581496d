/**
 * Expands a series master's patternedRecurrence into occurrences, the way calendarView and
 * /instances show them. Occurrences keep the master's wall-clock time in its own zone, so a
 * 09:00 Berlin meeting stays at 09:00 across the DST change (and moves by an hour in UTC).
 */
import { badRequest } from '../errors.js';
import { requireZone } from './time.js';
import type { JsonObject } from './types.js';

const DAY_MS = 86_400_000;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
const PATTERN_TYPES = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
];
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'];
/** Never walk more than ~110 years of days, whatever the pattern says. */
const MAX_DAYS_WALKED = 40_000;

export interface RecurrencePatternJson {
  type: string;
  interval: number;
  daysOfWeek?: string[];
  firstDayOfWeek?: string;
  dayOfMonth?: number;
  month?: number;
  index?: string;
}
export interface RecurrenceRangeJson {
  type: string;
  startDate: string;
  endDate?: string;
  numberOfOccurrences?: number;
  recurrenceTimeZone?: string;
}
export interface PatternedRecurrence {
  pattern: RecurrencePatternJson;
  range: RecurrenceRangeJson;
}

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isDate = (s: unknown): s is string =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function invalid(message: string, details: Record<string, unknown>) {
  return badRequest('ErrorPropertyValidationFailure', message, { property: 'recurrence', ...details });
}

const isInt = (v: unknown, min: number, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isDay = (v: unknown) => typeof v === 'string' && (DAYS as readonly string[]).includes(v);

function validatePattern(pattern: Partial<RecurrencePatternJson>): void {
  if (typeof pattern.type !== 'string' || !PATTERN_TYPES.includes(pattern.type)) {
    throw invalid(`Unknown pattern type '${String(pattern.type)}'.`, { field: 'pattern.type' });
  }
  if (!isInt(pattern.interval, 1, 999))
    throw invalid('pattern.interval must be 1..999.', { field: 'pattern.interval' });
  const needsDays = pattern.type === 'weekly' || pattern.type.startsWith('relative');
  const days = pattern.daysOfWeek;
  if (needsDays && (!Array.isArray(days) || days.length === 0 || !days.every(isDay))) {
    throw invalid('pattern.daysOfWeek must list days of the week for this pattern.', {
      field: 'pattern.daysOfWeek',
    });
  }
  if (
    pattern.firstDayOfWeek !== undefined &&
    pattern.firstDayOfWeek !== null &&
    !isDay(pattern.firstDayOfWeek)
  ) {
    throw invalid('pattern.firstDayOfWeek must be a day of the week.', { field: 'pattern.firstDayOfWeek' });
  }
  if (pattern.type.startsWith('absolute') && !isInt(pattern.dayOfMonth, 1, 31)) {
    throw invalid('pattern.dayOfMonth must be 1..31.', { field: 'pattern.dayOfMonth' });
  }
  if (pattern.type.endsWith('Yearly') && !isInt(pattern.month, 1, 12)) {
    throw invalid('pattern.month must be 1..12.', { field: 'pattern.month' });
  }
  if (
    pattern.type.startsWith('relative') &&
    pattern.index !== undefined &&
    pattern.index !== null &&
    !INDEXES.includes(pattern.index as never)
  ) {
    throw invalid(`Unknown pattern.index '${String(pattern.index)}'.`, { field: 'pattern.index' });
  }
}

function validateRange(range: Partial<RecurrenceRangeJson>): void {
  if (typeof range.type !== 'string' || !RANGE_TYPES.includes(range.type)) {
    throw invalid(`Unknown range type '${String(range.type)}'.`, { field: 'range.type' });
  }
  if (!isDate(range.startDate))
    throw invalid('range.startDate must be YYYY-MM-DD.', { field: 'range.startDate' });
  if (range.type === 'endDate' && (!isDate(range.endDate) || range.endDate < range.startDate)) {
    throw invalid('range.endDate must be a date on or after startDate.', { field: 'range.endDate' });
  }
  if (range.type === 'numbered' && !isInt(range.numberOfOccurrences, 1, 999)) {
    throw invalid('range.numberOfOccurrences must be 1..999.', { field: 'range.numberOfOccurrences' });
  }
  if (range.recurrenceTimeZone !== undefined && range.recurrenceTimeZone !== null) {
    requireZone(range.recurrenceTimeZone, 'recurrence.range.recurrenceTimeZone');
  }
}

/** Checks a patternedRecurrence as Graph would before storing it. */
export function validateRecurrence(value: unknown): PatternedRecurrence {
  const rec = value as Partial<PatternedRecurrence> | null;
  if (
    !rec ||
    typeof rec !== 'object' ||
    typeof rec.pattern !== 'object' ||
    !rec.pattern ||
    typeof rec.range !== 'object' ||
    !rec.range
  ) {
    throw invalid('recurrence needs pattern and range.', {});
  }
  validatePattern(rec.pattern);
  validateRange(rec.range);
  return rec as PatternedRecurrence;
}

function nthWeekdayMatch(day: number, pattern: RecurrencePatternJson): boolean {
  const date = new Date(day * DAY_MS);
  const wanted = new Set(pattern.daysOfWeek);
  if (!wanted.has(DAYS[date.getUTCDay()]!)) return false;
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const matches: number[] = [];
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  for (let d = 1; d <= daysInMonth; d++) {
    const candidate = Date.UTC(year, month, d);
    if (wanted.has(DAYS[new Date(candidate).getUTCDay()]!)) matches.push(Math.floor(candidate / DAY_MS));
  }
  const index = pattern.index ?? 'first';
  const pick = index === 'last' ? matches[matches.length - 1] : matches[INDEXES.indexOf(index as never)];
  return pick === day;
}

function dayOfMonthMatch(date: Date, dayOfMonth: number): boolean {
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return date.getUTCDate() === Math.min(dayOfMonth, daysInMonth);
}

function matchesPattern(day: number, startDay: number, pattern: RecurrencePatternJson): boolean {
  const date = new Date(day * DAY_MS);
  const start = new Date(startDay * DAY_MS);
  const months =
    (date.getUTCFullYear() - start.getUTCFullYear()) * 12 + date.getUTCMonth() - start.getUTCMonth();
  const years = date.getUTCFullYear() - start.getUTCFullYear();
  switch (pattern.type) {
    case 'daily':
      return (day - startDay) % pattern.interval === 0;
    case 'weekly': {
      if (!pattern.daysOfWeek!.includes(DAYS[date.getUTCDay()]!)) return false;
      const firstDay = Math.max(0, DAYS.indexOf((pattern.firstDayOfWeek ?? 'sunday') as never));
      const weekStart = (d: number) => d - ((new Date(d * DAY_MS).getUTCDay() - firstDay + 7) % 7);
      return ((weekStart(day) - weekStart(startDay)) / 7) % pattern.interval === 0;
    }
    case 'absoluteMonthly':
      return months % pattern.interval === 0 && dayOfMonthMatch(date, pattern.dayOfMonth!);
    case 'relativeMonthly':
      return months % pattern.interval === 0 && nthWeekdayMatch(day, pattern);
    case 'absoluteYearly':
      return (
        years % pattern.interval === 0 &&
        date.getUTCMonth() + 1 === pattern.month &&
        dayOfMonthMatch(date, pattern.dayOfMonth!)
      );
    case 'relativeYearly':
      return (
        years % pattern.interval === 0 &&
        date.getUTCMonth() + 1 === pattern.month &&
        nthWeekdayMatch(day, pattern)
      );
    default:
      return false;
  }
}

/**
 * Local dates ('YYYY-MM-DD') of the series' occurrences from its start up to `untilDate`
 * (inclusive), in order. Numbered ranges count every occurrence, cancelled ones included, as
 * Outlook does.
 */
export function occurrenceDates(recurrence: PatternedRecurrence, untilDate: string): string[] {
  const { pattern, range } = recurrence;
  const startDay = dayNumber(range.startDate);
  let lastDay = dayNumber(untilDate);
  if (range.type === 'endDate') lastDay = Math.min(lastDay, dayNumber(range.endDate!));
  lastDay = Math.min(lastDay, startDay + MAX_DAYS_WALKED);
  const limit = range.type === 'numbered' ? range.numberOfOccurrences! : Number.POSITIVE_INFINITY;
  const dates: string[] = [];
  for (let day = startDay; day <= lastDay && dates.length < limit; day++) {
    if (matchesPattern(day, startDay, pattern)) dates.push(dateOf(day));
  }
  return dates;
}

export function recurrenceOf(fields: JsonObject): PatternedRecurrence | undefined {
  const rec = fields.recurrence;
  return rec && typeof rec === 'object' ? (rec as PatternedRecurrence) : undefined;
}
