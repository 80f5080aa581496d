/** The Folders screen's use cases on the Graph emulator, with choices in an in-memory settings port. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { FolderNameError } from '../../../src/adapters/graph/folder-name.js';
import { memorySettings } from '../../../src/adapters/storage/settings-port.js';
import { createFolderService } from '../../../src/app/folders/index.js';
import { MailboxStore } from '../../../src/sandbox/graph/index.js';
import { seedDemoMailbox } from '../../../src/sandbox/demo-mailbox/index.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

function setup() {
  const client = new GraphClient({ tokenProvider: { getToken: async () => 't' }, rateLimit: false });
  const settings = memorySettings();
  return { settings, service: createFolderService(client, settings) };
}

describe('folder service', () => {
  beforeEach(() => graph.control.resetCounters());

  it('lists the three groups with counts and default choices', async () => {
    seedDemoMailbox(graph.store as MailboxStore);
    const { service } = setup();
    const groups = await service.list();
    expect(groups.contacts.length).toBeGreaterThan(0);
    expect(groups.calendars.length).toBeGreaterThan(0);
    expect(groups.taskLists.length).toBeGreaterThan(0);
    const row = groups.contacts.find((r) => r.folder.itemCount > 0);
    expect(row?.choice).toMatchObject({ enabled: false, datastore: 'addressbook', direction: 'two-way' });
  });

  it('keeps a switched folder on (settings survive a new service, like another device)', async () => {
    const { settings, service } = setup();
    const first = (await service.list()).calendars[0]!;
    await service.saveChoice({ ...first.choice, enabled: true, direction: 'crm-to-outlook' });
    const again = createFolderService(
      new GraphClient({ tokenProvider: { getToken: async () => 't' }, rateLimit: false }),
      settings,
    );
    const row = (await again.list()).calendars.find((r) => r.folder.id === first.folder.id);
    expect(row?.choice).toMatchObject({ enabled: true, direction: 'crm-to-outlook' });
  });

  it('creates a sync folder and switches sync on; a taken name is refused before any request', async () => {
    const { service } = setup();
    const row = await service.createSyncFolder('tasks', 'CRM Sync Aufgaben', []);
    expect(row.choice.enabled).toBe(true);
    expect(row.choice.datastore).toBe('todo');
    graph.control.resetCounters();
    await expect(
      service.createSyncFolder('tasks', ' crm sync aufgaben ', [{ name: 'CRM Sync Aufgaben' }]),
    ).rejects.toMatchObject({
      code: 'TAKEN',
    });
    await expect(service.createSyncFolder('contacts', '   ', [])).rejects.toBeInstanceOf(FolderNameError);
    expect(graph.control.counters.total).toBe(0);
  });
});
