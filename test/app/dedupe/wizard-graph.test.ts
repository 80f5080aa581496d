/**
 * The sync-folder wizard against the Graph emulator: Graph v1.0 has no move for contacts or To Do tasks, so a
 * move is create-in-new + delete-old; the CRM link (LUID, fingerprint) travels with the item.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient, createGraphStores, listFoldersOfKind } from '../../../src/adapters/graph/index.js';
import {
  createSyncFolderWizard,
  graphWizardPorts,
  type CreatedFolder,
} from '../../../src/app/dedupe/index.js';
import { luid, type ItemKind } from '../../../src/core/model/index.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { fakeClock } from '../../adapters/graph/fake-clock.js';
import { contact } from './world.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());
afterEach(() => graph.server.resetHandlers());

async function setup() {
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    clock: fakeClock(),
  });
  const enabled: { folder: CreatedFolder; kind: ItemKind; datastore: string }[] = [];
  const ports = graphWizardPorts(
    client,
    async (folder, kind, datastore) => void enabled.push({ folder, kind, datastore }),
  );
  const stores = createGraphStores(client);
  return { client, ports, stores, enabled, wizard: createSyncFolderWizard(ports) };
}

describe('sync folder wizard over Graph', () => {
  it('creates a contact folder, moves chosen contacts with their links, and enables sync', async () => {
    const { client, stores, wizard, enabled } = await setup();
    const [source] = await listFoldersOfKind(client, 'contacts');
    const written = await stores.contact.writeBatch(source!.id, [
      { op: 'create', item: contact('Ida Brandt'), link: { luid: luid('c41'), fingerprint: 'fp-ida' } },
      { op: 'create', item: contact('Olaf Stein'), link: { luid: luid(''), fingerprint: '' } },
      { op: 'create', item: contact('Rita Hahn'), link: { luid: luid(''), fingerprint: '' } },
    ]);
    const ids = written.map((w) => (w.ok ? w.id : undefined)!);
    const result = await wizard.run({
      kind: 'contact',
      name: 'CRM-Kontakte',
      datastore: 'addressbook',
      move: { from: source!.id, ids: [ids[0]!, ids[1]!] },
    });
    expect(result.failed).toEqual([]);
    const moved = await stores.contact.readAll(result.folder.id);
    expect(moved.map((m) => (m.item.kind === 'contact' ? m.item.displayName : '')).sort()).toEqual([
      'Ida Brandt',
      'Olaf Stein',
    ]);
    expect(moved.find((m) => m.id === result.moved.get(ids[0]!))?.link).toEqual({
      luid: 'c41',
      fingerprint: 'fp-ida',
    });
    expect(moved.find((m) => m.id === result.moved.get(ids[1]!))?.link).toBeUndefined();
    const left = (await stores.contact.readAll(source!.id)).map((s) => s.id);
    expect(left).toContain(ids[2]);
    expect(left).not.toContain(ids[0]);
    expect(enabled.map((e) => [e.folder.name, e.kind, e.datastore])).toEqual([
      ['CRM-Kontakte', 'contact', 'addressbook'],
    ]);
    const again = await wizard
      .run({ kind: 'contact', name: 'crm-kontakte', datastore: 'addressbook' })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'TAKEN' });
  });

  it('creates an empty To Do list for tasks', async () => {
    const { client, wizard } = await setup();
    const result = await wizard.run({ kind: 'task', name: 'CRM-Aufgaben', datastore: 'todo' });
    const lists = await listFoldersOfKind(client, 'tasks');
    expect(lists.map((l) => l.name)).toContain('CRM-Aufgaben');
    expect(result.moved.size).toBe(0);
  });
});
