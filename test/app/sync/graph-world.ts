/**
 * The Graph world for the use-case tests that run on the Graph emulator (msw) against the sandbox CRM on loopback:
 * the emulator's life cycle, the CRM servers, a Graph client, and the sync ports over the SyncML client on HTTP.
 * The Outlook store and the folder pair stay in each test file: they are what the files differ in.
 */
import { http, passthrough } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { outlookShapes, type GraphCodecOptions } from '../../../src/adapters/graph/codecs.js';
import { createHttpTransport } from '../../../src/adapters/syncml-http/index.js';
import { formatsItemCodec, type SyncPorts, type SyncRequest } from '../../../src/app/sync/index.js';
import { fingerprint, parseVCard } from '../../../src/core/formats/index.js';
import type { ItemKind, OutlookFolderId } from '../../../src/core/model/index.js';
import { createMemoryJournalStore, createMemorySyncStateStore } from '../../../src/core/sync/index.js';
import { memoryNonceStore, runSyncSession } from '../../../src/core/syncml/index.js';
import { setupGraphServer, type GraphServer } from '../../../src/sandbox/graph/node.js';
import { startCrmServer, type RunningCrmServer } from '../../../src/server/crm/http/crm-server.js';
import { fakeClock } from '../../adapters/graph/fake-clock.js';

export interface GraphEmulatorWorld {
  readonly graph: GraphServer;
  /** An empty sandbox CRM on loopback, closed after the test. */
  startCrm(): Promise<RunningCrmServer>;
}

/** Call once per test file: the Graph emulator listens for the whole file; handlers and CRM servers reset per test. */
export function useGraphEmulator(): GraphEmulatorWorld {
  const graph = setupGraphServer();
  const servers: RunningCrmServer[] = [];
  beforeAll(() => graph.listen());
  afterAll(() => graph.close());
  afterEach(async () => {
    graph.server.resetHandlers();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    graph,
    startCrm: async () => {
      const crm = await startCrmServer({ port: 0, seed: false });
      servers.push(crm);
      // The CRM is a real server on loopback: let its requests through the Graph emulator's interception.
      graph.server.use(http.all(`${crm.url}/*`, () => passthrough()));
      return crm;
    },
  };
}

/** A Graph client for the emulator: any token will do, and retries wait on a fake clock. */
export const emulatorClient = (options: { readonly maxRetries?: number } = {}): GraphClient =>
  new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    clock: fakeClock(),
    ...options,
  });

/** The sync ports for one Outlook store of `kind` against `crm`, with memory state and a ticking clock. */
export function graphSyncPorts(options: {
  readonly crm: RunningCrmServer;
  readonly outlook: SyncPorts['outlook'];
  readonly deviceId: string;
  readonly codecOptions: GraphCodecOptions;
}): SyncPorts {
  const nonceStore = memoryNonceStore();
  const transport = createHttpTransport({ timeoutMs: 20_000 });
  let tick = 0;
  return {
    outlook: options.outlook,
    runSession: (o) =>
      runSyncSession({
        ...o,
        transport,
        serverUrl: options.crm.syncUrl,
        user: 'test',
        password: 'test',
        auth: 'md5',
        deviceId: options.deviceId,
        nonceStore,
      }),
    stateStore: createMemorySyncStateStore(),
    journal: createMemoryJournalStore(),
    codec: formatsItemCodec,
    fingerprint,
    outlookShape: outlookShapes(options.codecOptions),
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newRunId: () => `run-${tick}`,
  };
}

/** One folder synced both ways with the CRM winning conflicts. */
export const twoWayRequest = (folderId: OutlookFolderId, kind: ItemKind, datastore: string): SyncRequest => ({
  folders: [{ folderId, kind, datastore, direction: 'two-way', policy: 'crm-wins' }],
});

/** The display names of the CRM's live address book records, sorted. */
export const crmContactNames = (crm: RunningCrmServer) =>
  crm.store
    .listRecords('addressbook')
    .filter((r) => !r.deleted)
    .map((r) => parseVCard(r.content))
    .flatMap((r) => (r.ok ? [r.value.displayName] : []))
    .sort();
