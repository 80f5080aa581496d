/** Event rules: time validation on write, and occurrence expansion for calendarView and /instances. */
import { badRequest } from '../errors.js';
import { occurrenceDates, recurrenceOf, validateRecurrence, type PatternedRecurrence } from './recurrence.js';
import {
  graphDateTime,
  parseLocal,
  requireZone,
  toUtcMs,
  wallToUtcMs,
  type DateTimeTimeZone,
} from './time.js';
import type { JsonObject, OccurrenceOverride, StoredItem } from './types.js';

const DAY_MS = 86_400_000;

export function readDateTime(value: unknown, field: string): DateTimeTimeZone {
  const v = value as Partial<DateTimeTimeZone> | null;
  if (!v || typeof v.dateTime !== 'string' || typeof v.timeZone !== 'string') {
    throw badRequest('ErrorInvalidRequest', `${field} must be a dateTimeTimeZone { dateTime, timeZone }.`, {
      field,
    });
  }
  requireZone(v.timeZone, `${field}.timeZone`);
  parseLocal(v.dateTime, `${field}.dateTime`);
  return { dateTime: graphDateTime(v.dateTime), timeZone: v.timeZone };
}

/**
 * Validates start/end/isAllDay/recurrence of a merged event (existing fields + patch) and
 * returns the fields normalised as Graph stores them.
 */
export function normalizeEventFields(merged: JsonObject): JsonObject {
  if (merged.start === undefined || merged.end === undefined) {
    throw badRequest('ErrorInvalidRequest', 'An event needs start and end.', {
      field: merged.start === undefined ? 'start' : 'end',
    });
  }
  const start = readDateTime(merged.start, 'start');
  const end = readDateTime(merged.end, 'end');
  const startMs = toUtcMs(start, 'start');
  const endMs = toUtcMs(end, 'end');
  if (endMs < startMs) {
    throw badRequest(
      'ErrorCalendarEndDateIsEarlierThanStartDate',
      'The end date must be on or after the start date.',
      {
        start: start.dateTime,
        end: end.dateTime,
      },
    );
  }
  if (
    merged.isAllDay === true &&
    (!start.dateTime.includes('T00:00:00') || !end.dateTime.includes('T00:00:00') || endMs === startMs)
  ) {
    throw badRequest(
      'ErrorPropertyValidationFailure',
      "Your request can't be completed. If the event is an all-day event, start and end must be specified as midnight and end must be after start.",
      { start: start.dateTime, end: end.dateTime },
    );
  }
  const out: JsonObject = { ...merged, start, end, isAllDay: merged.isAllDay === true };
  if (merged.recurrence !== undefined && merged.recurrence !== null)
    out.recurrence = validateRecurrence(merged.recurrence);
  else out.recurrence = null;
  return out;
}

export interface Occurrence {
  /** Stable key of the occurrence: its original start. */
  key: string;
  originalStartMs: number;
  startMs: number;
  endMs: number;
  override?: OccurrenceOverride;
}

export function eventSpan(fields: JsonObject): { startMs: number; endMs: number } {
  return {
    startMs: toUtcMs(fields.start as DateTimeTimeZone, 'start'),
    endMs: toUtcMs(fields.end as DateTimeTimeZone, 'end'),
  };
}

const keyOf = (ms: number, allDay: boolean) =>
  allDay
    ? new Date(ms).toISOString().slice(0, 10).replaceAll('-', '')
    : new Date(ms).toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '') + 'Z';

/** Occurrence dates per master, recomputed only when the series itself changes (masterSeq). */
const datesCache = new WeakMap<StoredItem, { masterSeq: number; untilDate: string; dates: string[] }>();

function cachedOccurrenceDates(
  master: StoredItem,
  recurrence: PatternedRecurrence,
  untilDate: string,
): string[] {
  const cached = datesCache.get(master);
  if (cached && cached.masterSeq === master.masterSeq && cached.untilDate >= untilDate) return cached.dates;
  // Compute a year ahead of what was asked, so paging through a window does not recompute.
  const horizon = new Date(Date.parse(`${untilDate}T00:00:00Z`) + 366 * DAY_MS).toISOString().slice(0, 10);
  const dates = occurrenceDates(recurrence, horizon);
  datesCache.set(master, { masterSeq: master.masterSeq, untilDate: horizon, dates });
  return dates;
}

