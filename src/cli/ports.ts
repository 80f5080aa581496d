/** The sync use cases' ports for a CLI run: Graph stores of the workspace, the SyncML client over HTTP, formats. */
import { randomBytes } from 'node:crypto';
import { createGraphStores, outlookShapes } from '../adapters/graph/index.js';
import { createHttpTransport } from '../adapters/syncml-http/index.js';
import { formatsItemCodec, type SyncPorts } from '../app/sync/index.js';
import { fingerprint } from '../core/formats/index.js';
import { memoryNonceStore, runSyncSession, SyncMLError, type AuthScheme } from '../core/syncml/index.js';
import { settingsJournalStore, settingsStateStore } from './settings.js';
import type { Workspace } from './workspace.js';

export interface CrmConnection {
  readonly url: string;
  readonly user: string;
  /** Kept out of every message, log line and URL. */
  readonly password: string;
  readonly deviceId: string;
  readonly auth: AuthScheme;
}

export function crmSession(connection: CrmConnection) {
  const transport = createHttpTransport({ timeoutMs: 60_000 });
  const nonceStore = memoryNonceStore();
  return {
    transport,
    serverUrl: connection.url,
    user: connection.user,
    password: connection.password,
    auth: connection.auth,
    deviceId: connection.deviceId,
    nonceStore,
  };
}

/** Ports for a run; without a connection (undo) any session attempt fails. */
export function buildSyncPorts(workspace: Workspace, connection?: CrmConnection): SyncPorts {
  const shapeOptions = {
    timeZone: workspace.timeZone,
    ...(workspace.owner ? { mailboxOwner: workspace.owner } : {}),
  };
  const session = connection && crmSession(connection);
  return {
    outlook: createGraphStores(workspace.client, shapeOptions),
    runSession: (options) =>
      session
        ? runSyncSession({ ...options, ...session })
        : Promise.reject(new SyncMLError('BAD_CONFIG', 'no CRM connection for this command')),
    stateStore: settingsStateStore(workspace.settings),
    journal: settingsJournalStore(workspace.settings),
    codec: formatsItemCodec,
    fingerprint,
    outlookShape: outlookShapes(shapeOptions),
    now: () => new Date().toISOString(),
    // Sortable and unique across processes: time of day to the second, then random.
    newRunId: () =>
      `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`,
  };
}
