/**
 * One writer and one run at a time per state store (CONVENTIONS.md rule 4): every use case over the same store
 * shares its checkpoint writer, and a second sync, undo or restore while one is running is refused with a typed
 * error instead of interleaving with it (the pane disables its buttons; the CLI may be started twice).
 */
import {
  createCheckpointWriter,
  SyncError,
  type CheckpointWriter,
  type SyncStateStore,
} from '../../core/sync/index.js';

const writers = new WeakMap<SyncStateStore, CheckpointWriter>();
const busy = new WeakSet<SyncStateStore>();

export function writerFor(store: SyncStateStore): CheckpointWriter {
  let writer = writers.get(store);
  if (!writer) {
    writer = createCheckpointWriter(store);
    writers.set(store, writer);
  }
  return writer;
}

export async function exclusively<T>(store: SyncStateStore, work: () => Promise<T>): Promise<T> {
  if (busy.has(store)) throw new SyncError('RUN_IN_PROGRESS', 'a sync, undo or restore is already running');
  busy.add(store);
  try {
    return await work();
  } finally {
    busy.delete(store);
  }
}
