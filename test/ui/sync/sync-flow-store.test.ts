import { describe, expect, it } from 'vitest';
import type { PaneSyncService } from '../../../src/app/pane/index.js';
import { outlookFolderId } from '../../../src/core/model/index.js';
import type { GuardTrip, RunResult } from '../../../src/core/sync/index.js';
import { createSyncFlowStore } from '../../../src/ui/sync/sync-flow-store.js';

const trip = {
  reason: 'SHARE_EXCEEDED',
  folderId: outlookFolderId('f'),
  deletions: [],
} as unknown as GuardTrip;

function setup() {
  const answers: string[] = [];
  let sawAbort = false;
  const service = {
    async run(signal, onProgress, confirm) {
      onProgress({ folderId: outlookFolderId('f'), datastore: 'addressbook', done: 1, planned: 2 });
      const decision = await confirm(trip);
      answers.push(decision);
      sawAbort = signal.aborted;
      return {
        runId: 'r1',
        mode: 'sync',
        outcome: signal.aborted ? 'cancelled' : 'completed',
        folders: [],
        previews: [],
      } as RunResult;
    },
  } as Partial<PaneSyncService> as PaneSyncService;
  return { store: createSyncFlowStore(service), answers, aborted: () => sawAbort };
}

describe('sync flow store', () => {
  it('keeps the run and its guard question while no screen is mounted; the answer resumes it', async () => {
    const { store, answers } = setup();
    const done = store.start('sync');
    await Promise.resolve();
    expect(store.getState()).toMatchObject({ busy: 'sync', question: trip });
    expect(store.getState().progress[0]?.done).toBe(1);
    store.decide('continue');
    await done;
    expect(answers).toEqual(['continue']);
    expect(store.getState().result?.outcome).toBe('completed');
  });

  it('cancel aborts the run and answers a pending question with Stop', async () => {
    const { store, answers, aborted } = setup();
    const done = store.start('sync');
    await Promise.resolve();
    store.cancel();
    await done;
    expect(answers).toEqual(['stop']);
    expect(aborted()).toBe(true);
    expect(store.getState().result?.outcome).toBe('cancelled');
  });

  it('does not start a second run while one is going', async () => {
    const { store, answers } = setup();
    const first = store.start('sync');
    await store.start('sync');
    store.decide('continue');
    await first;
    expect(answers).toEqual(['continue']);
  });
});
