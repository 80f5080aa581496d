/**
 * One fault scenario's world: the Graph emulator as the mailbox (msw, unhandled requests are errors) with the
 * Graph-backed Outlook store of one kind, the sync use cases wired over a real SyncML server from servers.ts
 * (SyncEvolution's or the sandbox CRM), and a transport that a test can swap for one that cuts the connection.
 */
import { http, passthrough } from 'msw';
import { expect } from 'vitest';
import { GraphClient } from '../../../../src/adapters/graph/client.js';
import { graphCodecs, outlookShapes } from '../../../../src/adapters/graph/codecs.js';
import { GraphContactStore } from '../../../../src/adapters/graph/contact-store.js';
import { createFolder } from '../../../../src/adapters/graph/folders.js';
import { GraphTaskStore } from '../../../../src/adapters/graph/task-store.js';
import { createHttpTransport } from '../../../../src/adapters/syncml-http/index.js';
import {
  formatsItemCodec,
  runSync,
  type RunOptions,
  type SyncPorts,
  type SyncRequest,
} from '../../../../src/app/sync/index.js';
import { fingerprint } from '../../../../src/core/formats/index.js';
import type { Contact, ItemKind, OutlookFolderId, SyncItem, Task } from '../../../../src/core/model/index.js';
import {
  createMemoryJournalStore,
  createMemorySyncStateStore,
  type ConflictPolicyName,
  type OutlookStore,
} from '../../../../src/core/sync/index.js';
import { memoryNonceStore, runSyncSession, type SyncMLTransport } from '../../../../src/core/syncml/index.js';
import type { GraphServer } from '../../../../src/sandbox/graph/node.js';
import { fakeClock } from '../../../adapters/graph/fake-clock.js';
import type { ServerHandle } from '../../servers.js';
import { expectedDetail, fieldsOf, makeItem } from '../../support/items.js';
import { fileName, serverItems } from '../../support/scenario.js';

/** The two kinds every fault runs for: contacts, and To Do tasks (the datastore kinds of servers.ts). */
export type FaultKind = 'contacts' | 'tasks';
export const FAULT_KINDS: readonly FaultKind[] = ['contacts', 'tasks'];

const ITEM_KIND: Readonly<Record<FaultKind, ItemKind>> = { contacts: 'contact', tasks: 'task' };
const GRAPH_FOLDER_KIND = { contacts: 'contacts', tasks: 'tasks' } as const;
const OWNER = { email: 'sandbox.user@example.com', name: 'Sandbox User' };
const CODEC_OPTIONS = { timeZone: 'Europe/Berlin', mailboxOwner: OWNER };

/** An item as both sides are compared: its key field and one detail field (fields, not bytes). */
export interface KeyedItem {
  readonly key: string;
  readonly detail: string;
}

/** Task texts: the words, whatever line breaks or spaces a side put between them. */
const words = (text: string) => text.trim().split(/\s+/).join(' ');

/** The server's detail field: the phone for contacts, the whole DESCRIPTION (unescaped) for tasks. */
function serverDetail(kind: FaultKind, data: string): string {
  const fields = fieldsOf(data);
  if (kind === 'contacts') return normalDetail(kind, fields.get('TEL')?.[0] ?? '');
  return words((fields.get('DESCRIPTION')?.[0] ?? '').replace(/\\n/gi, ' ').replace(/\\([,;\\])/g, '$1'));
}

/** Phone numbers travel with their spaces rearranged; compare digits and '+' only. */
const normalDetail = (kind: FaultKind, detail: string) =>
  kind === 'contacts' ? detail.replace(/[^+\d]/g, '') : detail;

function keyedOutlookItem(item: SyncItem): KeyedItem {
  if (item.kind === 'contact') {
    const c = item as Contact;
    return { key: c.displayName ?? '', detail: normalDetail('contacts', c.phones[0]?.number ?? '') };
  }
  const t = item as Task;
  return { key: t.title, detail: words(t.body ?? '') };
}

let folderSerial = 0;

