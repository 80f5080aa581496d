/** Shared pieces for session tests: a runSyncSession call against the fake server, and error codes. */
import {
  memoryNonceStore,
  runSyncSession,
  SyncMLError,
  type ClientChange,
  type RunSyncSessionOptions,
  type ServerChange,
  type SyncDatastore,
} from '../../../../src/core/syncml/index.js';
import { FakeServer, type FakeServerOptions } from './fake-server.js';

export function card(name: string, extra = ''): string {
  return `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${name};;;;\r\nFN:${name}\r\n${extra}END:VCARD\r\n`;
}

export function contactsStore(
  changes: readonly ClientChange[],
  over: Partial<SyncDatastore> = {},
): SyncDatastore {
  return {
    localUri: './contacts',
    remoteUri: 'addressbook',
    contentType: 'text/vcard',
    mode: 'two-way',
    lastAnchor: 'a1',
    nextAnchor: 'a2',
    changes,
    ...over,
  };
}

export interface SessionRun {
  readonly server: FakeServer;
  readonly hookCalls: { store: string; changes: readonly ServerChange[]; requestsBefore: number }[];
  readonly options: RunSyncSessionOptions;
}

/** Options for a session against `server`; the hook applies every change (Adds get LUID n-<guid>). */
export function sessionAgainst(
  serverOptions: FakeServerOptions,
  over: Partial<RunSyncSessionOptions> = {},
): SessionRun {
  const server = new FakeServer(serverOptions);
  const hookCalls: SessionRun['hookCalls'] = [];
  const options: RunSyncSessionOptions = {
    transport: server.transport(),
    serverUrl: 'http://fake/sync',
    user: 'test',
    password: 'test',
    auth: 'basic',
    deviceId: 'dev-1',
    nonceStore: memoryNonceStore(),
    datastores: [contactsStore([])],
    sessionId: '42',
    onServerChanges: async (store, changes) => {
      hookCalls.push({ store: store.localUri, changes, requestsBefore: server.requests.length });
      return {
        outcomes: changes.map((c) =>
          c.op === 'add' ? { status: 201, luid: `n-${c.guid}` } : { status: 200 },
        ),
      };
    },
    ...over,
  };
  return { server, hookCalls, options };
}

export async function errorCodeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'NO_ERROR';
  } catch (e) {
    if (e instanceof SyncMLError) return e.code;
    throw e;
  }
}

export { runSyncSession };
