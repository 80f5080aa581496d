/**
 * Appointments and To Do tasks end to end: the Graph event store on the emulator, vCalendar 1.0 over the SyncML client, the
 * sandbox CRM's calendar. Guards the echo and twinning rules for events, where Graph adds an organizer and
 * time zones are rewritten.
 */
import { describe, expect, it } from 'vitest';
import { graphCodecs } from '../../../src/adapters/graph/codecs.js';
import { GraphEventStore } from '../../../src/adapters/graph/event-store.js';
import { GraphTaskStore } from '../../../src/adapters/graph/task-store.js';
import { createFolder } from '../../../src/adapters/graph/folders.js';
import { runSync } from '../../../src/app/sync/index.js';
import { serializeEvent, serializeTask } from '../../../src/core/formats/index.js';
import { dateOnly, type CalendarEvent, type Task } from '../../../src/core/model/index.js';
import { emulatorClient, graphSyncPorts, twoWayRequest, useGraphEmulator } from './graph-world.js';

const { startCrm } = useGraphEmulator();

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

/** The mailbox's codec options: Graph adds the owner as organizer of the events we write. */
const options = { timeZone: 'Europe/Berlin', mailboxOwner: owner };
let serial = 0;

async function setup() {
  const crm = await startCrm();
  const client = emulatorClient({ maxRetries: 10 });
  const folder = (await createFolder(client, 'calendar', `Kalender ${++serial}`)).id;
  const store = new GraphEventStore(client, graphCodecs(options).event);
  const ports = graphSyncPorts({
    crm,
    outlook: { event: store },
    deviceId: `outlook-calendar-${serial}`,
    codecOptions: options,
  });
  const request = twoWayRequest(folder, 'event', 'calendar');
  const subjects = async () =>
    (await store.readAll(folder)).map((s) => (s.item as CalendarEvent).subject).sort();
  const crmCount = () => crm.store.listRecords('calendar').filter((r) => !r.deleted).length;
  return { crm, client, store, folder, subjects, crmCount, sync: () => runSync(ports, request) };
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
    const crm = await startCrm();
    const client = emulatorClient({ maxRetries: 10 });
    const folder = (await createFolder(client, 'tasks', `Aufgaben ${++serial}`)).id;
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
    const ports = graphSyncPorts({
      crm,
      outlook: { task: store },
      deviceId: `outlook-todo-${serial}`,
      codecOptions: options,
    });
    const request = twoWayRequest(folder, 'task', 'todo');
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
