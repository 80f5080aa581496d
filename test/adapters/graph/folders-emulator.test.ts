/** Folder operations against the Graph emulator (the mailbox the pane runs on without Office). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { createFolder, listFolders } from '../../../src/adapters/graph/folders.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { fakeClock } from './fake-clock.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

function setup() {
  graph.control.resetCounters();
  return new GraphClient({ tokenProvider: { getToken: async () => 'sandbox-token' }, clock: fakeClock() });
}

describe('folders on the Graph emulator', () => {
  it('creates one folder of each kind, then lists them with their item counts', async () => {
    const client = setup();
    const contacts = await createFolder(client, 'contacts', 'CRM Sync');
    const calendar = await createFolder(client, 'calendar', 'CRM Sync');
    const tasks = await createFolder(client, 'tasks', 'CRM Sync');
    graph.store.createItem('contact', contacts.id, { displayName: 'Jürgen Weiß' });
    graph.store.createItem('contact', contacts.id, { displayName: 'Zoë Çelik' });
    graph.store.createItem('task', tasks.id, { title: 'Exposé' });

    const listing = await listFolders(client);
    expect(listing.contacts).toContainEqual({
      id: contacts.id,
      kind: 'contacts',
      name: 'CRM Sync',
      itemCount: 2,
      isDefault: false,
    });
    expect(listing.calendars).toContainEqual({
      id: calendar.id,
      kind: 'calendar',
      name: 'CRM Sync',
      itemCount: 0,
      isDefault: false,
    });
    expect(listing.taskLists).toContainEqual({
      id: tasks.id,
      kind: 'tasks',
      name: 'CRM Sync',
      itemCount: 1,
      isDefault: false,
    });
    for (const group of [listing.contacts, listing.calendars, listing.taskLists]) {
      expect(group.filter((f) => f.isDefault)).toHaveLength(1);
    }
  });

  it('refuses a taken name without a create request', async () => {
    const client = setup();
    await createFolder(client, 'contacts', 'Makler');
    graph.control.resetCounters();
    await expect(createFolder(client, 'contacts', ' MAKLER ')).rejects.toMatchObject({ code: 'TAKEN' });
    expect(Object.keys(graph.control.counters.byEndpoint).filter((e) => e.startsWith('POST'))).toEqual([]);
  });
});
