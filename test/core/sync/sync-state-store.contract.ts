/**
 * The contract every SyncStateStore runs (CONVENTIONS.md rule 2): the in-memory store here, the mailbox-settings
 * adapter in app/. What it guards: a save is whole (all or nothing), loads give copies, folders are independent.
 */
import { describe, expect, it } from 'vitest';
import {
  initialFolderState,
  type FolderSyncState,
  type SyncStateStore,
} from '../../../src/core/sync/index.js';
import { FOLDER, id, luid, pair } from './fixtures.js';
import { outlookFolderId } from '../../../src/core/model/index.js';

function committedState(): FolderSyncState {
  const base = initialFolderState(pair());
  return {
    checkpoint: {
      ...base.checkpoint,
      lastAnchor: 'a1',
      deltaCursor: 'd1',
      nextLuid: 3,
      pending: { o2: 'resend' },
    },
    items: {
      o1: { outlookId: id('o1'), luid: luid('c1'), fingerprint: 'fp1', lastSyncedAt: '2026-01-01T00:00:00Z' },
    },
  };
}

export function describeSyncStateStoreContract(name: string, makeStore: () => Promise<SyncStateStore>): void {
  describe(`SyncStateStore contract: ${name}`, () => {
    it('has nothing for a folder that never synced', async () => {
      const store = await makeStore();
      expect(await store.load(FOLDER)).toBeUndefined();
    });

    it('gives back exactly what was saved, per folder', async () => {
      const store = await makeStore();
      const state = committedState();
      const other = initialFolderState(
        pair({ folderId: outlookFolderId('other'), datastore: 'calendar', kind: 'event' }),
      );
      await store.save(state);
      await store.save(other);
      expect(await store.load(FOLDER)).toEqual(state);
      expect(await store.load(outlookFolderId('other'))).toEqual(other);
    });

    it('replaces a folder state as a whole', async () => {
      const store = await makeStore();
      await store.save(committedState());
      const next = { ...committedState(), items: {} };
      await store.save(next);
      expect(await store.load(FOLDER)).toEqual(next);
    });

    it('hands out copies: changing a loaded state changes nothing stored', async () => {
      const store = await makeStore();
      await store.save(committedState());
      const loaded = (await store.load(FOLDER)) as { checkpoint: { lastAnchor?: string } };
      loaded.checkpoint.lastAnchor = 'tampered';
      expect((await store.load(FOLDER))?.checkpoint.lastAnchor).toBe('a1');
    });
  });
}
