/**
 * Regression guard for echo detection: what we write through a Graph store and read back must have
 * the fingerprint we stored with it, or every run would send our own writes back to the CRM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCodecs, outlookShapes } from '../../../src/adapters/graph/codecs.js';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { GraphEventStore } from '../../../src/adapters/graph/event-store.js';
import { GraphTaskStore } from '../../../src/adapters/graph/task-store.js';
import { fingerprint } from '../../../src/core/formats/index.js';
import { dateOnly, emptyContact, luid, type SyncItem } from '../../../src/core/model/index.js';
import type { OutlookStore } from '../../../src/core/sync/outlook-store.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { emulatorFolder, idOf } from './emulator-setup.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

// The emulator's mailbox owner (GET /me), whom Graph makes organizer of the events we create.
const owner = { email: 'sandbox.user@example.com', name: 'Sandbox User' };
const codecs = graphCodecs({ timeZone: 'Europe/Berlin' });
const shapes = outlookShapes({ timeZone: 'Europe/Berlin', mailboxOwner: owner });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const contact: SyncItem = {
  ...emptyContact(),
  name: { given: 'Jürgen', family: 'Weiß', prefix: 'Dr.' },
  displayName: 'Dr. Jürgen Weiß',
  company: 'Weiß Immobilien GmbH',
  jobTitle: 'Makler',
  phones: [
    { kind: 'business', number: '+49 221 1234567' },
    { kind: 'mobile', number: '+49 171 7654321' },
  ],
  emails: [{ kind: 'work', address: 'j.weiss@example.de' }],
  addresses: [
    { kind: 'business', street: 'Domstraße 1', city: 'Köln', postalCode: '50667', country: 'Deutschland' },
  ],
  birthday: dateOnly('1970-05-17'),
  note: 'Rückruf erbeten',
  categories: ['Kunde'],
};

const event: SyncItem = {
  kind: 'event',
  uid: 'crm-event-1@example.de',
  subject: 'Besichtigung Domstraße',
  location: 'Köln',
  body: 'Schlüssel beim Hausmeister',
  timing: {
    allDay: false,
    start: { kind: 'zoned', local: `${inDays(7)}T10:00:00`, tz: 'Europe/Berlin' },
    end: { kind: 'zoned', local: `${inDays(7)}T11:00:00`, tz: 'Europe/Berlin' },
  },
  exceptions: [],
  reminderMinutesBefore: 15,
  sensitivity: 'private',
  showAs: 'busy',
  categories: [],
  attendees: [{ email: 'kaeufer@example.com', name: 'Käufer', type: 'required' }],
  extra: {},
};

const firstDay = inDays(2);
const series: SyncItem = {
  ...event,
  uid: 'crm-series-1@example.de',
  subject: 'Jour fixe',
  sensitivity: 'normal',
  attendees: [],
  timing: {
    allDay: false,
    start: { kind: 'zoned', local: `${firstDay}T09:00:00`, tz: 'Europe/Berlin' },
    end: { kind: 'zoned', local: `${firstDay}T09:30:00`, tz: 'Europe/Berlin' },
  },
  recurrence: {
    pattern: { type: 'daily', interval: 1 },
    range: { type: 'numbered', startDate: dateOnly(firstDay), numberOfOccurrences: 5 },
    timeZone: 'Europe/Berlin',
  },
  exceptions: [
    {
      originalStart: { kind: 'zoned', local: `${inDays(3)}T09:00:00`, tz: 'Europe/Berlin' },
      cancelled: false,
      subject: 'Jour fixe (verlegt)',
      timing: {
        allDay: false,
        start: { kind: 'zoned', local: `${inDays(3)}T14:00:00`, tz: 'Europe/Berlin' },
        end: { kind: 'zoned', local: `${inDays(3)}T14:30:00`, tz: 'Europe/Berlin' },
      },
    },
    {
      originalStart: { kind: 'zoned', local: `${inDays(4)}T09:00:00`, tz: 'Europe/Berlin' },
      cancelled: true,
    },
  ],
};

const task: SyncItem = {
  kind: 'task',
  title: 'Exposé an Käufer senden',
  body: 'mit Grundriss',
  due: dateOnly(inDays(3)),
  status: 'inProgress',
  importance: 'high',
  categories: [],
  sensitivity: 'private',
  extra: {},
};

const cases: Array<[string, SyncItem, 'contacts' | 'calendar' | 'tasks', (c: never) => OutlookStore]> = [
  ['contact', contact, 'contacts', (c) => new GraphContactStore(c, codecs.contact)],
  ['event', event, 'calendar', (c) => new GraphEventStore(c, codecs.event)],
  ['series with exceptions', series, 'calendar', (c) => new GraphEventStore(c, codecs.event)],
  ['task', task, 'tasks', (c) => new GraphTaskStore(c, codecs.task)],
];

describe('echo of our own writes', () => {
  it.each(cases)(
    'a %s read back has the fingerprint stored with it',
    async (_kind, item, folderKind, makeStore) => {
      const { client, folder } = await emulatorFolder(graph, folderKind);
      const store = makeStore(client as never);
      const { nextCursor } = await store.readChanges(folder, undefined);
      // As the sync engine does: the fingerprint of the item in the shape Outlook will keep.
      const link = { luid: luid('L1'), fingerprint: fingerprint(shapes[item.kind](item)) };
      const [written] = await store.writeBatch(folder, [{ op: 'create', item, link }]);
      expect(written).toMatchObject({ ok: true });
      const [echo] = (await store.readChanges(folder, nextCursor)).changes;
      expect(echo?.link).toEqual(link);
      expect(echo?.item && fingerprint(echo.item)).toBe(link.fingerprint);
      if (item.kind === 'event' && item.recurrence) {
        // The series' exceptions were applied: one occurrence moved, one deleted.
        const id = idOf(written);
        const window = `startDateTime=${inDays(0)}T00:00:00Z&endDateTime=${inDays(10)}T00:00:00Z`;
        const { value } = await client.get<{ value: Array<{ type: string; subject: string }> }>(
          `/me/events/${id}/instances?${window}`,
        );
        expect(value.map((x) => x.type)).toEqual(['occurrence', 'exception', 'occurrence', 'occurrence']);
        expect(value[1]?.subject).toBe('Jour fixe (verlegt)');
      }
    },
  );
});