export interface WorldOptions {
  readonly graph: GraphServer;
  readonly server: ServerHandle;
  readonly kind: FaultKind;
  readonly deviceId: string;
  readonly policy?: ConflictPolicyName;
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** The use cases' ports over one Outlook store and the server; the transport is looked up per session. */
function syncPorts(
  server: ServerHandle,
  deviceId: string,
  store: OutlookStore,
  connection: { readonly transport: SyncMLTransport },
): SyncPorts {
  const nonceStore = memoryNonceStore();
  let tick = 0;
  let runs = 0;
  return {
    outlook: { [store.kind]: store },
    runSession: (o) =>
      runSyncSession({
        ...o,
        transport: connection.transport,
        serverUrl: server.url,
        user: server.user,
        password: server.password,
        auth: 'md5',
        deviceId,
        nonceStore,
      }),
    stateStore: createMemorySyncStateStore(),
    journal: createMemoryJournalStore(),
    codec: formatsItemCodec,
    fingerprint,
    outlookShape: outlookShapes(CODEC_OPTIONS),
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newRunId: () => `run-${++runs}`,
  };
}

export async function createWorld(options: WorldOptions) {
  const { graph, server, kind, deviceId } = options;
  // The SyncML server is a real one on loopback: let its requests through the Graph emulator's interception.
  graph.server.use(http.all(`${new URL(server.url).origin}/*`, () => passthrough()));
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    clock: fakeClock(),
    maxRetries: 12,
  });
  const folderId: OutlookFolderId = (
    await createFolder(client, GRAPH_FOLDER_KIND[kind], `Faults ${kind} ${++folderSerial}`)
  ).id;
  const codecs = graphCodecs(CODEC_OPTIONS);
  const store: OutlookStore =
    kind === 'contacts'
      ? new GraphContactStore(client, codecs.contact)
      : new GraphTaskStore(client, codecs.task);
  const plainTransport = createHttpTransport({ timeoutMs: 60_000 });
  const connection = { transport: plainTransport as SyncMLTransport };
  const ports = syncPorts(server, deviceId, store, connection);
  const remoteUri = server.remoteUris[kind];
  const pair = {
    folderId,
    kind: ITEM_KIND[kind],
    datastore: remoteUri,
    direction: 'two-way' as const,
    policy: options.policy ?? ('crm-wins' as const),
  };
  const request: SyncRequest = { folders: [pair] };
  const outlookItems = async () =>
    (await store.readAll(folderId)).map((s) => ({ id: s.id, ...keyedOutlookItem(s.item) }));

  return {
    kind,
    server,
    graph,
    client,
    folderId,
    store,
    ports,
    request,
    /** The plain HTTP transport; tests swap `connection.transport` for a cutting one and back. */
    httpTransport: plainTransport,
    connection,
    sync: (runOptions: RunOptions = {}, req: SyncRequest = request) => runSync(ports, req, runOptions),
    outlookItems,
    serverEntries: async (): Promise<KeyedItem[]> =>
      (await serverItems(server, kind)).map((i) => ({ key: i.key, detail: serverDetail(kind, i.data) })),
    /** Creates or overwrites an item "in the CRM" (as a person on its page, or a file for SyncEvolution). */
    writeOnServer: (key: string, detail = 'v1', id = fileName(kind, key)) =>
      server.items.write(remoteUri, id, makeItem(kind, key, detail)),
    serverIdOf: async (key: string) => {
      const hit = (await serverItems(server, kind)).find((i) => i.key === key);
      if (!hit) throw new Error(`the server has no ${key}`);
      return hit.id;
    },
    /** The user creates an item in Outlook (no CRM link). */
    createInOutlook: (key: string, detail = 'v1') => createOutlookItem(client, kind, folderId, key, detail),
    /** The user edits an item in Outlook. */
    editInOutlook: async (key: string, detail: string) => {
      const hit = (await outlookItems()).find((i) => i.key === key);
      if (!hit) throw new Error(`Outlook has no ${key}`);
      await client.request('PATCH', itemPath(kind, folderId, hit.id), {
        body: outlookBody(kind, key, detail),
      });
    },
    /** Expected detail as read back from either side. */
    detail: (detail: string) => normalDetail(kind, expectedDetail(kind, detail)),
  };
}

function itemPath(kind: FaultKind, folderId: string, id?: string): string {
  const base =
    kind === 'contacts' ? `/me/contactFolders/${folderId}/contacts` : `/me/todo/lists/${folderId}/tasks`;
  return id === undefined ? base : `${base}/${id}`;
}

function outlookBody(kind: FaultKind, key: string, detail: string): Record<string, unknown> {
  if (kind === 'contacts') {
    const [given, family] = key.split(' ');
    return {
      givenName: given,
      surname: family ?? '',
      displayName: key,
      businessPhones: [expectedDetail('contacts', detail)],
    };
  }
  return { title: key, body: { content: detail, contentType: 'text' } };
}

async function createOutlookItem(
  client: GraphClient,
  kind: FaultKind,
  folderId: string,
  key: string,
  detail: string,
): Promise<void> {
  await client.request('POST', itemPath(kind, folderId), { body: outlookBody(kind, key, detail) });
}

/** Both sides hold exactly `keys`, each once, with the expected details where given. */
export async function expectConverged(
  world: World,
  keys: readonly string[],
  details: Readonly<Record<string, string>> = {},
): Promise<void> {
  const onServer = await world.serverEntries();
  const inOutlook = await world.outlookItems();
  const sorted = [...keys].sort();
  expect(onServer.map((i) => i.key).sort()).toEqual(sorted);
  expect(inOutlook.map((i) => i.key).sort()).toEqual(sorted);
  for (const [key, detail] of Object.entries(details)) {
    expect(onServer.find((i) => i.key === key)?.detail).toBe(world.detail(detail));
    expect(inOutlook.find((i) => i.key === key)?.detail).toBe(world.detail(detail));
  }
}
