import { describe, expect, it } from 'vitest';
import { conflictOnX1, useCrmServers } from './crm-under-test.js';
import { itemCmd, deleteCmd, ScriptedClient, alert, statusFor } from './scripted-client.js';
import { syncOnce } from './sync-once.js';

const { withClient: setup } = useCrmServers();

const card = (given: string, family: string, tel = '+49 89 1234') =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${family};${given};;;\r\nFN:${given} ${family}\r\nTEL;TYPE=CELL:${tel}\r\nEND:VCARD\r\n`;

describe('sandbox CRM SyncML sessions', () => {
  it('runs a first slow sync: adds the client items, sends every CRM record, takes the maps', async () => {
    const { server, client } = await setup();
    const seeded = server.store.listRecords('addressbook').length;
    const first = await syncOnce(client, {
      datastore: 'addressbook',
      code: 201,
      next: 'A1',
      changes: [itemCmd('Add', 'x1', card('Alice', 'Wonder'))],
    });
    expect(first.alertStatus).toBe(200);
    expect(first.serverAlertCode).toBe(201);
    expect(first.itemStatuses.map((s) => s.code)).toEqual([201]);
    expect(first.received.filter((r) => r.op === 'Add')).toHaveLength(seeded);
    expect(server.store.listRecords('addressbook')).toHaveLength(seeded + 1);
    expect(server.store.countMaps('test-device-1', 'addressbook')).toBe(seeded + 1);
    expect(server.store.getAnchor('test-device-1', 'addressbook')?.clientAnchor).toBe('A1');
  });

  it('runs a two-way sync: client changes applied, CRM changes sent, nothing echoed back', async () => {
    const { server, client } = await setup({ seed: false });
    const a = server.store.createRecord('addressbook', card('Dora', 'Dach'), 'text/vcard', 'web');
    await syncOnce(client, {
      datastore: 'addressbook',
      code: 201,
      next: 'A1',
      changes: [itemCmd('Add', 'x1', card('Alice', 'Wonder')), itemCmd('Add', 'x2', card('Bob', 'Bau'))],
    });
    server.store.updateRecord('addressbook', a.guid, card('Dora', 'Dach', '+49 30 999'), 'text/vcard', 'web');
    const second = await syncOnce(client, {
      datastore: 'addressbook',
      code: 200,
      last: 'A1',
      next: 'A2',
      changes: [
        itemCmd('Replace', 'x1', card('Alice', 'Wonder', '+49 1')),
        deleteCmd('x2'),
        itemCmd('Add', 'x3', card('Carl', 'Clo')),
      ],
    });
    expect(second.alertStatus).toBe(200);
    expect(second.itemStatuses.map((s) => s.code)).toEqual([200, 200, 201]);
    expect(second.received).toEqual([expect.objectContaining({ op: 'Replace', id: `L-${a.guid}` })]);
    expect(second.received[0]!.text).toContain('+49 30 999');
    const names = server.store.listRecords('addressbook').map((r) => /FN:(.*)\r/.exec(r.content)![1]);
    expect(names.sort()).toEqual(['Alice Wonder', 'Carl Clo', 'Dora Dach']);
    const third = await syncOnce(client, { datastore: 'addressbook', code: 200, last: 'A2', next: 'A3' });
    expect(third.received).toEqual([]);
  });

  it('reports each completed session in one line', async () => {
    const lines: string[] = [];
    const { client } = await setup({ seed: false, log: (line) => lines.push(line) });
    await syncOnce(client, {
      datastore: 'addressbook',
      code: 201,
      next: 'A1',
      changes: [itemCmd('Add', 'x1', card('Alice', 'Wonder'))],
    });
    expect(lines).toEqual(['test-device-1: addressbook slow (1 in, 0 out)']);
  });

  it('answers 508 and runs a slow sync when the client Last anchor does not match', async () => {
    const { client } = await setup();
    await syncOnce(client, { datastore: 'todo', code: 201, next: 'T1' });
    const wrong = await syncOnce(client, { datastore: 'todo', code: 200, last: 'T0', next: 'T2' });
    expect(wrong.alertStatus).toBe(508);
    expect(wrong.serverAlertCode).toBe(201);
    const right = await syncOnce(client, { datastore: 'todo', code: 200, last: 'T2', next: 'T3' });
    expect(right.alertStatus).toBe(200);
  });

  it('twins identical items in a slow sync: a second slow sync changes nothing', async () => {
    const { server, client } = await setup();
    const first = await syncOnce(client, { datastore: 'addressbook', code: 201, next: 'A1' });
    const changesBefore = server.store.currentRev();
    const again = await syncOnce(client, {
      datastore: 'addressbook',
      code: 201,
      next: 'A2',
      changes: first.received.map((r) => itemCmd('Replace', `L-${r.id}`, r.text!)),
    });
    expect(again.itemStatuses.every((s) => s.code === 200)).toBe(true);
    expect(again.received).toEqual([]);
    expect(server.store.currentRev()).toBe(changesBefore);
    expect(server.store.listConflictCopies('addressbook')).toEqual([]);
  });

  it('keeps the CRM version in a two-way conflict (419) and stores the client version as a conflict copy', async () => {
    const { server, client } = await setup({ seed: false });
    const { guid, result: r } = await conflictOnX1(server, client, {
      deviceCard: card('Alice', 'Wonder'),
      crm: { edit: card('Alice', 'Wonder', '+49 CRM') },
      deviceChange: itemCmd('Replace', 'x1', card('Alice', 'Wonder', '+49 DEVICE')),
    });
    expect(r.itemStatuses[0]!.code).toBe(419);
    expect(r.received).toEqual([expect.objectContaining({ op: 'Replace', id: 'x1' })]);
    expect(server.store.getRecord('addressbook', guid)!.content).toContain('+49 CRM');
    expect(server.store.listConflictCopies('addressbook')[0]!.content).toContain('+49 DEVICE');
  });

  it('answers 404 for an unknown datastore and changes nothing', async () => {
    const { server, client } = await setup();
    const before = server.store.currentRev();
    client.newSession();
    const r = await client.send([alert(201, 'contacts', 'N1')]);
    expect(statusFor(r.msg!, 'Alert')!.code).toBe(404);
    expect(r.msg!.body.some((c) => c.kind === 'Alert')).toBe(false);
    expect(server.store.currentRev()).toBe(before);
  });

  it('lets two devices converge on the same store', async () => {
    const { server } = await setup({ seed: false });
    const one = new ScriptedClient(server.syncUrl, 'device-one');
    const two = new ScriptedClient(server.syncUrl, 'device-two');
    await syncOnce(one, {
      datastore: 'addressbook',
      code: 201,
      next: '1a',
      changes: [itemCmd('Add', 'a', card('Anna', 'Eins'))],
    });
    const t1 = await syncOnce(two, {
      datastore: 'addressbook',
      code: 201,
      next: '2a',
      changes: [itemCmd('Add', 'b', card('Bert', 'Zwei'))],
    });
    expect(t1.received.map((r) => r.text)).toEqual([expect.stringContaining('Anna')]);
    const o2 = await syncOnce(one, { datastore: 'addressbook', code: 200, last: '1a', next: '1b' });
    expect(o2.received.map((r) => r.text)).toEqual([expect.stringContaining('Bert')]);
    const t2 = await syncOnce(two, { datastore: 'addressbook', code: 200, last: '2a', next: '2b' });
    expect(t2.received).toEqual([]);
    expect(server.store.listRecords('addressbook')).toHaveLength(2);
  });

  it('keeps interleaved sessions of two devices apart', async () => {
    const { server } = await setup({ seed: false });
    const { acknowledge, sync, serverSyncCommands } = await import('./scripted-client.js');
    const one = new ScriptedClient(server.syncUrl, 'device-one');
    const two = new ScriptedClient(server.syncUrl, 'device-two');
    one.newSession();
    two.newSession();
    const [a1, b1] = await Promise.all([
      one.send([alert(201, 'addressbook', '1a')]),
      two.send([alert(201, 'addressbook', '2a')]),
    ]);
    expect(a1.msg!.header.respUri).not.toBe(b1.msg!.header.respUri);
    const [a2, b2] = await Promise.all([
      one.send([
        ...acknowledge(a1.msg!),
        sync('addressbook', [itemCmd('Add', 'same-luid', card('Anna', 'Eins'))]),
      ]),
      two.send([
        ...acknowledge(b1.msg!),
        sync('addressbook', [itemCmd('Add', 'same-luid', card('Bert', 'Zwei'))]),
      ]),
    ]);
    expect(statusFor(a2.msg!, 'Add')!.code).toBe(201);
    expect(statusFor(b2.msg!, 'Add')!.code).toBe(201);
    // each sees only what existed when its package 4 was built, never its own item echoed back
    for (const r of [a2, b2]) expect(serverSyncCommands(r.msg!).length).toBeLessThanOrEqual(1);
    expect(server.store.guidForLuid('device-one', 'addressbook', 'same-luid')).not.toBe(
      server.store.guidForLuid('device-two', 'addressbook', 'same-luid'),
    );
    expect(server.store.listRecords('addressbook')).toHaveLength(2);
  });

  it('answers a resent message (same MsgID) with the same reply and applies it once', async () => {
    const { server, client } = await setup({ seed: false });
    client.newSession();
    const r1 = await client.send([alert(201, 'addressbook', 'A1')]);
    const { acknowledge, sync } = await import('./scripted-client.js');
    const xml = client.build([
      ...acknowledge(r1.msg!),
      sync('addressbook', [itemCmd('Add', 'x1', card('Alice', 'Wonder'))]),
    ]);
    const first = await client.post(xml);
    const resent = await client.post(xml);
    expect(resent.text).toBe(first.text);
    expect(server.store.listRecords('addressbook')).toHaveLength(1);
  });
});
