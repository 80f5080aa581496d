/**
 * Graph event (series master or single instance, plus its exceptions and cancelled occurrences) →
 * CalendarEvent. The writer is in event-write.ts.
 */
import type {
  Attendee,
  CalendarEvent,
  DateOnly,
  EventException,
  EventTiming,
  FormatIssue,
  ParseResult,
  Sensitivity,
  ShowAs,
} from '../../model/index.js';
import { dateOnly } from '../../model/index.js';
import { issue } from '../ical/cal-tree.js';
import { alignTime, timeKey } from '../ical/times.js';
import { bodyText } from './event-body.js';
import { readCarry } from './event-carry.js';
import { graphLocal, instantFromGraph, recurrenceFromGraph, timeFromGraph } from './event-time.js';
import type { GraphAttendee, GraphEvent } from './event-types.js';

export { eventToGraph, type GraphEventConversion } from './event-write.js';

const SENSITIVITIES: readonly Sensitivity[] = ['normal', 'personal', 'private', 'confidential'];
const SHOW_AS: readonly ShowAs[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const RESPONSES: Readonly<Record<string, Attendee['response']>> = {
  none: 'none',
  notResponded: 'none',
  organizer: 'accepted',
  accepted: 'accepted',
  declined: 'declined',
  tentativelyAccepted: 'tentative',
};

function timingFromGraph(g: GraphEvent, warnings: FormatIssue[]): EventTiming | undefined {
  if (!g.start || !g.end) return undefined;
  if (g.isAllDay) {
    // All-day events are floating days in Outlook: the date part is the day, in any response zone.
    const s = graphLocal(g.start.dateTime);
    const e = graphLocal(g.end.dateTime);
    if (!s || !e) return undefined;
    return { allDay: true, startDate: dateOnly(s.slice(0, 10)), endDate: dateOnly(e.slice(0, 10)) };
  }
  const start = timeFromGraph(g.start, g.originalStartTimeZone, 'start', warnings);
  const end = timeFromGraph(g.end, g.originalEndTimeZone ?? g.originalStartTimeZone, 'end', warnings);
  return start && end ? { allDay: false, start, end } : undefined;
}

function attendeesFromGraph(list: readonly GraphAttendee[] | null | undefined): Attendee[] {
  return (list ?? []).flatMap((a) => {
    const email = a.emailAddress?.address;
    if (!email) return [];
    const response = RESPONSES[a.status?.response ?? ''];
    const name = a.emailAddress?.name;
    return [
      { email, ...(name ? { name } : {}), type: a.type ?? 'required', ...(response ? { response } : {}) },
    ];
  });
}

function exceptionFromGraph(
  x: GraphEvent,
  master: GraphEvent,
  seriesStart: EventTiming,
  warnings: FormatIssue[],
): EventException | undefined {
  const instant = x.originalStart ? instantFromGraph(x.originalStart) : undefined;
  if (!instant) {
    warnings.push(
      issue('INVALID_DATE', 'exception without originalStart skipped', { name: 'originalStart' }),
    );
    return undefined;
  }
  const like = seriesStart.allDay ? seriesStart.startDate : seriesStart.start;
  const originalStart = seriesStart.allDay
    ? (instant.slice(0, 10) as DateOnly)
    : alignTime({ kind: 'utc', iso: instant }, like);
  if (x.isCancelled) return { originalStart, cancelled: true };
  const timing = timingFromGraph(
    { ...x, originalStartTimeZone: x.originalStartTimeZone ?? master.originalStartTimeZone },
    warnings,
  );
  const body = bodyText(x.body);
  return {
    originalStart,
    cancelled: false,
    ...(timing ? { timing } : {}),
    ...(x.subject && x.subject !== master.subject ? { subject: x.subject } : {}),
    ...(x.location?.displayName && x.location.displayName !== master.location?.displayName
      ? { location: x.location.displayName }
      : {}),
    ...(body !== undefined && body !== bodyText(master.body) ? { body } : {}),
  };
}

/**
 * Reads a Graph event. `exceptionsAndCancelled` are the series' instances of type `exception`
 * and cancelled occurrences (`isCancelled: true`), as listed by `/events/{id}/instances`.
 */
export function eventFromGraph(
  master: GraphEvent,
  exceptionsAndCancelled: readonly GraphEvent[] = [],
): ParseResult<CalendarEvent> {
  const warnings: FormatIssue[] = [];
  if (typeof master !== 'object' || master === null) {
    return { ok: false, error: issue('MALFORMED_LINE', 'Graph event is not an object'), warnings };
  }
  const timing = timingFromGraph(master, warnings);
  if (!timing)
    return {
      ok: false,
      error: issue('MISSING_REQUIRED', 'Graph event without valid start/end', { name: 'start' }),
      warnings,
    };
  const carry = readCarry(master.singleValueExtendedProperties, warnings);
  const zone = timing.allDay
    ? undefined
    : timing.start.kind === 'zoned'
      ? timing.start.tz
      : timing.start.kind === 'utc'
        ? 'UTC'
        : undefined;
  const recurrence = master.recurrence ? recurrenceFromGraph(master.recurrence, zone, warnings) : undefined;
  const exceptions = exceptionsAndCancelled
    .map((x) => exceptionFromGraph(x, master, timing, warnings))
    .filter((x): x is EventException => x !== undefined)
    .sort((a, b) => (timeKey(a.originalStart) < timeKey(b.originalStart) ? -1 : 1));
  const native = attendeesFromGraph(master.attendees);
  const organizerEmail = master.organizer?.emailAddress?.address;
  const organizer =
    carry.organizer ??
    (organizerEmail
      ? {
          email: organizerEmail,
          ...(master.organizer?.emailAddress?.name ? { name: master.organizer.emailAddress.name } : {}),
        }
      : undefined);
  const optional = {
    uid: carry.uid ?? master.iCalUId ?? undefined,
    location: master.location?.displayName || undefined,
    body: bodyText(master.body),
    recurrence,
    reminderMinutesBefore: master.isReminderOn ? (master.reminderMinutesBeforeStart ?? 15) : undefined,
    showAs: SHOW_AS.find((s) => s === master.showAs),
    organizer,
    modifiedAt: master.lastModifiedDateTime ? instantFromGraph(master.lastModifiedDateTime) : undefined,
  };
  const value: CalendarEvent = {
    kind: 'event',
    subject: master.subject ?? '',
    timing,
    exceptions,
    sensitivity: SENSITIVITIES.find((s) => s === master.sensitivity) ?? 'normal',
    categories: [...(master.categories ?? [])],
    attendees: native.length ? native : [...(carry.attendees ?? [])],
    extra: { ...(carry.extra ?? {}) },
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
  return { ok: true, value, warnings };
}
