/**
 * The pane's SyncStateStore (DESIGN.md §4, docs/decisions/0110): the small per-folder checkpoint (anchors,
 * delta link, datastore, direction, policy, LUID counter) goes to the roaming settings; the per-item states and
 * pending marks, too big for 32 KB, go to IndexedDB. The two are tied by a generation id: IndexedDB keeps the
 * item states of the current and the previous generation, so a save that stopped between the two writes still
 * loads consistently. Item states of an unknown generation (fresh browser, second device, cleared site data)
 * are rebuilt from the LUID/fingerprint links on the Outlook items: the delta link is dropped, so the next run
 * reads the whole folder and adopts every item's link instead of re-creating anything.
 */
import type { OutlookFolderId } from '../../core/model/index.js';
import type {
  FolderCheckpoint,
  FolderSyncState,
  ItemSyncState,
  PendingReason,
  SyncStateStore,
} from '../../core/sync/index.js';
import { StorageError } from './errors.js';
import { inTransaction, ITEM_STATES } from './idb.js';
import { CHECKPOINT_BUDGET_BYTES, type SettingsPort } from './settings-port.js';

export const CHECKPOINTS_KEY = 'syncCheckpoints';

type RoamingCheckpoint = Omit<FolderCheckpoint, 'pending'>;
interface StoredCheckpoint {
  readonly checkpoint: RoamingCheckpoint;
  readonly generation: string;
}
type CheckpointTable = Readonly<Record<string, StoredCheckpoint>>;

interface ItemGeneration {
  readonly generation: string;
  readonly items: Readonly<Record<string, ItemSyncState>>;
  readonly pending: Readonly<Record<string, PendingReason>>;
}
interface ItemStateRecord {
  readonly current: ItemGeneration;
  readonly previous?: ItemGeneration;
}

export interface PaneStateStoreOptions {
  readonly db: IDBDatabase;
  readonly settings: SettingsPort;
  readonly newGeneration?: () => string;
  readonly budgetBytes?: number;
}

export function createPaneStateStore(options: PaneStateStoreOptions): SyncStateStore {
  const { db, settings } = options;
  const newGeneration = options.newGeneration ?? (() => crypto.randomUUID());
  const budget = options.budgetBytes ?? CHECKPOINT_BUDGET_BYTES;
  const readTable = async (): Promise<CheckpointTable> => {
    const raw = await settings.get(CHECKPOINTS_KEY);
    if (raw === undefined) return {};
    if (raw === null || typeof raw !== 'object') {
      throw new StorageError('STORAGE_INVALID', 'the sync checkpoints are not readable', {
        key: CHECKPOINTS_KEY,
      });
    }
    return raw as CheckpointTable;
  };

  return {
    async load(folderId: OutlookFolderId) {
      const stored = (await readTable())[folderId];
      if (!stored) return undefined;
      const record = await inTransaction<ItemStateRecord>(db, ITEM_STATES, 'readonly', (s) =>
        s.get(folderId),
      );
      const slot = [record?.current, record?.previous].find((g) => g?.generation === stored.generation);
      if (slot) return { checkpoint: { ...stored.checkpoint, pending: slot.pending }, items: slot.items };
      // Item states lost: a full read of the folder re-adopts every item's link (DESIGN.md §4).
      const { deltaCursor: _dropped, ...checkpoint } = stored.checkpoint;
      return { checkpoint: { ...checkpoint, pending: {} }, items: {} };
    },

    async save(state: FolderSyncState) {
      const { pending, ...checkpoint } = state.checkpoint;
      const folderId = checkpoint.folderId;
      const generationId = newGeneration();
      const table = { ...(await readTable()), [folderId]: { checkpoint, generation: generationId } };
      const size = new TextEncoder().encode(JSON.stringify(table)).length;
      if (size > budget) {
        throw new StorageError('SETTINGS_TOO_LARGE', 'the sync checkpoints do not fit the roaming settings', {
          folderId,
          bytes: size,
          limit: budget,
        });
      }
      const generation: ItemGeneration = {
        generation: generationId,
        items: state.items,
        pending,
      };
      // Items first: until the checkpoint names the new generation, loads keep using the previous one.
      await writeItemGeneration(db, folderId, generation);
      await settings.set(CHECKPOINTS_KEY, table);
    },
  };
}

async function writeItemGeneration(db: IDBDatabase, folderId: string, next: ItemGeneration): Promise<void> {
  await inTransaction(db, ITEM_STATES, 'readwrite', (objects) => {
    const read = objects.get(folderId);
    read.onsuccess = () => {
      const old = read.result as ItemStateRecord | undefined;
      const record: ItemStateRecord = old ? { current: next, previous: old.current } : { current: next };
      objects.put(record, folderId);
    };
  });
}
