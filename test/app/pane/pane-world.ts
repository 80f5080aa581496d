/**
 * A pane's world in node: the Graph emulator in process (no msw), the sandbox CRM on loopback behind the
 * add-in host's real same-origin SyncML proxy, IndexedDB from fake-indexeddb, roaming settings in memory.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { createFolder, GraphClient } from '../../../src/adapters/graph/index.js';
import { memorySettings, type SettingsPort } from '../../../src/adapters/storage/index.js';
import {
  createPaneSync,
  defaultConnection,
  type ConnectionSettings,
  type PaneSyncOptions,
} from '../../../src/app/pane/index.js';
import { emulatorFetch } from '../../../src/cli/emulator-fetch.js';
import { outlookFolderId, type OutlookFolderId } from '../../../src/core/model/index.js';
import type { FolderPairSettings } from '../../../src/core/sync/index.js';
import { GraphEmulatorControl } from '../../../src/sandbox/graph/control.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { startCrmServer } from '../../../src/server/crm/http/crm-server.js';
import { startHostServer } from '../../../src/server/host/host-server.js';

export const PASSWORD = 'S3cret-Passw0rd!';
const closers: (() => Promise<void>)[] = [];

export function closeWorldsAfterEach(): void {
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
}

export async function createPaneWorld() {
  const crm = await startCrmServer({ port: 0, seed: false, users: { anna: PASSWORD } });
  const host = await startHostServer({
    crmSyncUrl: new URL(crm.syncUrl),
    host: '127.0.0.1',
    port: 0,
    tls: undefined,
    allowedOrigins: [],
    distDir: 'dist',
    maxBytes: 2 * 1024 * 1024,
    timeoutMs: 20_000,
  });
  closers.push(
    () => host.close(),
    () => crm.close(),
  );
  const mailbox = new MailboxStore();
  const control = new GraphEmulatorControl();
  const graph = {
    tokenProvider: { getToken: async () => 'sandbox-token' },
    fetch: emulatorFetch(mailbox, control),
  };
  const client = new GraphClient(graph);
  const contacts = outlookFolderId((await createFolder(client, 'contacts', 'Kunden')).id);
  let connection: ConnectionSettings = {
    ...defaultConnection({}, 'pane-test-device'),
    endpoint: crm.syncUrl,
    user: 'anna',
    password: PASSWORD,
  };
  const pairs: FolderPairSettings[] = [
    {
      folderId: contacts,
      kind: 'contact',
      datastore: 'addressbook',
      direction: 'two-way',
      policy: 'crm-wins',
    },
  ];

  /** A pane on this mailbox; a fresh IndexedDB and/or fresh settings stand for a second device or a reinstall. */
  const openPane = (
    devices: { settings?: SettingsPort; indexedDB?: IDBFactory } = {},
    extra: Partial<PaneSyncOptions> = {},
  ) =>
    createPaneSync({
      graph,
      settings: devices.settings ?? memorySettings(),
      indexedDB: devices.indexedDB ?? new IDBFactory(),
      connection: () => connection,
      folders: async () => pairs,
      paneOrigin: host.url,
      timeZone: 'Europe/Berlin',
      ...extra,
    });

  const addContact = (folder: OutlookFolderId, given: string, surname: string) =>
    client.request('POST', `/me/contactFolders/${folder}/contacts`, {
      body: { givenName: given, surname, emailAddresses: [{ address: `${given.toLowerCase()}@example.de` }] },
    });
  const outlookNames = async (folder: OutlookFolderId) =>
    (await client.getAll<{ givenName?: string }>(`/me/contactFolders/${folder}/contacts`)).items
      .map((c) => c.givenName ?? '')
      .sort();

  return {
    crm,
    host,
    graph,
    mailbox,
    control,
    client,
    contacts,
    pairs,
    openPane,
    addContact,
    outlookNames,
    setConnection: (patch: Partial<ConnectionSettings>) => (connection = { ...connection, ...patch }),
    crmCount: (datastore = 'addressbook') => crm.store.listRecords(datastore as never).length,
  };
}
