/** The contract every JournalStore runs (CONVENTIONS.md rule 2): newest first, copies out, undo marks. */
import { describe, expect, it } from 'vitest';
import type { JournalRun, JournalStore } from '../../../src/core/sync/index.js';

export const journalRun = (runId: string, startedAt: string): JournalRun => ({
  runId,
  startedAt,
  finishedAt: startedAt,
  outcome: 'completed',
  folders: [],
});

export function describeJournalStoreContract(name: string, makeStore: () => Promise<JournalStore>): void {
  describe(`JournalStore contract: ${name}`, () => {
    it('lists runs newest first and finds them by id', async () => {
      const store = await makeStore();
      await store.append(journalRun('r1', '2026-01-01T00:00:00Z'));
      await store.append(journalRun('r2', '2026-01-02T00:00:00Z'));
      expect((await store.list()).map((r) => r.runId)).toEqual(['r2', 'r1']);
      expect((await store.get('r1'))?.runId).toBe('r1');
      expect(await store.get('nope')).toBeUndefined();
    });

    it('marks a run undone', async () => {
      const store = await makeStore();
      await store.append(journalRun('r1', '2026-01-01T00:00:00Z'));
      await store.markUndone('r1', '2026-01-03T00:00:00Z');
      expect((await store.get('r1'))?.undoneAt).toBe('2026-01-03T00:00:00Z');
    });
  });
}
