/**
 * CalendarEvent → Graph event JSON. Attendees and organizer never go to `attendees` (that would send
 * invitations); they ride in the carry extended property with the UID and extra properties.
 * Changed and cancelled occurrences come back as separate changes for the engine to apply to the
 * instances after the master is written (Graph has no way to send them with the master).
 */
import type {
  CalendarEvent,
  DateTimeValue,
  EventException,
  EventTiming,
  FormatIssue,
} from '../../model/index.js';
import { isoUtc } from '../timezone/index.js';
import { issue } from '../ical/cal-tree.js';
import { epochOf } from '../ical/times.js';
import { carryIsEmpty, EVENT_CARRY_PROPERTY_ID, type EventCarry } from './event-carry.js';
import { recurrenceToGraph, timeToGraph, zoneNameForGraph } from './event-time.js';
import type { GraphDateTimeTimeZone, GraphEventWrite, GraphOccurrenceChange } from './event-types.js';

export interface GraphEventConversion {
  readonly value: GraphEventWrite;
  readonly occurrences: readonly GraphOccurrenceChange[];
  readonly warnings: readonly FormatIssue[];
}

export interface GraphWriteOptions {
  /** IANA zone for floating times and all-day events (the mailbox's zone); default UTC. */
  readonly timeZone?: string;
}

function timingToGraph(
  t: EventTiming,
  zone: string,
  w: FormatIssue[],
): { start: GraphDateTimeTimeZone; end: GraphDateTimeTimeZone; isAllDay: boolean } {
  if (t.allDay) {
    const tz = zoneNameForGraph(zone);
    return {
      start: { dateTime: `${t.startDate}T00:00:00`, timeZone: tz },
      end: { dateTime: `${t.endDate}T00:00:00`, timeZone: tz },
      isAllDay: true,
    };
  }
  return {
    start: timeToGraph(t.start, zone, w, 'start'),
    end: timeToGraph(t.end, zone, w, 'end'),
    isAllDay: false,
  };
}

function originalStartInstant(x: EventException): string {
  const v = x.originalStart;
  if (typeof v === 'string') return `${v}T00:00:00Z`;
  return isoUtc(epochOf(v as DateTimeValue));
}

function occurrenceChange(x: EventException, zone: string, w: FormatIssue[]): GraphOccurrenceChange {
  const originalStart = originalStartInstant(x);
  if (x.cancelled) return { originalStart, cancel: true };
  const patch: Partial<GraphEventWrite> = {
    ...(x.timing ? timingToGraph(x.timing, zone, w) : {}),
    ...(x.subject !== undefined ? { subject: x.subject } : {}),
    ...(x.location !== undefined ? { location: { displayName: x.location } } : {}),
    ...(x.body !== undefined ? { body: { contentType: 'text', content: x.body } } : {}),
  };
  return { originalStart, cancel: false, patch };
}

export function eventToGraph(e: CalendarEvent, options: GraphWriteOptions = {}): GraphEventConversion {
  const w: FormatIssue[] = [];
  const zone = options.timeZone ?? 'UTC';
  const minutes = e.reminderMinutesBefore;
  if (minutes !== undefined && minutes < 0)
    w.push(
      issue('FIELD_NOT_REPRESENTABLE', 'reminder after the start sent as at the start', {
        name: 'reminderMinutesBefore',
      }),
    );
  const carry: EventCarry = {
    ...(e.uid ? { uid: e.uid } : {}),
    ...(e.attendees.length ? { attendees: e.attendees } : {}),
    ...(e.organizer ? { organizer: e.organizer } : {}),
    ...(Object.keys(e.extra).length ? { extra: e.extra } : {}),
  };
  const value: GraphEventWrite = {
    subject: e.subject,
    body: { contentType: 'text', content: e.body ?? '' },
    ...timingToGraph(e.timing, zone, w),
    recurrence: e.recurrence ? recurrenceToGraph(e.recurrence) : null,
    isReminderOn: minutes !== undefined,
    reminderMinutesBeforeStart: Math.max(0, minutes ?? 0),
    sensitivity: e.sensitivity,
    showAs: e.showAs ?? 'busy',
    categories: [...e.categories],
    location: { displayName: e.location ?? '' },
    ...(carryIsEmpty(carry)
      ? {}
      : { singleValueExtendedProperties: [{ id: EVENT_CARRY_PROPERTY_ID, value: JSON.stringify(carry) }] }),
  };
  return { value, occurrences: e.exceptions.map((x) => occurrenceChange(x, zone, w)), warnings: w };
}
