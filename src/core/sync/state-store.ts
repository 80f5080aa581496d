/**
 * The sync-state port (CONVENTIONS.md rule 2 and 4). Implementations: in-memory (tests, CLI dry runs) and the
 * mailbox-settings adapter. One writer per store serialises commits and refuses any commit after a cancel,
 * so a checkpoint can only advance at the end of a run whose data is durable.
 */
import type { OutlookFolderId } from '../model/index.js';
import type { AbortSignalLike } from './outlook-store.js';
import { SyncError } from './errors.js';
import type { FolderSyncState } from './state.js';

export interface SyncStateStore {
  /** The folder's last committed state, or undefined if it never synced. */
  load(folderId: OutlookFolderId): Promise<FolderSyncState | undefined>;
  /** Replaces the folder's state as a whole: all or nothing. */
  save(state: FolderSyncState): Promise<void>;
}

export interface CheckpointWriter {
  /** Commits a folder's state after its data is durable. Rejects with COMMIT_AFTER_CANCEL if `signal` aborted. */
  commit(state: FolderSyncState, signal?: AbortSignalLike): Promise<void>;
  /**
   * Marks a folder's next run as a slow sync, after a session that may have left our Adds on the server
   * without a map. Allowed after a cancel: it never advances anything, it only makes the next run careful.
   */
  markInterrupted(folderId: OutlookFolderId): Promise<void>;
}

/** The one writer over a store: commits run one after another, never after a cancel. */
export function createCheckpointWriter(store: SyncStateStore): CheckpointWriter {
  let tail: Promise<void> = Promise.resolve();
  const enqueue = (write: () => Promise<void>) => {
    const result = tail.then(write, write);
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    commit(state, signal) {
      const write = async () => {
        if (signal?.aborted) {
          throw new SyncError('COMMIT_AFTER_CANCEL', 'run was cancelled; checkpoint not committed', {
            folderId: state.checkpoint.folderId,
          });
        }
        await store.save(state);
      };
      return enqueue(write);
    },
    markInterrupted(folderId) {
      return enqueue(async () => {
        const stored = await store.load(folderId);
        // Never synced: there are no anchors, so the next run is a slow sync anyway.
        if (!stored || stored.checkpoint.needsSlowSync) return;
        await store.save({ ...stored, checkpoint: { ...stored.checkpoint, needsSlowSync: true } });
      });
    },
  };
}

/** In-memory store; copies on the way in and out so callers can't mutate what is "on disk". */
export function createMemorySyncStateStore(initial: readonly FolderSyncState[] = []): SyncStateStore & {
  readonly saves: number;
} {
  const byFolder = new Map<string, string>();
  for (const s of initial) byFolder.set(s.checkpoint.folderId, JSON.stringify(s));
  let saves = 0;
  return {
    get saves() {
      return saves;
    },
    async load(folderId) {
      const json = byFolder.get(folderId);
      return json === undefined ? undefined : (JSON.parse(json) as FolderSyncState);
    },
    async save(state) {
      byFolder.set(state.checkpoint.folderId, JSON.stringify(state));
      saves++;
    },
  };
}
