/**
 * The SyncML servers every interop scenario runs against (issue 5: one suite, parameterised by
 * server). Each entry starts (or attaches to) a server and gives scenarios what they need:
 * URL, credentials, device ids, and a way to read and edit the server's items directly.
 */
import { inject } from 'vitest';
import { startCrmServer } from '../../src/server/crm/http/crm-server.js';
import { crmItemStore } from './support/crm-item-store.js';
import { fileItemStore } from './support/file-item-store.js';
import { INTEROP_DEVICE_IDS } from './support/syncevolution-info.js';

export type DatastoreKind = 'contacts' | 'events' | 'tasks';

/** Direct access to the server's items, for setting up and checking scenarios. */
export interface ServerItemStore {
  list(remoteUri: string): Promise<readonly { readonly id: string; readonly data: string }[]>;
  /** Creates or overwrites; must be seen as a change by the server's next session. */
  write(remoteUri: string, id: string, data: string): Promise<void>;
  remove(remoteUri: string, id: string): Promise<void>;
  clear(remoteUri: string): Promise<void>;
}

export interface ServerHandle {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly deviceIds: readonly string[];
  readonly dataDir?: string;
  /** Datastore URIs on this server per kind. */
  readonly remoteUris: Readonly<Record<DatastoreKind, string>>;
  readonly items: ServerItemStore;
  stop(): Promise<void>;
}

export interface InteropServer {
  readonly name: string;
  start(): Promise<ServerHandle>;
}

export const SERVERS: readonly InteropServer[] = [
  {
    name: 'SyncEvolution',
    // Started once by global-setup.ts (one server, serial sessions); stop is global teardown's job.
    async start() {
      const info = inject('syncevolution');
      return {
        ...info,
        remoteUris: { contacts: 'addressbook', events: 'calendar', tasks: 'todo' },
        items: fileItemStore(`${info.dataDir}/data`),
        stop: async () => undefined,
      };
    },
  },
  {
    name: 'sandbox CRM',
    // Our own server (src/server/crm), in this process, in memory, empty: one per test file.
    async start() {
      const crm = await startCrmServer({ port: 0, seed: false, users: { test: 'test' } });
      return {
        url: crm.syncUrl,
        user: 'test',
        password: 'test',
        deviceIds: [...INTEROP_DEVICE_IDS],
        remoteUris: { contacts: 'addressbook', events: 'calendar', tasks: 'todo' },
        items: crmItemStore(crm.store),
        stop: () => crm.close(),
      };
    },
  },
];
