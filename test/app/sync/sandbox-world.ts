/**
 * The sandbox world for the use-case tests: the SyncML client over HTTP, the formats, the sandbox CRM on
 * loopback, and an in-memory Outlook that keeps only what Graph can hold.
 */
import { afterEach } from 'vitest';
import { createHttpTransport } from '../../../src/adapters/syncml-http/index.js';
import { runSync, type ItemCodec, type SyncPorts } from '../../../src/app/sync/index.js';
import {
  contactFromGraph,
  contactToGraph,
  fingerprint,
  parseVCard,
  serializeVCard,
} from '../../../src/core/formats/index.js';
import { emptyContact, outlookFolderId, type Contact, type SyncItem } from '../../../src/core/model/index.js';
import {
  createMemoryJournalStore,
  createMemorySyncStateStore,
  type ConflictPolicyName,
} from '../../../src/core/sync/index.js';
import { memoryNonceStore, runSyncSession, type SyncMLTransport } from '../../../src/core/syncml/index.js';
import { shapedMemoryOutlook } from '../../support/shaped-outlook.js';
import { startCrmServer, type RunningCrmServer } from '../../../src/server/crm/http/crm-server.js';

const servers: RunningCrmServer[] = [];
/** Call once per test file: closes the servers each test started. */
export function closeServersAfterEach(): void {
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
}

/** What Outlook keeps of a contact: the Graph mapping both ways. */
export const graphShape = (item: SyncItem): SyncItem => {
  if (item.kind !== 'contact') return item;
  const back = contactFromGraph(contactToGraph(item).value);
  return back.ok ? back.value : item;
};

const vcardCodec: ItemCodec = {
  encode: (item) => serializeVCard(item as Contact, '2.1').text,
  decode: (data) => parseVCard(data),
};

export const person = (given: string, family: string, extra: Partial<Contact> = {}): Contact => ({
  ...emptyContact(),
  name: { given, family },
  displayName: `${given} ${family}`,
  emails: [{ kind: 'work', address: `${given.toLowerCase()}@example.com` }],
  ...extra,
});

export async function createSandboxWorld(options: { readonly policy?: ConflictPolicyName } = {}) {
  const server = await startCrmServer({ port: 0, seed: false });
  servers.push(server);
  const folder = outlookFolderId('contacts');
  const { memory, outlook } = shapedMemoryOutlook('contact', graphShape);
  const nonceStore = memoryNonceStore();
  const httpTransport = createHttpTransport({ timeoutMs: 20_000 });
  /** Looked up per session: a test swaps in a transport that cuts the connection, and back. */
  const connection: { transport: SyncMLTransport } = { transport: httpTransport };
  let tick = 0;
  const ports: SyncPorts = {
    outlook: { contact: outlook },
    runSession: (o) =>
      runSyncSession({
        ...o,
        transport: connection.transport,
        serverUrl: server.syncUrl,
        user: 'test',
        password: 'test',
        auth: 'md5',
        deviceId: 'outlook-addin-test',
        nonceStore,
      }),
    stateStore: createMemorySyncStateStore(),
    journal: createMemoryJournalStore(),
    codec: vcardCodec,
    fingerprint,
    outlookShape: { contact: graphShape },
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newRunId: () => `run-${tick}`,
  };
  const request = {
    folders: [
      {
        folderId: folder,
        kind: 'contact' as const,
        datastore: 'addressbook',
        direction: 'two-way' as const,
        policy: options.policy ?? ('crm-wins' as const),
      },
    ],
  };
  const crmCreate = (c: Contact) =>
    server.store.createRecord('addressbook', serializeVCard(c, '3.0').text, 'text/vcard', 'web').guid;
  /** A CRM user edits a record on its page. */
  const crmUpdate = (guid: string, c: Contact) =>
    server.store.updateRecord('addressbook', guid, serializeVCard(c, '3.0').text, 'text/vcard', 'web');
  const crmContacts = () =>
    server.store
      .listRecords('addressbook')
      .filter((r) => !r.deleted)
      .map((r) => parseVCard(r.content))
      .flatMap((r) => (r.ok ? [r.value] : []));
  return {
    server,
    folder,
    memory,
    ports,
    httpTransport,
    connection,
    sync: (options: Parameters<typeof runSync>[2] = {}) => runSync(ports, request, options),
    crmCreate,
    crmUpdate,
    crmContacts,
    crmNames: () =>
      crmContacts()
        .map((c) => c.displayName)
        .sort(),
    outlookNames: () =>
      memory
        .snapshot(folder)
        .map((s) => (s.item as Contact).displayName)
        .sort(),
  };
}
