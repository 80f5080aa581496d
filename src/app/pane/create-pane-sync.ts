/**
 * The task pane's composition of the sync ports (DESIGN.md §2): Graph stores over the shell's token provider,
 * the SyncML client over HTTP through the same-origin proxy, the formats' codec, checkpoints in the roaming
 * settings and item states + journal in IndexedDB. The UI gets a small service and never touches an adapter.
 */
import {
  createGraphStores,
  GraphClient,
  outlookShapes,
  type GraphClientOptions,
} from '../../adapters/graph/index.js';
import { createHttpTransport } from '../../adapters/syncml-http/index.js';
import {
  createIdbJournalStore,
  createPaneStateStore,
  openSyncDatabase,
  type SettingsPort,
} from '../../adapters/storage/index.js';
import { fingerprint } from '../../core/formats/index.js';
import type {
  FolderPairSettings,
  FolderProgress,
  GuardTrip,
  JournalRun,
  RunResult,
} from '../../core/sync/index.js';
import {
  checkConnection as checkSyncMLConnection,
  memoryNonceStore,
  runSyncSession,
  type ConnectionCheck,
} from '../../core/syncml/index.js';
import {
  formatsItemCodec,
  previewSync,
  restoreVersion,
  runSync,
  undoLastRun,
  type SyncPorts,
  type UndoResult,
} from '../sync/index.js';
import { assertConnectionUsable, type ConnectionSettings } from './connection-settings.js';
import { PaneError } from './errors.js';
import { proxyRewrite } from './proxy-url.js';
import { proxyAwareTransport } from './proxy-transport.js';
import { settlingFetch } from './settling-fetch.js';

export interface PaneSyncOptions {
  /** The shell's Graph client settings: token provider (NAA/MSAL or the sandbox's), base URL, fetch. */
  readonly graph: GraphClientOptions;
  /** The shell's settings port (roaming settings in Outlook, localStorage in a plain browser). */
  readonly settings: SettingsPort;
  /** Defaults to `globalThis.indexedDB`. */
  readonly indexedDB?: IDBFactory;
  /** The current connection settings, with the password of this session. */
  readonly connection: () => ConnectionSettings;
  /** The folder pairs switched on in the Folders screen, in sync order. */
  readonly folders: () => Promise<readonly FolderPairSettings[]>;
  /** The pane's origin (for the proxy URL); defaults to `location.origin`. */
  readonly paneOrigin?: string;
  /** fetch for the SyncML transport (tests); defaults to the global one. */
  readonly syncmlFetch?: typeof fetch;
  readonly timeZone?: string;
  readonly mailboxOwner?: { readonly email: string; readonly name?: string };
  /** Wraps the ports, e.g. with the duplicate check's first-sync links (app/sync/prelinks). */
  readonly decoratePorts?: (ports: SyncPorts) => SyncPorts;
}

export type ConfirmDeletions = (trip: GuardTrip) => Promise<'continue' | 'stop'>;

/** What the sync screens call. */
export interface PaneSyncService {
  preview(signal: AbortSignal, onProgress: (p: FolderProgress) => void): Promise<RunResult>;
  run(
    signal: AbortSignal,
    onProgress: (p: FolderProgress) => void,
    confirmDeletions: ConfirmDeletions,
  ): Promise<RunResult>;
  /** Newest first. */
  history(): Promise<readonly JournalRun[]>;
  undoLast(signal?: AbortSignal): Promise<UndoResult>;
  restore(runId: string, entryId: string, signal?: AbortSignal): Promise<void>;
  checkConnection(settings: ConnectionSettings, signal?: AbortSignal): Promise<ConnectionCheck>;
}

