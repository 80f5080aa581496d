/**
 * The use cases over the real pieces, end to end on loopback: the SyncML client (runSyncSession + HTTP
 * transport), the formats (vCard 2.1, fingerprint, Graph contact mapping) and the sandbox CRM server.
 * Outlook is the in-memory store, made to keep only what Graph can hold.
 */
import { describe, expect, it } from 'vitest';
import { undoLastRun } from '../../../src/app/sync/index.js';
import { serializeVCard } from '../../../src/core/formats/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import { closeServersAfterEach, createSandboxWorld as setup, graphShape, person } from './sandbox-world.js';

closeServersAfterEach();

describe('sync against the sandbox CRM', () => {
  it('syncs both ways, then a second run changes nothing on either side', async () => {
    const w = await setup();
    w.memory.userCreate(w.folder, person('Anna', 'Alt'));
    w.crmCreate(person('Bert', 'Berg'));
    const first = await w.sync();
    expect(first.outcome).toBe('completed');
    expect(w.outlookNames()).toEqual(['Anna Alt', 'Bert Berg']);
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg']);

    const writes = w.memory.calls.opsWritten;
    const second = await w.sync();
    expect(second.outcome).toBe('completed');
    expect(second.folders[0]).toMatchObject({
      toOutlook: { creates: 0, updates: 0, deletes: 0 },
      toCrm: { adds: 0, replaces: 0, deletes: 0 },
    });
    expect(w.memory.calls.opsWritten).toBe(writes);
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg']);
  });

  it('brings a CRM edit into Outlook, stops when the CRM deletes everything, and undoes a run', async () => {
    const w = await setup();
    const guid = w.crmCreate(person('Bert', 'Berg'));
    w.crmCreate(person('Cleo', 'Chen'));
    await w.sync();
    const record = w.server.store.listRecords('addressbook').find((r) => r.guid === guid)!;
    w.server.store.updateRecord(
      'addressbook',
      guid,
      serializeVCard(person('Bert', 'Berg', { jobTitle: 'Makler' }), '3.0').text,
      record.contentType,
      'web',
    );
    await w.sync();
    const bert = w.memory.snapshot(w.folder).find((s) => (s.item as Contact).displayName === 'Bert Berg');
    expect((bert?.item as Contact).jobTitle).toBe('Makler');

    for (const r of w.server.store.listRecords('addressbook'))
      w.server.store.deleteRecord('addressbook', r.guid, 'web');
    const guarded = await w.sync({ confirmDeletions: async () => 'stop' });
    expect(guarded.outcome).toBe('stopped-by-guard');
    expect(guarded.guardTrip?.reason).toBe('FOLDER_WOULD_EMPTY');
    expect(w.outlookNames()).toEqual(['Bert Berg', 'Cleo Chen']);

    const deleted = await w.sync({ confirmDeletions: async () => 'continue' });
    expect(deleted.outcome).toBe('completed');
    expect(w.outlookNames()).toEqual([]);
    await undoLastRun(w.ports);
    expect(w.outlookNames()).toEqual(['Bert Berg', 'Cleo Chen']);
    await w.sync(); // the undo travels to the CRM like any Outlook edit
    expect(w.crmNames()).toEqual(['Bert Berg', 'Cleo Chen']);
  });

  it('decides an edit on both sides by policy (CRM wins) and keeps the Outlook version restorable', async () => {
    const w = await setup();
    const guid = w.crmCreate(person('Bert', 'Berg'));
    await w.sync();
    const bert = w.memory.snapshot(w.folder)[0]!;
    w.memory.userUpdate(w.folder, bert.id, graphShape(person('Bert', 'Berg', { jobTitle: 'Outlook edit' })));
    const record = w.server.store.listRecords('addressbook').find((r) => r.guid === guid)!;
    const crmEdit = serializeVCard(person('Bert', 'Berg', { jobTitle: 'CRM edit' }), '3.0').text;
    w.server.store.updateRecord('addressbook', guid, crmEdit, record.contentType, 'web');
    const result = await w.sync();
    expect(result.folders[0]?.conflicts).toBe(1);
    expect((w.memory.snapshot(w.folder)[0]!.item as Contact).jobTitle).toBe('CRM edit');
    const [run] = await w.ports.journal.list();
    const conflict = run!.folders[0]!.entries.find((e) => e.result === 'conflict');
    expect(conflict).toMatchObject({
      conflict: { winner: 'crm', outlookVersion: { jobTitle: 'Outlook edit' } },
    });
    expect(w.crmNames()).toEqual(['Bert Berg']);
  });

  it('twinning: a first (slow) sync of identical data on both sides duplicates nothing', async () => {
    const w = await setup();
    for (const [given, family] of [
      ['Anna', 'Alt'],
      ['Bert', 'Berg'],
    ] as const) {
      w.memory.userCreate(w.folder, graphShape(person(given, family)));
      w.crmCreate(person(given, family));
    }
    const result = await w.sync();
    expect(result.outcome).toBe('completed');
    expect(w.outlookNames()).toEqual(['Anna Alt', 'Bert Berg']);
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg']);
    const again = await w.sync();
    expect(again.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });
  });

  it('converges after the server demands a slow sync (508) mid-way', async () => {
    const w = await setup();
    w.memory.userCreate(w.folder, graphShape(person('Anna', 'Alt')));
    w.crmCreate(person('Bert', 'Berg'));
    await w.sync();
    w.server.faults.add({ kind: 'refresh-required' });
    const result = await w.sync();
    expect(result.outcome).toBe('completed');
    expect(w.outlookNames()).toEqual(['Anna Alt', 'Bert Berg']);
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg']);
  });

  for (const afterMessage of [1, 2, 3, 4]) {
    it(`converges after the connection is cut after message ${afterMessage}: nothing lost, nothing doubled`, async () => {
      const w = await setup();
      w.memory.userCreate(w.folder, graphShape(person('Anna', 'Alt')));
      w.crmCreate(person('Bert', 'Berg'));
      await w.sync();
      w.memory.userCreate(w.folder, graphShape(person('Cleo', 'Chen')));
      w.crmCreate(person('Dora', 'Dahl'));
      w.server.faults.add({ kind: 'drop-connection', afterMessage, times: 3 });
      await w.sync();
      w.server.faults.clear();
      await w.sync();
      await w.sync();
      const all = ['Anna Alt', 'Bert Berg', 'Cleo Chen', 'Dora Dahl'];
      expect(w.outlookNames()).toEqual(all);
      expect(w.crmNames()).toEqual(all);
    });
  }
});
