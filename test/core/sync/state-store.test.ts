import { describe, expect, it } from 'vitest';
import {
  createCheckpointWriter,
  createMemorySyncStateStore,
  initialFolderState,
  SyncError,
} from '../../../src/core/sync/index.js';
import { FOLDER, pair } from './fixtures.js';
import { describeSyncStateStoreContract } from './sync-state-store.contract.js';

describeSyncStateStoreContract('in-memory', async () => createMemorySyncStateStore());

function setup() {
  const store = createMemorySyncStateStore();
  const writer = createCheckpointWriter(store);
  return { store, writer, state: initialFolderState(pair()) };
}

describe('checkpoint writer', () => {
  it('commits through the store', async () => {
    const { store, writer, state } = setup();
    await writer.commit({ ...state, checkpoint: { ...state.checkpoint, lastAnchor: 'a2' } });
    expect((await store.load(FOLDER))?.checkpoint.lastAnchor).toBe('a2');
  });

  it('refuses to commit after a cancel', async () => {
    const { store, writer, state } = setup();
    const controller = new AbortController();
    controller.abort();
    const error = await writer.commit(state, controller.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('COMMIT_AFTER_CANCEL');
    expect(store.saves).toBe(0);
  });

  it('serialises commits: the last one started is the one stored', async () => {
    const { store, writer, state } = setup();
    const anchors = ['a1', 'a2', 'a3'];
    await Promise.all(
      anchors.map((a) => writer.commit({ ...state, checkpoint: { ...state.checkpoint, lastAnchor: a } })),
    );
    expect((await store.load(FOLDER))?.checkpoint.lastAnchor).toBe('a3');
    expect(store.saves).toBe(3);
  });

  it('marks a folder for a slow sync even after a cancel, without advancing anything', async () => {
    const { store, writer, state } = setup();
    const committed = { ...state, checkpoint: { ...state.checkpoint, lastAnchor: 'a1', deltaCursor: 'd1' } };
    await store.save(committed);
    await writer.markInterrupted(FOLDER);
    expect(await store.load(FOLDER)).toEqual({
      ...committed,
      checkpoint: { ...committed.checkpoint, needsSlowSync: true },
    });
  });
});