export async function createPaneSync(options: PaneSyncOptions): Promise<PaneSyncService> {
  const db = await openSyncDatabase(options.indexedDB ?? globalThis.indexedDB);
  const stateStore = createPaneStateStore({ db, settings: options.settings });
  const journal = createIdbJournalStore(db);
  const writes = settlingFetch(options.graph.fetch ?? ((input, init) => fetch(input, init)));
  const client = new GraphClient({ ...options.graph, fetch: writes.fetch });
  const nonceStore = memoryNonceStore();
  const origin = options.paneOrigin ?? globalThis.location.origin;

  const connectionFor = (s: ConnectionSettings) => ({
    transport: proxyAwareTransport(
      createHttpTransport({
        rewriteUrl: proxyRewrite(s.endpoint, origin),
        ...(options.syncmlFetch ? { fetch: options.syncmlFetch } : {}),
      }),
    ),
    serverUrl: s.endpoint,
    user: s.user,
    password: s.password,
    auth: s.auth,
    deviceId: s.deviceId,
    nonceStore,
  });

  const portsFor = (s: ConnectionSettings): SyncPorts => {
    const shape = {
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...(options.mailboxOwner ? { mailboxOwner: options.mailboxOwner } : {}),
    };
    const connection = connectionFor(s);
    const ports: SyncPorts = {
      outlook: createGraphStores(client, { ...shape, window: s.calendarWindow }),
      runSession: (o) => runSyncSession({ ...o, ...connection }),
      stateStore,
      journal,
      codec: formatsItemCodec,
      fingerprint,
      outlookShape: outlookShapes(shape),
      now: () => new Date().toISOString(),
      newRunId: () => `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomHex()}`,
    };
    return options.decoratePorts ? options.decoratePorts(ports) : ports;
  };

  const request = async (s: ConnectionSettings) => {
    const folders = await options.folders();
    if (folders.length === 0) throw new PaneError('NO_FOLDERS', 'no folder is switched on for sync');
    // The pane's policy setting applies to every pair.
    return { folders: folders.map((f) => ({ ...f, policy: s.policy })), guard: { maxShare: s.guardShare } };
  };

  const usable = () => {
    const s = options.connection();
    assertConnectionUsable(s);
    return s;
  };

  // One run at a time per pane, also across services (the duplicate check's first sync has its own).
  const exclusive = <T>(task: () => Promise<T>) => oneAtATime(options.settings, task);

  return {
    async preview(signal, onProgress) {
      const s = usable();
      const req = await request(s);
      return exclusive(async () => {
        await writes.settled();
        return previewSync(portsFor(s), req, { signal, onProgress });
      });
    },
    async run(signal, onProgress, confirmDeletions) {
      const s = usable();
      const req = await request(s);
      return exclusive(async () => {
        // A cancelled run's writes may still be landing; reading the folder before they did would duplicate them.
        await writes.settled();
        return runSync(portsFor(s), req, { signal, onProgress, confirmDeletions });
      });
    },
    history: () => journal.list(),
    // Undo and restore write Outlook only: they need no CRM connection.
    undoLast: (signal) =>
      exclusive(async () => {
        await writes.settled();
        return undoLastRun(portsFor(options.connection()), signal ? { signal } : {});
      }),
    restore: (runId, entryId, signal) =>
      exclusive(async () => {
        await writes.settled();
        return restoreVersion(portsFor(options.connection()), runId, entryId, signal ? { signal } : {});
      }),
    async checkConnection(s, signal) {
      assertConnectionUsable(s);
      return checkSyncMLConnection({ ...connectionFor(s), ...(signal ? { signal } : {}) });
    },
  };
}

/**
 * The tail of each pane's queue of runs, keyed by its settings port (one per pane). Two runs of one pane at once
 * would both read the same anchors and folder state and send the same changes twice; the second waits instead.
 */
const queues = new WeakMap<SettingsPort, Promise<unknown>>();

function oneAtATime<T>(pane: SettingsPort, task: () => Promise<T>): Promise<T> {
  const before = queues.get(pane) ?? Promise.resolve();
  const mine = before.then(task, task);
  queues.set(
    pane,
    mine.catch(() => undefined),
  );
  return mine;
}

function randomHex(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
