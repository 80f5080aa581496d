/** VEVENT (either dialect, as a property tree) → CalendarEvent. */
import type { CalendarEvent, EventException, EventTiming, FormatIssue, ShowAs } from '../../model/index.js';
import {
  addDays,
  daysBetween,
  datePart,
  epochToZonedLocal,
  timePart,
  utcIsoToMs,
} from '../timezone/index.js';
import { dateOnly, type DateOnly } from '../../model/index.js';
import { allProps, firstProp, firstValue, issue, ItemError, type CalComp } from './cal-tree.js';
import { BUSYSTATUS_TO_SHOWAS, DIALECTS } from './dialects.js';
import { durationMinutes, firstTrigger, reminderMinutes } from './alarms.js';
import {
  categoriesOf,
  extrasOf,
  peopleOf,
  recurrenceOf,
  sensitivityOf,
  textOf,
  utcInstantOf,
} from './read-parts.js';
import {
  alignTime,
  epochOf,
  isDateOnlyValue,
  readTime,
  timeKey,
  type TimeContext,
  type TimeValue,
} from './times.js';

const CONSUMED = new Set([
  'UID',
  'SUMMARY',
  'LOCATION',
  'DESCRIPTION',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'EXDATE',
  'RECURRENCE-ID',
  'CLASS',
  'CATEGORIES',
  'TRANSP',
  'X-MICROSOFT-CDO-BUSYSTATUS',
  'ATTENDEE',
  'ORGANIZER',
  'LAST-MODIFIED',
  'AALARM',
  'DALARM',
  'PALARM',
  'MALARM',
  'X-MICROSOFT-CDO-ALLDAYEVENT',
  'X-FUNAMBOL-ALLDAY',
]);

function required(comp: CalComp, name: string, ctx: TimeContext, issues: FormatIssue[]): TimeValue {
  const p = firstProp(comp, name);
  if (!p?.values[0])
    throw new ItemError(issue('MISSING_REQUIRED', `${comp.name} without ${name}`, { line: comp.line, name }));
  const v = readTime(p, ctx, issues);
  if (!v) throw new ItemError(issues.pop()!);
  return v;
}

/** 1.0 has no DATE type: midnight-to-midnight floating times or an all-day flag mean whole days. */
function vcalAllDay(
  comp: CalComp,
  start: TimeValue,
  end: TimeValue,
): { startDate: DateOnly; endDate: DateOnly } | undefined {
  const flagged = ['X-MICROSOFT-CDO-ALLDAYEVENT', 'X-FUNAMBOL-ALLDAY'].some((n) =>
    /^(TRUE|1)$/i.test(firstValue(comp, n) ?? ''),
  );
  if (isDateOnlyValue(start))
    return { startDate: start, endDate: isDateOnlyValue(end) ? end : addDays(start, 1) };
  if (isDateOnlyValue(end) || start.kind === 'utc' || end.kind === 'utc') return undefined;
  const s = start.local;
  const e = end.local;
  if (timePart(s) !== '00:00:00') return undefined;
  const startDate = datePart(s);
  if (
    timePart(e) === '00:00:00' &&
    daysBetween(startDate, datePart(e)) >= 1 &&
    (flagged || start.kind === 'floating')
  ) {
    return { startDate, endDate: datePart(e) };
  }
  if (/^23:59(:59)?$|^23:59:00$/.test(timePart(e)) && (flagged || start.kind === 'floating'))
    return { startDate, endDate: addDays(datePart(e), 1) };
  return flagged ? { startDate, endDate: addDays(datePart(e), 1) } : undefined;
}

function timingOf(comp: CalComp, ctx: TimeContext, issues: FormatIssue[]): EventTiming {
  const start = required(comp, 'DTSTART', ctx, issues);
  let end: TimeValue | undefined;
  const endProp = firstProp(comp, 'DTEND');
  const duration = firstValue(comp, 'DURATION');
  if (endProp?.values[0]) end = readTime(endProp, ctx, issues);
  else if (duration !== undefined) {
    const minutes = durationMinutes(duration);
    if (minutes === undefined || minutes < 0)
      throw new ItemError(issue('INVALID_DATE', `bad DURATION '${duration}'`, firstProp(comp, 'DURATION')));
    end = isDateOnlyValue(start)
      ? addDays(start, Math.max(1, Math.round(minutes / 1440)))
      : shift(start, minutes);
  }
  end ??= isDateOnlyValue(start) ? addDays(start, 1) : start;
  if (epochOf(end) < epochOf(start))
    throw new ItemError(issue('INVALID_DATE', 'end before start', endProp ?? { line: comp.line }));
  if (ctx.version === '1.0') {
    const days = vcalAllDay(comp, start, end);
    if (days) return { allDay: true, ...days };
  }
  if (isDateOnlyValue(start)) {
    const endDate = isDateOnlyValue(end) ? end : datePart(timeKey(end));
    return {
      allDay: true,
      startDate: start,
      endDate: endDate === start ? addDays(start, 1) : dateOnly(endDate),
    };
  }
  if (isDateOnlyValue(end))
    return {
      allDay: false,
      start,
      end: {
        ...start,
        ...(start.kind === 'utc' ? { iso: `${end}T00:00:00Z` } : { local: `${end}T00:00:00` }),
      },
    };
  return { allDay: false, start, end };
}

