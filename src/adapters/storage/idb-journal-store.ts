/**
 * The run journal in IndexedDB (DESIGN.md §4: before-images for undo do not fit the 32 KB roaming settings).
 * Honest limit, shown in the pane: it lives in this browser only, so another device has no history to undo.
 */
import type { JournalRun, JournalStore } from '../../core/sync/index.js';
import { inTransaction, JOURNAL } from './idb.js';

/** Runs kept (before-images make runs large; undo only ever needs the newest). */
export const JOURNAL_KEEP = 20;

const newestFirst = (a: JournalRun, b: JournalRun) =>
  b.startedAt.localeCompare(a.startedAt) || b.runId.localeCompare(a.runId);

export function createIdbJournalStore(db: IDBDatabase, keep = JOURNAL_KEEP): JournalStore {
  const all = async () =>
    ((await inTransaction<JournalRun[]>(db, JOURNAL, 'readonly', (s) => s.getAll())) ?? []).sort(newestFirst);
  return {
    async append(run) {
      const older = (await all()).filter((r) => r.runId !== run.runId);
      const dropped = [run, ...older].sort(newestFirst).slice(keep);
      await inTransaction(db, JOURNAL, 'readwrite', (objects) => {
        objects.put(run);
        for (const r of dropped) objects.delete(r.runId);
      });
    },
    list: all,
    async get(runId) {
      return inTransaction<JournalRun>(db, JOURNAL, 'readonly', (s) => s.get(runId));
    },
    async markUndone(runId, at) {
      await inTransaction(db, JOURNAL, 'readwrite', (objects) => {
        const read = objects.get(runId);
        read.onsuccess = () => {
          const run = read.result as JournalRun | undefined;
          if (run) objects.put({ ...run, undoneAt: at });
        };
      });
    },
  };
}
