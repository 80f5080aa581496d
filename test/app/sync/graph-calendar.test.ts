/**
 * Appointments and To Do tasks end to end: the Graph event store on the emulator, vCalendar 1.0 over the SyncML client, the
 * sandbox CRM's calendar. Guards the echo and twinning rules for events, where Graph adds an organizer and
 * time zones are rewritten.
 */
import { http, passthrough } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { graphCodecs, outlookShapes } from '../../../src/adapters/graph/codecs.js';
import { GraphEventStore } from '../../../src/adapters/graph/event-store.js';
import { GraphTaskStore } from '../../../src/adapters/graph/task-store.js';
import { createFolder } from '../../../src/adapters/graph/folders.js';
import { createHttpTransport } from '../../../src/adapters/syncml-http/index.js';
import { formatsItemCodec, runSync, type SyncPorts } from '../../../src/app/sync/index.js';
import { fingerprint, serializeEvent, serializeTask } from '../../../src/core/formats/index.js';
import { dateOnly, type CalendarEvent, type Task } from '../../../src/core/model/index.js';
import { createMemoryJournalStore, createMemorySyncStateStore } from '../../../src/core/sync/index.js';
import { memoryNonceStore, runSyncSession } from '../../../src/core/syncml/index.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { startCrmServer, type RunningCrmServer } from '../../../src/server/crm/http/crm-server.js';
import { fakeClock } from '../../adapters/graph/fake-clock.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());
const servers: RunningCrmServer[] = [];
afterEach(async () => {
  graph.server.resetHandlers();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const owner = { email: 'sandbox.user@example.com', name: 'Sandbox User' };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const appointment = (subject: string, day: number): CalendarEvent => ({
  kind: 'event',
  subject,
  location: 'Köln',
  timing: {
    allDay: false,
    start: { kind: 'zoned', local: `${inDays(day)}T10:00:00`, tz: 'Europe/Berlin' },
    end: { kind: 'zoned', local: `${inDays(day)}T11:00:00`, tz: 'Europe/Berlin' },
  },
  exceptions: [],
  sensitivity: 'normal',
  categories: [],
  attendees: [],
  extra: {},
});

let serial = 0;

async function setup() {
  const crm = await startCrmServer({ port: 0, seed: false });
  servers.push(crm);
  graph.server.use(http.all(`${crm.url}/*`, () => passthrough()));
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    clock: fakeClock(),
    maxRetries: 10,
  });
  const folder = (await createFolder(client, 'calendar', `Kalender ${++serial}`)).id;
  const options = { timeZone: 'Europe/Berlin', mailboxOwner: owner };
  const store = new GraphEventStore(client, graphCodecs(options).event);
  const nonceStore = memoryNonceStore();
  const transport = createHttpTransport({ timeoutMs: 20_000 });
  let tick = 0;
  const ports: SyncPorts = {
    outlook: { event: store },
    runSession: (o) =>
      runSyncSession({
        ...o,
        transport,
        serverUrl: crm.syncUrl,
        user: 'test',
        password: 'test',
        auth: 'md5',
        deviceId: `outlook-calendar-${serial}`,
        nonceStore,
      }),
    stateStore: createMemorySyncStateStore(),
    journal: createMemoryJournalStore(),
    codec: formatsItemCodec,
    fingerprint,
    outlookShape: outlookShapes(options),
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newRunId: () => `run-${tick}`,
  };
  const pair = {
    folderId: folder,
    kind: 'event' as const,
    datastore: 'calendar',
    direction: 'two-way' as const,
    policy: 'crm-wins' as const,
  };
  const subjects = async () =>
    (await store.readAll(folder)).map((s) => (s.item as CalendarEvent).subject).sort();
  const crmCount = () => crm.store.listRecords('calendar').filter((r) => !r.deleted).length;
  return { crm, client, store, folder, subjects, crmCount, sync: () => runSync(ports, { folders: [pair] }) };
}

