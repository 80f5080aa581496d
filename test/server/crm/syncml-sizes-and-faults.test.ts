import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCrmServer } from '../../../src/server/crm/http/crm-server.js';
import { useCrmServers } from './crm-under-test.js';
import { acknowledge, alert, itemCmd, ScriptedClient, statusFor, sync } from './scripted-client.js';
import { syncOnce } from './sync-once.js';

// Registered before the servers' hook: after-hooks run in reverse, so a server closes before its data dir goes.
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const crm = useCrmServers();
const setup = crm.withClient;

const card = (given: string, family: string, note = '') =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${family};${given};;;\r\nFN:${given} ${family}\r\n${note ? `NOTE:${note}\r\n` : ''}END:VCARD\r\n`;

describe('sandbox CRM message and object sizes', () => {
  it("splits package 4 to the client's MaxMsgSize and continues on Alert 222", async () => {
    const { server, client } = await setup();
    client.maxMsgSize = 2000;
    const r = await syncOnce(client, { datastore: 'addressbook', code: 201, next: 'A1' });
    expect(r.continuationMessages).toBeGreaterThan(1);
    expect(r.received).toHaveLength(server.store.listRecords('addressbook').length);
    expect(client.largestReply).toBeLessThanOrEqual(2000);
  });

  it('sends an object larger than a message in MoreData chunks with the exact byte Size', async () => {
    const { server, client } = await setup({ seed: false });
    const big = card('Ünal', 'Größe', 'ä'.repeat(6000));
    server.store.createRecord('addressbook', big, 'text/vcard', 'web');
    client.maxMsgSize = 3000;
    const r = await syncOnce(client, { datastore: 'addressbook', code: 201, next: 'A1' });
    expect(r.chunkedItems).toBeGreaterThan(2);
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.text).toBe(big);
    expect(client.largestReply).toBeLessThanOrEqual(3000);
  });

  it('takes a chunked client item (213 per chunk) and rejects a wrong Size with 424', async () => {
    const { server, client } = await setup({ seed: false });
    const whole = card('Chunk', 'Test', 'ß'.repeat(500));
    const bytes = Buffer.byteLength(whole);
    const half = Math.floor(whole.length / 2);
    for (const [size, expected] of [
      [bytes, 201],
      [bytes + 5, 424],
    ] as const) {
      client.newSession();
      const r1 = await client.send([alert(201, 'addressbook', `A${size}`)]);
      const first = itemCmd('Add', `big-${size}`, whole.slice(0, half), 'text/vcard', {
        moreData: true,
        meta: { size },
      });
      const r2 = await client.send([...acknowledge(r1.msg!), sync('addressbook', [first])], { final: false });
      expect(statusFor(r2.msg!, 'Add')!.code).toBe(213);
      expect(r2.msg!.final).toBe(false);
      const r3 = await client.send([
        ...acknowledge(r2.msg!),
        sync('addressbook', [itemCmd('Add', `big-${size}`, whole.slice(half))]),
      ]);
      expect(statusFor(r3.msg!, 'Add')!.code).toBe(expected);
    }
    expect(server.store.listRecords('addressbook').map((r) => r.content)).toEqual([whole]);
  });
});

describe('sandbox CRM fault hooks', () => {
  it('cuts the connection after message N; a resent Add after the cut creates no duplicate', async () => {
    const { server, client } = await setup({
      seed: false,
      faults: [{ kind: 'drop-connection', afterMessage: 2 }],
    });
    await expect(
      syncOnce(client, {
        datastore: 'addressbook',
        code: 201,
        next: 'A1',
        changes: [itemCmd('Add', 'x1', card('Alice', 'Wonder'))],
      }),
    ).rejects.toThrow();
    expect(server.store.listRecords('addressbook')).toHaveLength(1);
    const again = await syncOnce(client, {
      datastore: 'addressbook',
      code: 201,
      next: 'A1',
      changes: [itemCmd('Add', 'x1', card('Alice', 'Wonder'))],
    });
    expect(again.itemStatuses[0]!.code).toBe(200);
    expect(server.store.listRecords('addressbook')).toHaveLength(1);
  });

  it('answers 503 / 500 when told to, then works again', async () => {
    const { server, client } = await setup({ seed: false });
    const admin = (body: unknown) =>
      fetch(`${server.url}/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await admin({ kind: 'http-error', status: 503 })).status).toBe(201);
    expect((await admin({ kind: 'http-error', status: 418 })).status).toBe(400);
    client.newSession();
    expect((await client.send([alert(201, 'todo', 'T1')])).http).toBe(503);
    client.newSession();
    expect((await client.send([alert(201, 'todo', 'T1')])).http).toBe(200);
  });

  it('answers 508 when told to although the anchors match', async () => {
    const { server, client } = await setup({ seed: false });
    await syncOnce(client, { datastore: 'todo', code: 201, next: 'T1' });
    server.faults.add({ kind: 'refresh-required' });
    const r = await syncOnce(client, { datastore: 'todo', code: 200, last: 'T1', next: 'T2' });
    expect(r.alertStatus).toBe(508);
  });

  it('sends a malformed reply when told to', async () => {
    const { client } = await setup({ seed: false, faults: [{ kind: 'malformed-reply', afterMessage: 1 }] });
    client.newSession();
    await expect(client.send([alert(201, 'todo', 'T1')])).rejects.toThrow();
  });
});

describe('sandbox CRM persistence', () => {
  it('keeps records, anchors and maps across a restart, and seeds only once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-'));
    dirs.push(dataDir);
    const first = await startCrmServer({ port: 0, dataDir });
    const seeded = first.store.listRecords('addressbook').length;
    const client = new ScriptedClient(first.syncUrl);
    await syncOnce(client, {
      datastore: 'addressbook',
      code: 201,
      next: 'A1',
      changes: [itemCmd('Add', 'x1', card('Alice', 'Wonder'))],
    });
    await first.close();
    const second = await crm.start({ dataDir });
    expect(second.store.listRecords('addressbook')).toHaveLength(seeded + 1);
    const again = new ScriptedClient(second.syncUrl);
    const r = await syncOnce(again, { datastore: 'addressbook', code: 200, last: 'A1', next: 'A2' });
    expect(r.alertStatus).toBe(200);
    expect(r.received).toEqual([]);
  });
});
