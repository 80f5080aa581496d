/**
 * The sandbox CRM servers a test file starts: each on a free loopback port, all closed after each test, so no
 * test sees another's records or sessions.
 */
import { afterEach } from 'vitest';
import {
  startCrmServer,
  type CrmServerOptions,
  type RunningCrmServer,
} from '../../../src/server/crm/http/crm-server.js';
import { itemCmd, ScriptedClient } from './scripted-client.js';
import { syncOnce, type SessionResult, type SyncOnceOptions } from './sync-once.js';

type SyncItemCommandInput = NonNullable<SyncOnceOptions['changes']>[number];

/** Call once per test file; `defaults` are the file's server options, a test's own options add to them. */
export function useCrmServers(defaults: CrmServerOptions = {}) {
  const servers: RunningCrmServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const start = async (options: CrmServerOptions = {}): Promise<RunningCrmServer> => {
    const server = await startCrmServer({ port: 0, ...defaults, ...options });
    servers.push(server);
    return server;
  };
  return {
    start,
    /** A server and a scripted SyncML device for it (`deviceId` defaults to the client's own). */
    withClient: async (options: CrmServerOptions = {}, deviceId?: string) => {
      const server = await start(options);
      return { server, client: new ScriptedClient(server.syncUrl, deviceId) };
    },
  };
}

/** What a CRM user does on the page to the record between the device's two syncs. */
export type CrmChange = { readonly edit: string } | 'delete';

/**
 * A two-way conflict on one record: the device adds `deviceCard` as LUID `x1` in a first slow sync (anchor A1), a
 * CRM user then edits or deletes that record, and the device's next two-way sync (A1 to A2) sends `deviceChange`.
 * Returns the record's GUID and what that second session brought.
 */
export async function conflictOnX1(
  server: RunningCrmServer,
  client: ScriptedClient,
  scene: {
    readonly deviceCard: string;
    readonly crm: CrmChange;
    readonly deviceChange: SyncItemCommandInput;
  },
): Promise<{ readonly guid: string; readonly result: SessionResult }> {
  await syncOnce(client, {
    datastore: 'addressbook',
    code: 201,
    next: 'A1',
    changes: [itemCmd('Add', 'x1', scene.deviceCard)],
  });
  const guid = server.store.guidForLuid(client.deviceId, 'addressbook', 'x1')!;
  if (scene.crm === 'delete') server.store.deleteRecord('addressbook', guid, 'web');
  else server.store.updateRecord('addressbook', guid, scene.crm.edit, 'text/vcard', 'web');
  const result = await syncOnce(client, {
    datastore: 'addressbook',
    code: 200,
    last: 'A1',
    next: 'A2',
    changes: [scene.deviceChange],
  });
  return { guid, result };
}
