/**
 * The two sessions a format round trip needs, on our SyncML client (runSyncSession): one that
 * pushes items into emptied server datastores (refresh from client), and one from a device the
 * server has never seen that pulls everything back (refresh from server). The content type per
 * datastore decides the dialect both ways (2.1/1.0 or 3.0/2.0).
 */
import { createHttpTransport } from '../../../../src/adapters/syncml-http/index.js';
import {
  memoryNonceStore,
  runSyncSession,
  type ClientChange,
  type ItemContentType,
  type ServerChangeOutcome,
  type SyncMode,
} from '../../../../src/core/syncml/index.js';
import type { DatastoreKind, ServerHandle } from '../../servers.js';

export type Dialect = 'versit' | 'rfc';

const CONTENT_TYPES: Readonly<Record<Dialect, Readonly<Record<DatastoreKind, ItemContentType>>>> = {
  versit: { contacts: 'text/x-vcard', events: 'text/x-vcalendar', tasks: 'text/x-vcalendar' },
  rfc: { contacts: 'text/vcard', events: 'text/calendar', tasks: 'text/calendar' },
};

const LOCAL_URIS: Readonly<Record<DatastoreKind, string>> = {
  contacts: './contacts',
  events: './calendar',
  tasks: './tasks',
};

export type ItemsByKind = Readonly<Record<DatastoreKind, readonly string[]>>;

const KINDS: readonly DatastoreKind[] = ['contacts', 'events', 'tasks'];
let anchorCounter = 0;

async function runSession(
  server: ServerHandle,
  deviceId: string,
  dialect: Dialect,
  mode: SyncMode,
  items: ItemsByKind,
): Promise<Record<DatastoreKind, string[]>> {
  const received: Record<DatastoreKind, string[]> = { contacts: [], events: [], tasks: [] };
  let luid = 0;
  const result = await runSyncSession({
    transport: createHttpTransport({ timeoutMs: 60_000 }),
    serverUrl: server.url,
    user: server.user,
    password: server.password,
    auth: 'md5',
    deviceId,
    nonceStore: memoryNonceStore(),
    datastores: KINDS.map((kind) => ({
      localUri: LOCAL_URIS[kind],
      remoteUri: server.remoteUris[kind],
      contentType: CONTENT_TYPES[dialect][kind],
      mode,
      nextAnchor: `fmt-${Date.now()}-${++anchorCounter}`,
      changes: items[kind].map((data, i): ClientChange => ({ op: 'add', luid: `${kind}-${i}`, data })),
    })),
    onServerChanges: async (store, changes) => {
      const kind = KINDS.find((k) => LOCAL_URIS[k] === store.localUri)!;
      const outcomes = changes.map((c): ServerChangeOutcome => {
        if (c.op !== 'add' || c.data === undefined) return { status: 200 };
        received[kind].push(c.data);
        return { status: 201, luid: `got-${++luid}` };
      });
      return { outcomes };
    },
  });
  for (const ds of result.datastores) {
    const failed = ds.ourChanges.filter((c) => !c.ok);
    if (failed.length > 0)
      throw new Error(`server refused ${failed.length} item(s) of ${ds.localUri}: ${JSON.stringify(failed)}`);
  }
  return received;
}

/** Replaces the server's contacts, calendar and todo datastores with `items`, written in `dialect`. */
export async function pushAll(
  server: ServerHandle,
  deviceId: string,
  dialect: Dialect,
  items: ItemsByKind,
): Promise<void> {
  for (const kind of KINDS) await server.items.clear(server.remoteUris[kind]);
  await runSession(server, deviceId, dialect, 'refresh-from-client', items);
}

/** Everything the server holds, as it sends it to a new device that asked for `dialect`. */
export async function pullAll(
  server: ServerHandle,
  deviceId: string,
  dialect: Dialect,
): Promise<Record<DatastoreKind, string[]>> {
  return runSession(server, deviceId, dialect, 'refresh-from-server', {
    contacts: [],
    events: [],
    tasks: [],
  });
}