describe('appointments and tasks on the Graph emulator and the sandbox CRM', () => {
  it('sync both ways; a second run changes nothing', async () => {
    const w = await setup();
    // The user's own appointment, made in Outlook (no link).
    const start = `${inDays(3)}T10:00:00`;
    const end = `${inDays(3)}T11:00:00`;
    await w.client.request('POST', `/me/calendars/${w.folder}/events`, {
      body: {
        subject: 'Besichtigung Domstraße',
        location: { displayName: 'Köln' },
        start: { dateTime: start, timeZone: 'Europe/Berlin' },
        end: { dateTime: end, timeZone: 'Europe/Berlin' },
      },
    });
    w.crm.store.createRecord(
      'calendar',
      serializeEvent(appointment('Notartermin', 5), '2.0').text,
      'text/calendar',
      'web',
    );
    const first = await w.sync();
    expect(first.outcome).toBe('completed');
    expect(await w.subjects()).toEqual(['Besichtigung Domstraße', 'Notartermin']);
    expect(w.crmCount()).toBe(2);
    const second = await w.sync();
    expect(second.folders[0]).toMatchObject({
      toOutlook: { creates: 0, updates: 0, deletes: 0 },
      toCrm: { adds: 0, replaces: 0, deletes: 0 },
    });
  });

  it('syncs To Do tasks both ways; a second run changes nothing', async () => {
    const crm = await startCrmServer({ port: 0, seed: false });
    servers.push(crm);
    graph.server.use(http.all(`${crm.url}/*`, () => passthrough()));
    const client = new GraphClient({
      tokenProvider: { getToken: async () => 'sandbox-token' },
      clock: fakeClock(),
      maxRetries: 10,
    });
    const folder = (await createFolder(client, 'tasks', `Aufgaben ${++serial}`)).id;
    const options = { timeZone: 'Europe/Berlin', mailboxOwner: owner };
    const store = new GraphTaskStore(client, graphCodecs(options).task);
    await client.request('POST', `/me/todo/lists/${folder}/tasks`, { body: { title: 'Exposé senden' } });
    const crmTask: Task = {
      kind: 'task',
      title: 'Rückruf Käufer',
      due: dateOnly(inDays(2)),
      status: 'notStarted',
      importance: 'high',
      categories: [],
      sensitivity: 'normal',
      extra: {},
    };
    crm.store.createRecord('todo', serializeTask(crmTask, '2.0').text, 'text/calendar', 'web');
    let tick = 0;
    const nonceStore = memoryNonceStore();
    const ports: SyncPorts = {
      outlook: { task: store },
      runSession: (o) =>
        runSyncSession({
          ...o,
          transport: createHttpTransport({ timeoutMs: 20_000 }),
          serverUrl: crm.syncUrl,
          user: 'test',
          password: 'test',
          auth: 'md5',
          deviceId: `outlook-todo-${serial}`,
          nonceStore,
        }),
      stateStore: createMemorySyncStateStore(),
      journal: createMemoryJournalStore(),
      codec: formatsItemCodec,
      fingerprint,
      outlookShape: outlookShapes(options),
      now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
      newRunId: () => `run-${tick}`,
    };
    const request = {
      folders: [
        {
          folderId: folder,
          kind: 'task' as const,
          datastore: 'todo',
          direction: 'two-way' as const,
          policy: 'crm-wins' as const,
        },
      ],
    };
    expect((await runSync(ports, request)).outcome).toBe('completed');
    const titles = (await store.readAll(folder)).map((s) => (s.item as Task).title).sort();
    expect(titles).toEqual(['Exposé senden', 'Rückruf Käufer']);
    expect(crm.store.listRecords('todo').filter((r) => !r.deleted)).toHaveLength(2);
    const second = await runSync(ports, request);
    expect(second.folders[0]).toMatchObject({
      toOutlook: { creates: 0, updates: 0, deletes: 0 },
      toCrm: { adds: 0, replaces: 0, deletes: 0 },
    });
  });
});
