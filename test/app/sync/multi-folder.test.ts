import { describe, expect, it } from 'vitest';
import { runSync, type RunSession } from '../../../src/app/sync/index.js';
import { dateOnly, outlookFolderId, type CalendarEvent } from '../../../src/core/model/index.js';
import { MemoryOutlookStore, type FolderPairSettings } from '../../../src/core/sync/index.js';
import { FakeCrmServer } from './fake-crm-server.js';
import { createWorld } from './harness.js';

const event = (subject: string): CalendarEvent => ({
  kind: 'event',
  subject,
  timing: { allDay: true, startDate: dateOnly('2026-03-02'), endDate: dateOnly('2026-03-03') },
  exceptions: [],
  sensitivity: 'normal',
  categories: [],
  attendees: [],
  extra: {},
});

function setup() {
  const world = createWorld();
  const calendarFolder = outlookFolderId('calendar');
  const calendar = new MemoryOutlookStore('event');
  const calendarCrm = new FakeCrmServer();
  const runSession: RunSession = (o) =>
    o.datastores[0]!.remoteUri === 'calendar' ? calendarCrm.runSession(o) : world.crm.runSession(o);
  const ports = { ...world.ports, outlook: { contact: world.outlook, event: calendar }, runSession };
  const calendarPair: FolderPairSettings = {
    folderId: calendarFolder,
    kind: 'event',
    datastore: 'calendar',
    direction: 'two-way',
    policy: 'crm-wins',
  };
  const request = { folders: [world.pair, calendarPair] };
  return { ...world, calendar, calendarCrm, calendarFolder, sync: () => runSync(ports, request) };
}

describe('a run over several folder pairs', () => {
  it('syncs each folder with its own datastore and session', async () => {
    const w = setup();
    w.crmCreate('Anna');
    w.calendar.userCreate(w.calendarFolder, event('Besichtigung Hauptstraße 5'));
    const result = await w.sync();
    expect(result.folders.map((f) => [f.datastore, f.committed])).toEqual([
      ['addressbook', true],
      ['calendar', true],
    ]);
    expect(w.outlookNames()).toEqual(['Anna Test']);
    expect([...w.calendarCrm.maps.keys()]).toEqual(['e1']); // LUIDs say what kind they are
  });

  it('commits a folder that finished even when a later folder fails, and only that one', async () => {
    const w = setup();
    w.crmCreate('Anna');
    w.calendar.userCreate(w.calendarFolder, event('Besichtigung'));
    w.calendarCrm.cutAfterClientChanges = true;
    const result = await w.sync();
    expect(result.outcome).toBe('failed');
    expect(result.folders.map((f) => [f.datastore, f.committed])).toEqual([
      ['addressbook', true],
      ['calendar', false],
    ]);
    expect((await w.stateStore.load(w.folder))?.checkpoint.lastAnchor).toBeDefined();
    expect((await w.stateStore.load(w.calendarFolder))?.checkpoint.lastAnchor).toBeUndefined();
    const again = await w.sync();
    expect(again.outcome).toBe('completed');
    expect(w.calendarCrm.items.size).toBe(1);
  });
});
