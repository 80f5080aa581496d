/** Graph dateTimeTimeZone and patternedRecurrence ⇄ model values. */
import type {
  DateTimeValue,
  DayOfWeek,
  FormatIssue,
  Recurrence,
  RecurrencePattern,
  RecurrenceRange,
  WeekIndex,
} from '../../model/index.js';
import { dateOnly, isDateOnly } from '../../model/index.js';
import {
  epochToZonedLocal,
  ianaFromZoneName,
  isoUtc,
  parseCompactDateTime,
  utcIsoToMs,
  windowsFromIana,
  zonedLocalToEpoch,
} from '../timezone/index.js';
import { issue } from '../ical/cal-tree.js';
import type {
  GraphDateTimeTimeZone,
  GraphPatternedRecurrence,
  GraphRecurrencePattern,
} from './event-types.js';

const DAYS: readonly DayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const INDEXES: readonly WeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];

/** '2025-03-10T09:00:00.0000000' → '2025-03-10T09:00:00' (validated), or undefined. */
export function graphLocal(dateTime: string): string | undefined {
  const local = dateTime
    .trim()
    .replace(/\.\d+$/, '')
    .replace(/Z$/, '');
  return parseCompactDateTime(local)?.local;
}

/**
 * A Graph time as a model value. Graph answers in UTC by default; `originalZone` (the event's
 * originalStartTimeZone) puts it back on the wall clock the user chose.
 */
export function timeFromGraph(
  g: GraphDateTimeTimeZone,
  originalZone: string | null | undefined,
  field: string,
  warnings: FormatIssue[],
): DateTimeValue | undefined {
  const local = graphLocal(g.dateTime);
  if (!local) {
    warnings.push(issue('INVALID_DATE', `bad ${field}.dateTime '${g.dateTime}'`, { name: field }));
    return undefined;
  }
  const tz = ianaFromZoneName(g.timeZone);
  const wanted = originalZone ? ianaFromZoneName(originalZone) : undefined;
  if (tz === 'UTC') {
    if (wanted && wanted !== 'UTC')
      return { kind: 'zoned', local: epochToZonedLocal(utcIsoToMs(local), wanted), tz: wanted };
    return { kind: 'utc', iso: `${local}Z` };
  }
  if (tz) return { kind: 'zoned', local, tz };
  warnings.push(
    issue('UNKNOWN_TIMEZONE', `unknown time zone '${g.timeZone}' in ${field}; read as floating`, {
      name: field,
    }),
  );
  return { kind: 'floating', local };
}

/** A model time for Graph: wall clock plus a Windows zone name (what Outlook shows the user). */
export function timeToGraph(
  v: DateTimeValue,
  floatingZone: string,
  warnings: FormatIssue[],
  field: string,
): GraphDateTimeTimeZone {
  if (v.kind === 'utc') return { dateTime: v.iso.slice(0, 19), timeZone: 'UTC' };
  if (v.kind === 'floating') {
    warnings.push(
      issue('FIELD_NOT_REPRESENTABLE', `floating ${field} written in ${floatingZone}`, { name: field }),
    );
    return { dateTime: v.local, timeZone: zoneNameForGraph(floatingZone) };
  }
  return { dateTime: v.local, timeZone: zoneNameForGraph(v.tz) };
}

export function zoneNameForGraph(iana: string): string {
  return windowsFromIana(iana) ?? iana;
}

/** UTC ISO instant of a Graph time (for completedDateTime, originalStart). */
export function instantFromGraph(g: GraphDateTimeTimeZone | string): string | undefined {
  if (typeof g === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]00:?00)?$/.exec(g.trim());
    return m ? `${m[1]}Z` : undefined;
  }
  const local = graphLocal(g.dateTime);
  const tz = ianaFromZoneName(g.timeZone);
  if (!local || !tz) return undefined;
  return tz === 'UTC' ? `${local}Z` : isoUtc(zonedLocalToEpoch(local, tz));
}

