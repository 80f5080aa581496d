/**
 * Regression (issue 6, found by the CLI's undo test): the delta cursor a run commits must be read after the run's
 * own Outlook writes. Graph never reports the deletion of an item its cursor never saw, so with the cursor read
 * before the writes, items a run created and undo then deleted stayed in the CRM until a full re-read.
 * Graph emulator (msw) + Graph contact store + sandbox CRM on loopback, as in graph-sandbox.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { graphCodecs } from '../../../src/adapters/graph/codecs.js';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { createFolder } from '../../../src/adapters/graph/folders.js';
import { runSync, undoLastRun } from '../../../src/app/sync/index.js';
import { serializeVCard } from '../../../src/core/formats/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import type { OutlookStore } from '../../../src/core/sync/index.js';
import {
  crmContactNames,
  emulatorClient,
  graphSyncPorts,
  twoWayRequest,
  useGraphEmulator,
} from './graph-world.js';
import { person } from './sandbox-world.js';

const { startCrm } = useGraphEmulator();

let serial = 0;

/** A contact folder on the Graph emulator paired with the sandbox CRM; `afterWrites` runs inside the run. */
async function setup(names: readonly (readonly [string, string])[] = []) {
  const crm = await startCrm();
  const client = emulatorClient();
  const folder = (await createFolder(client, 'contacts', `Delta ${++serial}`)).id;
  const graphStore = new GraphContactStore(client, graphCodecs({ timeZone: 'Europe/Berlin' }).contact);
  let afterWrites: (() => Promise<void>) | undefined;
  // The user working in Outlook while a run writes: deterministic, right after the run's first batch.
  const outlook: OutlookStore = {
    kind: 'contact',
    readChanges: (f, c, s) => graphStore.readChanges(f, c, s),
    readAll: (f, s) => graphStore.readAll(f, s),
    findByLuid: (f, l, s) => graphStore.findByLuid(f, l, s),
    writeBatch: async (f, ops, s) => {
      const results = await graphStore.writeBatch(f, ops, s);
      const userWork = afterWrites;
      afterWrites = undefined;
      await userWork?.();
      return results;
    },
  };
  const ports = graphSyncPorts({
    crm,
    outlook: { contact: outlook },
    deviceId: `delta-after-writes-${serial}`,
    codecOptions: { timeZone: 'Europe/Berlin' },
  });
  for (const [given, family] of names) {
    crm.store.createRecord(
      'addressbook',
      serializeVCard(person(given, family), '3.0').text,
      'text/vcard',
      'web',
    );
  }
  const request = twoWayRequest(folder, 'contact', 'addressbook');
  const contactsUrl = `/me/contactFolders/${folder}/contacts`;
  const outlookNames = async () =>
    (await graphStore.readAll(folder)).map((s) => (s.item as Contact).displayName).sort();
  const idOf = async (name: string) =>
    (await graphStore.readAll(folder)).find((s) => (s.item as Contact).displayName === name)!.id;
  return {
    client,
    ports,
    contactsUrl,
    outlookNames,
    idOf,
    crmNames: () => crmContactNames(crm),
    userCreate: (given: string, family: string) =>
      client.request('POST', contactsUrl, {
        body: { givenName: given, surname: family, displayName: `${given} ${family}` },
      }),
    whileTheRunWrites: (work: () => Promise<void>) => {
      afterWrites = work;
    },
    sync: () => runSync(ports, request, { confirmDeletions: async () => 'continue' }),
  };
}

describe('the delta cursor a run commits', () => {
  it('sends the deletions of an undone run with the very next sync (no sync in between)', async () => {
    const w = await setup([
      ['Bert', 'Berg'],
      ['Cleo', 'Chen'],
    ]);
    await w.userCreate('Anna', 'Alt');
    const first = await w.sync();
    expect(first.folders[0]).toMatchObject({ toOutlook: { creates: 2 }, toCrm: { adds: 1 } });

    const undo = await undoLastRun(w.ports);
    expect(undo.failed).toEqual([]);
    expect(await w.outlookNames()).toEqual(['Anna Alt']);

    const next = await w.sync();
    expect(next.outcome).toBe('completed');
    expect(next.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 2 });
    expect(w.crmNames()).toEqual(['Anna Alt']);
    const after = await w.sync();
    expect(after.folders[0]).toMatchObject({
      toOutlook: { creates: 0, updates: 0, deletes: 0 },
      toCrm: { adds: 0, replaces: 0, deletes: 0 },
    });
  });

  it('loses no Outlook change made while the run was writing: the next run sends it', async () => {
    const w = await setup([['Bert', 'Berg']]);
    await w.userCreate('Anna', 'Alt');
    await w.userCreate('Emil', 'Ernst');
    await w.sync();
    const annaId = await w.idOf('Anna Alt');
    const emilId = await w.idOf('Emil Ernst');
    await w.userCreate('Carla', 'Crm'); // sent by the run below; its echo must not be mistaken
    w.whileTheRunWrites(async () => {
      await w.client.request('PATCH', `${w.contactsUrl}/${annaId}`, { body: { jobTitle: 'Maklerin' } });
      await w.client.request('DELETE', `${w.contactsUrl}/${emilId}`);
      await w.userCreate('Dora', 'Dietz');
    });
    // The run writes: Carla's LUID goes onto the item after the session (the batch that triggers the user).
    const during = await w.sync();
    expect(during.outcome).toBe('completed');
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg', 'Carla Crm', 'Emil Ernst']);

    const next = await w.sync();
    expect(next.folders[0]?.toCrm).toEqual({ adds: 1, replaces: 1, deletes: 1 });
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg', 'Carla Crm', 'Dora Dietz']);
    const after = await w.sync();
    expect(after.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });
  });
});
