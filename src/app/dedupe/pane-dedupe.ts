/**
 * The task pane's composition of the duplicate check (like app/pane's createPaneSync for the sync screens):
 * Graph stores over the shell's token provider, the SyncML client through the same-origin proxy, the pane's
 * state store (so "has this folder synced?" is answered from the same data), decisions in IndexedDB.
 * `decorateSyncPorts` goes into createPaneSync's `decoratePorts`, so the pane's runs link and skip.
 */
import { GraphClient, createGraphStores, type GraphClientOptions } from '../../adapters/graph/index.js';
import { createHttpTransport } from '../../adapters/syncml-http/index.js';
import { createPaneStateStore, openSyncDatabase, type SettingsPort } from '../../adapters/storage/index.js';
import { fingerprint } from '../../core/formats/index.js';
import type { ItemKind } from '../../core/model/index.js';
import { memoryNonceStore, runSyncSession } from '../../core/syncml/index.js';
import type { ConnectionSettings } from '../pane/connection-settings.js';
import { proxyAwareTransport } from '../pane/proxy-transport.js';
import { proxyRewrite } from '../pane/proxy-url.js';
import { formatsItemCodec, type SyncPorts } from '../sync/index.js';
import { graphWizardPorts } from './graph-wizard-ports.js';
import { idbKeyValue } from './idb-key-value.js';
import type { DedupePorts } from './ports.js';
import { keyValueDecisionStore, withStoredDecisions, type KeyValuePort } from './stored-decisions.js';
import type { CreatedFolder, SyncFolderWizardPorts } from './wizard.js';

export interface PaneDedupeOptions {
  readonly graph: GraphClientOptions;
  readonly settings: SettingsPort;
  /** Defaults to `globalThis.indexedDB`. */
  readonly indexedDB?: IDBFactory;
  readonly connection: () => ConnectionSettings;
  /** Where decisions live; defaults to an IndexedDB database of their own. */
  readonly decisionsStorage?: KeyValuePort;
  readonly paneOrigin?: string;
  readonly syncmlFetch?: typeof fetch;
  readonly timeZone?: string;
}

export interface PaneDedupe {
  /** For checkDuplicates / applyReview (and the DuplicateCheckScreen's `ports`). */
  readonly ports: DedupePorts;
  /** For createPaneSync({ decoratePorts }): every run applies the stored links and skips. */
  readonly decorateSyncPorts: (ports: SyncPorts) => SyncPorts;
  /** For createSyncFolderWizard; `enableSync` is the Folders screen's switch. */
  wizardPorts(
    enableSync: (folder: CreatedFolder, kind: ItemKind, datastore: string) => Promise<void>,
  ): SyncFolderWizardPorts;
}

export async function createPaneDedupe(options: PaneDedupeOptions): Promise<PaneDedupe> {
  const db = await openSyncDatabase(options.indexedDB ?? globalThis.indexedDB);
  const stateStore = createPaneStateStore({ db, settings: options.settings });
  const decisions = keyValueDecisionStore(options.decisionsStorage ?? idbKeyValue(options.indexedDB));
  const client = new GraphClient(options.graph);
  const shape = options.timeZone ? { timeZone: options.timeZone } : {};
  const origin = options.paneOrigin ?? globalThis.location.origin;
  const nonceStore = memoryNonceStore();
  const ports: DedupePorts = {
    outlook: createGraphStores(client, shape),
    runSession: (o) => {
      const s = options.connection();
      const transport = proxyAwareTransport(
        createHttpTransport({
          rewriteUrl: proxyRewrite(s.endpoint, origin),
          ...(options.syncmlFetch ? { fetch: options.syncmlFetch } : {}),
        }),
      );
      return runSyncSession({
        ...o,
        transport,
        serverUrl: s.endpoint,
        user: s.user,
        password: s.password,
        auth: s.auth,
        deviceId: s.deviceId,
        nonceStore,
      });
    },
    codec: formatsItemCodec,
    fingerprint,
    stateStore,
    decisions,
  };
  return {
    ports,
    decorateSyncPorts: (p) => withStoredDecisions(p, decisions),
    wizardPorts: (enableSync) => graphWizardPorts(client, enableSync, shape),
  };
}

/**
 * The decorator for every sync run of the pane (createPaneSync's `decoratePorts`): stored links and skips from
 * the default IndexedDB decisions database. Synchronous, so the sync screens can pass it without waiting.
 */
export function paneDecisionsDecorator(indexedDB?: IDBFactory): (ports: SyncPorts) => SyncPorts {
  const decisions = keyValueDecisionStore(idbKeyValue(indexedDB));
  return (ports) => withStoredDecisions(ports, decisions);
}