function shift(v: Exclude<TimeValue, string>, minutes: number): TimeValue {
  const ms = minutes * 60_000;
  const move = (s: string) => new Date(Date.parse(`${s.slice(0, 19)}Z`) + ms).toISOString().slice(0, 19);
  return v.kind === 'utc' ? { kind: 'utc', iso: `${move(v.iso)}Z` } : { ...v, local: move(v.local) };
}

function showAsOf(comp: CalComp): ShowAs | undefined {
  const busy = BUSYSTATUS_TO_SHOWAS[(firstValue(comp, 'X-MICROSOFT-CDO-BUSYSTATUS') ?? '').toUpperCase()];
  if (busy) return busy;
  const transp = (firstValue(comp, 'TRANSP') ?? '').toUpperCase();
  if (transp === 'TRANSPARENT' || transp === '1') return 'free';
  if (transp === 'OPAQUE' || transp === '0') return 'busy';
  return undefined;
}

function startOf(timing: EventTiming): TimeValue {
  return timing.allDay ? timing.startDate : timing.start;
}

/** A VEVENT with RECURRENCE-ID → changed occurrence of the series. */
function exceptionOf(
  comp: CalComp,
  ctx: TimeContext,
  seriesStart: TimeValue,
  issues: FormatIssue[],
): EventException {
  const rid = required(comp, 'RECURRENCE-ID', ctx, issues);
  const timing = timingOf(comp, ctx, issues);
  const subject = textOf(comp, 'SUMMARY');
  const location = textOf(comp, 'LOCATION');
  const body = textOf(comp, 'DESCRIPTION');
  return {
    originalStart: alignTime(rid, seriesStart),
    cancelled: /^CANCELLED$/i.test(firstValue(comp, 'STATUS') ?? ''),
    timing,
    ...(subject !== undefined ? { subject } : {}),
    ...(location !== undefined ? { location } : {}),
    ...(body !== undefined ? { body } : {}),
  };
}

/**
 * An EXDATE as the start of the occurrence it cancels. Producers often name only the day: a DATE
 * value, or (vCal 1.0) midnight, for a series at another time of day. That day at the series'
 * start time is meant (SyncEvolution's vcal10 test data does this).
 */
function exdateAsOccurrence(
  v: TimeValue | undefined,
  ctx: TimeContext,
  start: TimeValue,
): TimeValue | undefined {
  if (!v || isDateOnlyValue(start)) return v;
  const startTime = timePart(start.kind === 'utc' ? start.iso : start.local);
  const zoned = readVcalZoned(v, ctx);
  const exact = !isDateOnlyValue(zoned) && timePart(timeKey(zoned)) === startTime;
  const midnight = !isDateOnlyValue(v) && timePart(timeKey(v)) === '00:00:00';
  if (exact || !(isDateOnlyValue(v) || midnight)) return zoned;
  const day = isDateOnlyValue(v) ? v : datePart(timeKey(v));
  const local = `${day}T${startTime}`;
  return start.kind === 'utc' ? { kind: 'utc', iso: `${local}Z` } : { ...start, local };
}

/** A UTC value read without the vCal zone, put on that zone's wall clock now (as readTime would). */
function readVcalZoned(v: TimeValue, ctx: TimeContext): TimeValue {
  if (isDateOnlyValue(v) || v.kind !== 'utc' || !ctx.vcalZone || ctx.vcalZone === 'UTC') return v;
  return { kind: 'zoned', local: epochToZonedLocal(utcIsoToMs(v.iso), ctx.vcalZone), tz: ctx.vcalZone };
}

/** Reads the series master (or single event) plus its RECURRENCE-ID siblings. */
export function readEvent(
  master: CalComp,
  overrides: readonly CalComp[],
  ctx: TimeContext,
  issues: FormatIssue[],
): CalendarEvent {
  const dialect = DIALECTS[ctx.version];
  const timing = timingOf(master, ctx, issues);
  const start = startOf(timing);
  const extra = extrasOf(master, CONSUMED, issues);
  const recurrence = recurrenceOf(master, dialect, start, extra, issues);
  const exdates: EventException[] = allProps(master, 'EXDATE').flatMap((p) =>
    p.values.filter(Boolean).flatMap((raw) => {
      const v = exdateAsOccurrence(readTime(p, { ...ctx, vcalZone: undefined }, issues, raw), ctx, start);
      return v ? [{ originalStart: alignTime(v, start), cancelled: true }] : [];
    }),
  );
  const exceptions = [...exdates, ...overrides.map((o) => exceptionOf(o, ctx, start, issues))].sort((a, b) =>
    timeKey(a.originalStart) < timeKey(b.originalStart) ? -1 : 1,
  );
  const end = timing.allDay ? timing.endDate : timing.end;
  // Absolute alarm times stay UTC instants: a wall clock in the autumn repeat hour would be ambiguous.
  const reminder = reminderMinutes(firstTrigger(master, { ...ctx, vcalZone: undefined }, issues), start, end);
  const { attendees, organizer } = peopleOf(master);
  const optional = {
    uid: textOf(master, 'UID'),
    location: textOf(master, 'LOCATION'),
    body: textOf(master, 'DESCRIPTION'),
    recurrence,
    reminderMinutesBefore: reminder,
    showAs: showAsOf(master),
    organizer,
    modifiedAt: utcInstantOf(firstValue(master, 'LAST-MODIFIED')),
  };
  return {
    kind: 'event',
    subject: textOf(master, 'SUMMARY') ?? '',
    timing,
    exceptions,
    sensitivity: sensitivityOf(master),
    categories: categoriesOf(master),
    attendees,
    extra,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}
