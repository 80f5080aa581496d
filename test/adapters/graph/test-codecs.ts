/**
 * Deliberately small Graph ⇄ model mappings for exercising the stores' mechanics (delta, links,
 * batching) independently of src/core/formats. The stores take any GraphCodec.
 */
import type { GraphCodec } from '../../../src/adapters/graph/store-support.js';
import type { CalendarEvent, Contact, Task } from '../../../src/core/model/index.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const testContactCodec: GraphCodec<Contact> = {
  fromGraph: (json) => {
    // Stands in for a malformed Outlook item: the real mapping's failures surface the same way.
    if (typeof json.displayName !== 'string' || json.displayName.includes('UNREADABLE')) {
      throw Object.assign(new Error('unreadable contact'), { code: 'MISSING_REQUIRED' });
    }
    return {
      kind: 'contact',
      name: { given: str(json.givenName), family: str(json.surname) },
      displayName: json.displayName,
      phones: [],
      emails: [],
      addresses: [],
      urls: [],
      categories: [],
      extra: {},
    };
  },
  toGraph: (c) => ({
    body: {
      displayName: c.displayName ?? null,
      givenName: c.name.given ?? null,
      surname: c.name.family ?? null,
    },
  }),
};

const utc = (iso: string) => ({ dateTime: iso.replace(/Z$/, ''), timeZone: 'UTC' });

export const testEventCodec: GraphCodec<CalendarEvent> = {
  fromGraph: (json, related): CalendarEvent => {
    const start = (json.start as { dateTime: string }).dateTime;
    const end = (json.end as { dateTime: string }).dateTime;
    return {
      kind: 'event',
      subject: String(json.subject ?? ''),
      timing: {
        allDay: false,
        start: { kind: 'utc', iso: `${start.slice(0, 19)}Z` },
        end: { kind: 'utc', iso: `${end.slice(0, 19)}Z` },
      },
      exceptions: [],
      sensitivity: (str(json.sensitivity) as CalendarEvent['sensitivity']) ?? 'normal',
      categories: [],
      attendees: [],
      extra: related ? { instances: String(related.length) } : {},
    };
  },
  toGraph: (e) => {
    if (e.timing.allDay || e.timing.start.kind !== 'utc' || e.timing.end.kind !== 'utc')
      throw new Error('test codec: utc only');
    return {
      body: {
        subject: e.subject,
        start: utc(e.timing.start.iso),
        end: utc(e.timing.end.iso),
        isAllDay: false,
        sensitivity: e.sensitivity,
        attendees: e.attendees.map((a) => ({ emailAddress: { address: a.email }, type: a.type })),
      },
    };
  },
};

export const testTaskCodec: GraphCodec<Task> = {
  fromGraph: (json) => ({
    kind: 'task',
    title: String(json.title ?? ''),
    status: (str(json.status) as Task['status']) ?? 'notStarted',
    importance: (str(json.importance) as Task['importance']) ?? 'normal',
    categories: [],
    sensitivity: 'normal',
    extra: {},
  }),
  toGraph: (t) => ({ body: { title: t.title, status: t.status, importance: t.importance } }),
};
