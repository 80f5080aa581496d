/**
 * The Graph JSON shapes we read and write for calendar events and To Do tasks (v1.0). Read shapes
 * are lenient (Graph sends nulls and every pattern field); write shapes hold only what we send.
 */
export interface GraphDateTimeTimeZone {
  readonly dateTime: string; // '2025-03-10T09:00:00.0000000'
  readonly timeZone: string; // Windows name, IANA name or 'UTC'
}

export interface GraphRecurrencePattern {
  readonly type:
    'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
  readonly interval: number;
  readonly month?: number;
  readonly dayOfMonth?: number;
  readonly daysOfWeek?: readonly string[];
  readonly firstDayOfWeek?: string;
  readonly index?: string;
}

export interface GraphRecurrenceRange {
  readonly type: 'endDate' | 'noEnd' | 'numbered';
  readonly startDate: string;
  readonly endDate?: string | null;
  readonly numberOfOccurrences?: number;
  readonly recurrenceTimeZone?: string | null;
}

export interface GraphPatternedRecurrence {
  readonly pattern: GraphRecurrencePattern;
  readonly range: GraphRecurrenceRange;
}

export interface GraphItemBody {
  readonly contentType: 'text' | 'html';
  readonly content: string;
}

export interface GraphEmailAddress {
  readonly address?: string | null;
  readonly name?: string | null;
}

export interface GraphAttendee {
  readonly type?: 'required' | 'optional' | 'resource';
  readonly emailAddress?: GraphEmailAddress | null;
  readonly status?: { readonly response?: string | null } | null;
}

export interface GraphExtendedProperty {
  readonly id: string;
  readonly value: string;
}

export interface GraphEvent {
  readonly id?: string;
  readonly type?: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  readonly subject?: string | null;
  readonly body?: GraphItemBody | null;
  readonly start?: GraphDateTimeTimeZone | null;
  readonly end?: GraphDateTimeTimeZone | null;
  readonly isAllDay?: boolean;
  readonly recurrence?: GraphPatternedRecurrence | null;
  readonly originalStartTimeZone?: string | null;
  readonly originalEndTimeZone?: string | null;
  /** Occurrences and exceptions: the original start (DateTimeOffset, UTC). */
  readonly originalStart?: string | null;
  readonly isCancelled?: boolean;
  readonly reminderMinutesBeforeStart?: number | null;
  readonly isReminderOn?: boolean;
  readonly sensitivity?: string | null;
  readonly showAs?: string | null;
  readonly categories?: readonly string[] | null;
  readonly attendees?: readonly GraphAttendee[] | null;
  readonly organizer?: { readonly emailAddress?: GraphEmailAddress | null } | null;
  readonly iCalUId?: string | null;
  readonly location?: { readonly displayName?: string | null } | null;
  readonly lastModifiedDateTime?: string | null;
  readonly singleValueExtendedProperties?: readonly GraphExtendedProperty[] | null;
}

/** What we PATCH/POST for an event. Never `attendees`: writing them makes Outlook send invitations. */
export interface GraphEventWrite {
  readonly subject: string;
  readonly body: GraphItemBody;
  readonly start: GraphDateTimeTimeZone;
  readonly end: GraphDateTimeTimeZone;
  readonly isAllDay: boolean;
  readonly recurrence: GraphPatternedRecurrence | null;
  readonly isReminderOn: boolean;
  readonly reminderMinutesBeforeStart: number;
  readonly sensitivity: string;
  readonly showAs: string;
  readonly categories: readonly string[];
  readonly location: { readonly displayName: string };
  readonly singleValueExtendedProperties?: readonly GraphExtendedProperty[];
}

/**
 * A change to one occurrence, for the sync engine to apply after the master is written: find the
 * instance by `originalStart` (GET …/events/{master}/instances over that day), then DELETE it
 * (`cancel`) or PATCH it with `patch`.
 */
export type GraphOccurrenceChange =
  | { readonly originalStart: string; readonly cancel: true }
  | { readonly originalStart: string; readonly cancel: false; readonly patch: Partial<GraphEventWrite> };
