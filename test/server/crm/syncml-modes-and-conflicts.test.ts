import { describe, expect, it } from 'vitest';
import type { RunningCrmServer } from '../../../src/server/crm/http/crm-server.js';
import { conflictOnX1, useCrmServers } from './crm-under-test.js';
import { acknowledge, alert, deleteCmd, itemCmd, statusFor } from './scripted-client.js';
import { syncOnce } from './sync-once.js';

const { withClient: setup } = useCrmServers({ seed: false });

const card = (given: string, family: string, tel = '+49 89 1') =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${family};${given};;;\r\nFN:${given} ${family}\r\nTEL:${tel}\r\nEND:VCARD\r\n`;
const names = (server: RunningCrmServer) =>
  server.store
    .listRecords('addressbook')
    .map((r) => /FN:(.*)\r/.exec(r.content)![1])
    .sort();

describe('sandbox CRM conflicts', () => {
  it('keeps a record the CRM edited when the device deletes it (419), and sends it back as an Add', async () => {
    const { server, client } = await setup();
    const { guid, result: r } = await conflictOnX1(server, client, {
      deviceCard: card('Alice', 'Wonder'),
      crm: { edit: card('Alice', 'Wonder', '+49 CRM') },
      deviceChange: deleteCmd('x1'),
    });
    expect(r.itemStatuses[0]!.code).toBe(419);
    expect(r.received).toEqual([expect.objectContaining({ op: 'Add', id: guid })]);
    expect(names(server)).toEqual(['Alice Wonder']);
  });

  it("re-creates a record the CRM deleted when the device edits it (the device's edit wins)", async () => {
    const { server, client } = await setup();
    const { result: r } = await conflictOnX1(server, client, {
      deviceCard: card('Alice', 'Wonder'),
      crm: 'delete',
      deviceChange: itemCmd('Replace', 'x1', card('Alice', 'Wonder', '+49 NEW')),
    });
    expect(r.itemStatuses[0]!.code).toBe(201);
    expect(r.received).toEqual([]);
    expect(names(server)).toEqual(['Alice Wonder']);
  });

  it('answers 211 to a Delete of an item the CRM never had', async () => {
    const { client } = await setup();
    await syncOnce(client, { datastore: 'todo', code: 201, next: 'T1' });
    const r = await syncOnce(client, {
      datastore: 'todo',
      code: 200,
      last: 'T1',
      next: 'T2',
      changes: [deleteCmd('unknown')],
    });
    expect(r.itemStatuses[0]!.code).toBe(211);
  });

  it('pairs a same-named item in a slow sync: the CRM version wins, the device version is kept as a copy', async () => {
    const { server, client } = await setup();
    server.store.createRecord('addressbook', card('Jürgen', 'Müller', '+49 89 CRM'), 'text/vcard', 'web');
    const r = await syncOnce(client, {
      datastore: 'addressbook',
      code: 201,
      next: 'A1',
      changes: [itemCmd('Add', 'm1', card('Jürgen', 'Müller', '+49 170 DEVICE'))],
    });
    expect(r.itemStatuses[0]!.code).toBe(200);
    expect(r.received).toEqual([expect.objectContaining({ op: 'Replace', id: 'm1' })]);
    expect(names(server)).toEqual(['Jürgen Müller']);
    expect(server.store.listConflictCopies('addressbook')).toHaveLength(1);
  });
});

describe('sandbox CRM sync modes', () => {
  it('refresh from client replaces the CRM datastore with what the client sends', async () => {
    const { server, client } = await setup();
    server.store.createRecord('addressbook', card('Old', 'Entry'), 'text/vcard', 'web');
    server.store.createRecord('addressbook', card('Kept', 'Entry'), 'text/vcard', 'web');
    const r = await syncOnce(client, {
      datastore: 'addressbook',
      code: 203,
      next: 'A1',
      changes: [
        itemCmd('Replace', 'k', card('Kept', 'Entry')),
        itemCmd('Replace', 'n', card('New', 'Entry')),
      ],
    });
    expect(r.serverAlertCode).toBe(203);
    expect(r.received).toEqual([]);
    expect(names(server)).toEqual(['Kept Entry', 'New Entry']);
  });

  it('refresh from server sends everything as Adds; one-way modes send only one way', async () => {
    const { server, client } = await setup();
    server.store.createRecord('addressbook', card('Server', 'One'), 'text/vcard', 'web');
    const refresh = await syncOnce(client, { datastore: 'addressbook', code: 205, next: 'A1' });
    expect(refresh.received.map((x) => x.op)).toEqual(['Add']);
    server.store.createRecord('addressbook', card('Server', 'Two'), 'text/vcard', 'web');
    const up = await syncOnce(client, {
      datastore: 'addressbook',
      code: 202,
      last: 'A1',
      next: 'A2',
      changes: [itemCmd('Add', 'c1', card('Client', 'One'))],
    });
    expect(up.itemStatuses[0]!.code).toBe(201);
    expect(up.received).toEqual([]);
    const down = await syncOnce(client, { datastore: 'addressbook', code: 204, last: 'A2', next: 'A3' });
    expect(down.received.map((x) => x.text)).toEqual([expect.stringContaining('Server Two')]);
  });

  it('refuses a resume (225) with 509 and runs a normal two-way sync instead', async () => {
    const { client } = await setup();
    await syncOnce(client, { datastore: 'todo', code: 201, next: 'T1' });
    const r = await syncOnce(client, { datastore: 'todo', code: 225, last: 'T1', next: 'T2' });
    expect(r.alertStatus).toBe(509);
    expect(r.serverAlertCode).toBe(200);
  });

  it('drops a session the client abandoned after the timeout (408), anchors unchanged', async () => {
    let now = new Date('2026-11-21T10:00:00Z');
    const { server, client } = await setup({ now: () => now, sessionTimeoutMs: 60_000 });
    await syncOnce(client, { datastore: 'todo', code: 201, next: 'T1' });
    client.newSession();
    const r1 = await client.send([alert(200, 'todo', 'T2', 'T1')]);
    now = new Date('2026-11-21T10:05:00Z');
    const late = await client.send(acknowledge(r1.msg!));
    expect(statusFor(late.msg!, 'SyncHdr')!.code).toBe(408);
    expect(server.store.getAnchor('test-device-1', 'todo')?.clientAnchor).toBe('T1');
  });
});
