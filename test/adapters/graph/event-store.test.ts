import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphEventStore } from '../../../src/adapters/graph/event-store.js';
import { luid, type CalendarEvent } from '../../../src/core/model/index.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { emulatorFolder, idOf } from './emulator-setup.js';
import { testEventCodec } from './test-codecs.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

const soon = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().replace('.000Z', 'Z');
};

const meeting = (subject: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  kind: 'event',
  subject,
  timing: { allDay: false, start: { kind: 'utc', iso: soon(3, 9) }, end: { kind: 'utc', iso: soon(3, 10) } },
  exceptions: [],
  sensitivity: 'normal',
  categories: [],
  attendees: [],
  extra: {},
  ...extra,
});

async function setup() {
  const { client, folder } = await emulatorFolder(graph, 'calendar');
  return { client, folder, store: new GraphEventStore(client, testEventCodec) };
}

describe('GraphEventStore', () => {
  it('never writes attendees (no invitations are sent), keeps them as data only', async () => {
    const { store, folder } = await setup();
    const item = meeting('Notartermin', {
      attendees: [{ email: 'kaeufer@example.com', name: 'Käufer', type: 'required' }],
    });
    const [created] = await store.writeBatch(folder, [
      { op: 'create', item, link: { luid: luid('E1'), fingerprint: 'f' } },
    ]);
    const stored = graph.store.findItem(idOf(created));
    expect(stored?.fields.attendees ?? []).toEqual([]);
  });

  it('keeps private items private', async () => {
    const { store, folder } = await setup();
    const item = meeting('Arzt', { sensitivity: 'private' });
    const [created] = await store.writeBatch(folder, [
      { op: 'create', item, link: { luid: luid('E2'), fingerprint: 'f' } },
    ]);
    const all = await store.readAll(folder);
    expect(all.find((s) => s.id === idOf(created))?.item).toMatchObject({
      sensitivity: 'private',
    });
  });

  it('collapses a series to its master with its instances, also when only one occurrence changed', async () => {
    const { store, folder, client } = await setup();
    const master = await client.request<{ id: string }>('POST', `/me/calendars/${folder}/events`, {
      body: {
        subject: 'Jour fixe',
        start: { dateTime: soon(1, 8).slice(0, 19), timeZone: 'UTC' },
        end: { dateTime: soon(1, 9).slice(0, 19), timeZone: 'UTC' },
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: soon(1, 8).slice(0, 10), numberOfOccurrences: 5 },
        },
      },
    });
    const first = await store.readChanges(folder, undefined);
    expect(first.changes.map((c) => c.id)).toEqual([master.id]);
    expect(first.changes[0]?.item?.extra).toEqual({ instances: '5' });

    const { value: instances } = await client.get<{ value: Array<{ id: string }> }>(
      `/me/calendars/${folder}/events/${master.id}/instances?startDateTime=${soon(0, 0)}&endDateTime=${soon(10, 0)}`,
    );
    await client.request('PATCH', `/me/events/${instances[2]!.id}`, {
      body: { subject: 'Jour fixe (verlegt)' },
    });
    const next = await store.readChanges(folder, first.nextCursor);
    expect(next.changes.map((c) => c.id)).toEqual([master.id]);
    expect(next.changes[0]?.item?.extra).toEqual({ instances: '5' });
  });

  it('does not report an item that left the window as removed (it still exists)', async () => {
    const { store, folder } = await setup();
    const [created] = await store.writeBatch(folder, [
      { op: 'create', item: meeting('Übergabe'), link: { luid: luid('E3'), fingerprint: 'f' } },
    ]);
    const id = idOf(created);
    const { nextCursor } = await store.readChanges(folder, undefined);
    graph.store.updateItem('event', id, {
      start: { dateTime: '2040-01-01T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2040-01-01T10:00:00', timeZone: 'UTC' },
    });
    graph.control.resetCounters();
    const after = await store.readChanges(folder, nextCursor);
    // calendarView delta names it as removed; the store checks the calendar and keeps quiet.
    expect(graph.control.counters.byEndpoint['GET /me/calendars/{id}/events/{id}']).toBe(1);
    expect(after.changes).toEqual([]);
  });

  it('reports a deleted event as removed', async () => {
    const { store, folder } = await setup();
    const [created] = await store.writeBatch(folder, [
      { op: 'create', item: meeting('Absage'), link: { luid: luid('E4'), fingerprint: 'f' } },
    ]);
    const id = idOf(created);
    const { nextCursor } = await store.readChanges(folder, undefined);
    graph.store.deleteItem('event', id);
    expect((await store.readChanges(folder, nextCursor)).changes).toEqual([{ id, removed: true }]);
  });

  it('refuses a window longer than Graph allows', async () => {
    const { client } = await setup();
    expect(
      () => new GraphEventStore(client, testEventCodec, { window: { pastDays: 1000, futureDays: 1000 } }),
    ).toThrow(RangeError);
  });
});