function patternFromGraph(p: GraphRecurrencePattern): RecurrencePattern | undefined {
  const interval = Number.isInteger(p.interval) && p.interval > 0 ? p.interval : 1;
  const days = (p.daysOfWeek ?? [])
    .map((d) => d.toLowerCase())
    .filter((d): d is DayOfWeek => DAYS.includes(d as DayOfWeek));
  const index = INDEXES.find((i) => i === p.index) ?? 'first';
  const month = p.month ?? 0;
  const dayOfMonth = p.dayOfMonth ?? 0;
  switch (p.type) {
    case 'daily':
      return { type: 'daily', interval };
    case 'weekly': {
      const first = DAYS.find((d) => d === p.firstDayOfWeek?.toLowerCase()) ?? 'sunday';
      return days.length ? { type: 'weekly', interval, daysOfWeek: days, firstDayOfWeek: first } : undefined;
    }
    case 'absoluteMonthly':
      return dayOfMonth >= 1 && dayOfMonth <= 31
        ? { type: 'absoluteMonthly', interval, dayOfMonth }
        : undefined;
    case 'relativeMonthly':
      return days.length ? { type: 'relativeMonthly', interval, daysOfWeek: days, index } : undefined;
    case 'absoluteYearly':
      return dayOfMonth >= 1 && month >= 1 && month <= 12
        ? { type: 'absoluteYearly', interval, dayOfMonth, month }
        : undefined;
    case 'relativeYearly':
      return days.length && month >= 1 && month <= 12
        ? { type: 'relativeYearly', interval, daysOfWeek: days, index, month }
        : undefined;
    default:
      return undefined;
  }
}

export function recurrenceFromGraph(
  g: GraphPatternedRecurrence,
  fallbackZone: string | undefined,
  warnings: FormatIssue[],
): Recurrence | undefined {
  const pattern = patternFromGraph(g.pattern);
  const r = g.range;
  if (!pattern || !isDateOnly(r.startDate ?? '')) {
    warnings.push(
      issue('INVALID_RRULE', `unreadable Graph recurrence (${g.pattern.type})`, { name: 'recurrence' }),
    );
    return undefined;
  }
  const startDate = dateOnly(r.startDate);
  let range: RecurrenceRange;
  if (r.type === 'endDate' && r.endDate && isDateOnly(r.endDate))
    range = { type: 'endDate', startDate, endDate: dateOnly(r.endDate) };
  else if (r.type === 'numbered' && (r.numberOfOccurrences ?? 0) > 0)
    range = { type: 'numbered', startDate, numberOfOccurrences: r.numberOfOccurrences! };
  else range = { type: 'noEnd', startDate };
  const zone = (r.recurrenceTimeZone ? ianaFromZoneName(r.recurrenceTimeZone) : undefined) ?? fallbackZone;
  return zone ? { pattern, range, timeZone: zone } : { pattern, range };
}

export function recurrenceToGraph(r: Recurrence): GraphPatternedRecurrence {
  const p = r.pattern;
  const pattern: GraphRecurrencePattern = {
    type: p.type,
    interval: p.interval,
    ...('month' in p ? { month: p.month } : {}),
    ...('dayOfMonth' in p ? { dayOfMonth: p.dayOfMonth } : {}),
    ...('daysOfWeek' in p ? { daysOfWeek: [...p.daysOfWeek] } : {}),
    ...(p.type === 'weekly' ? { firstDayOfWeek: p.firstDayOfWeek } : {}),
    ...('index' in p ? { index: p.index } : {}),
  };
  const range = r.range;
  return {
    pattern,
    range: {
      type: range.type,
      startDate: range.startDate,
      ...(range.type === 'endDate' ? { endDate: range.endDate } : {}),
      ...(range.type === 'numbered' ? { numberOfOccurrences: range.numberOfOccurrences } : {}),
      ...(r.timeZone ? { recurrenceTimeZone: zoneNameForGraph(r.timeZone) } : {}),
    },
  };
}
