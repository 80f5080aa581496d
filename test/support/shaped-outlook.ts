/** An in-memory Outlook for the use-case tests that keeps of each written item only what `shape` keeps (Graph). */
import type { ItemKind, SyncItem } from '../../src/core/model/index.js';
import { MemoryOutlookStore, type OutlookStore } from '../../src/core/sync/index.js';

export function shapedMemoryOutlook(kind: ItemKind, shape: (item: SyncItem) => SyncItem) {
  const memory = new MemoryOutlookStore(kind);
  const outlook: OutlookStore = {
    kind,
    readChanges: (f, c, s) => memory.readChanges(f, c, s),
    readAll: (f, s) => memory.readAll(f, s),
    findByLuid: (f, l, s) => memory.findByLuid(f, l, s),
    writeBatch: (f, ops, s) =>
      memory.writeBatch(
        f,
        ops.map((op) => (op.op === 'delete' ? op : { ...op, item: shape(op.item) })),
        s,
      ),
  };
  return { memory, outlook };
}
