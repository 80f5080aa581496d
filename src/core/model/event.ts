import type { DateOnly, DateTimeValue } from './datetime.js';
import type { Recurrence } from './recurrence.js';

export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';
export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export interface Attendee {
  readonly email: string;
  readonly name?: string;
  readonly type: 'required' | 'optional' | 'resource';
  readonly response?: 'none' | 'accepted' | 'declined' | 'tentative';
}

/** Start/end of an event: either whole days (end exclusive) or times. */
export type EventTiming =
  | { readonly allDay: true; readonly startDate: DateOnly; readonly endDate: DateOnly }
  | { readonly allDay: false; readonly start: DateTimeValue; readonly end: DateTimeValue };

/** A changed or cancelled occurrence of a series, keyed by its original start. */
export interface EventException {
  /** Original start of the occurrence (RECURRENCE-ID), same form as the series start. */
  readonly originalStart: DateTimeValue | DateOnly;
  readonly cancelled: boolean;
  /** Overrides of a changed occurrence. */
  readonly timing?: EventTiming;
  readonly subject?: string;
  readonly location?: string;
  readonly body?: string;
}

export interface CalendarEvent {
  readonly kind: 'event';
  /** iCalendar UID (Graph iCalUId); stable across systems where both sides keep it. */
  readonly uid?: string;
  readonly subject: string;
  readonly location?: string;
  readonly body?: string;
  readonly timing: EventTiming;
  readonly recurrence?: Recurrence;
  readonly exceptions: readonly EventException[];
  /** Minutes before start; undefined = no reminder. */
  readonly reminderMinutesBefore?: number;
  readonly sensitivity: Sensitivity;
  readonly showAs?: ShowAs;
  readonly categories: readonly string[];
  /** Data only: we never send invitations. */
  readonly attendees: readonly Attendee[];
  readonly organizer?: { readonly email: string; readonly name?: string };
  readonly extra: Readonly<Record<string, string>>;
  readonly modifiedAt?: string;
}