/** Binary search in sorted 'YYYY-MM-DD' strings. */
function firstIndexAtOrAfter(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every occurrence of a series master (cancelled ones left out) that overlaps [fromMs, toMs). */
export function expandOccurrences(master: StoredItem, fromMs: number, toMs: number): Occurrence[] {
  const recurrence = recurrenceOf(master.fields);
  if (!recurrence) return [];
  const start = master.fields.start as DateTimeTimeZone;
  const allDay = master.fields.isAllDay === true;
  const zone = allDay
    ? 'UTC'
    : requireZone(recurrence.range.recurrenceTimeZone ?? start.timeZone, 'recurrenceTimeZone');
  const span = eventSpan(master.fields);
  const duration = span.endMs - span.startMs;
  const timeOfDay = start.dateTime.slice(11, 19);
  const untilDate = new Date(toMs + 2 * DAY_MS).toISOString().slice(0, 10);
  // Exceptions may move an occurrence by a few days; look a little before the window too.
  const overrideReach = Object.keys(master.occurrenceOverrides).length > 0 ? 30 : 2;
  const fromDate = new Date(fromMs - duration - overrideReach * DAY_MS).toISOString().slice(0, 10);
  const cancelled = new Set(master.cancelledOccurrences);
  const result: Occurrence[] = [];
  const dates = cachedOccurrenceDates(master, recurrence, untilDate);
  for (let i = firstIndexAtOrAfter(dates, fromDate); i < dates.length && dates[i]! <= untilDate; i++) {
    const date = dates[i]!;
    const originalStartMs = allDay
      ? Date.parse(`${date}T00:00:00Z`)
      : wallToUtcMs(`${date}T${timeOfDay}`, zone);
    const key = keyOf(originalStartMs, allDay);
    if (cancelled.has(key)) continue;
    const override = master.occurrenceOverrides[key];
    let startMs = originalStartMs;
    let endMs = originalStartMs + duration;
    if (override?.fields.start) startMs = toUtcMs(override.fields.start as DateTimeTimeZone, 'start');
    if (override?.fields.end) endMs = toUtcMs(override.fields.end as DateTimeTimeZone, 'end');
    if (startMs < toMs && (endMs > fromMs || (endMs === startMs && startMs >= fromMs))) {
      result.push({ key, originalStartMs, startMs, endMs, ...(override ? { override } : {}) });
    }
  }
  return result;
}

/** Finds one occurrence by key, wherever it lies in time. */
export function findOccurrence(master: StoredItem, key: string): Occurrence | undefined {
  if (master.cancelledOccurrences.includes(key)) return undefined;
  const guess = /^\d{8}/.exec(key)?.[0];
  if (!guess) return undefined;
  const day = Date.parse(`${guess.slice(0, 4)}-${guess.slice(4, 6)}-${guess.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(day)) return undefined;
  return (
    expandOccurrences(master, day - 2 * DAY_MS, day + 3 * DAY_MS).find((o) => o.key === key) ??
    expandOccurrencesIgnoringOverrides(master, day, key)
  );
}

/** An exception may have been moved far from its original day; look it up by its original start. */
function expandOccurrencesIgnoringOverrides(
  master: StoredItem,
  day: number,
  key: string,
): Occurrence | undefined {
  const override = master.occurrenceOverrides[key];
  if (!override) return undefined;
  const stripped: StoredItem = { ...master, occurrenceOverrides: {} };
  const plain = expandOccurrences(stripped, day - 2 * DAY_MS, day + 3 * DAY_MS).find((o) => o.key === key);
  if (!plain) return undefined;
  const startMs = override.fields.start
    ? toUtcMs(override.fields.start as DateTimeTimeZone, 'start')
    : plain.startMs;
  const endMs = override.fields.end ? toUtcMs(override.fields.end as DateTimeTimeZone, 'end') : plain.endMs;
  return { ...plain, startMs, endMs, override };
}

/** Fields of an occurrence patch that Graph lets you change on one occurrence. */
export const OCCURRENCE_WRITABLE = new Set([
  'subject',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'sensitivity',
  'showAs',
  'importance',
  'categories',
]);
