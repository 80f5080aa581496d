import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINTS_KEY,
  createIdbJournalStore,
  createPaneStateStore,
  memorySettings,
  openSyncDatabase,
  StorageError,
  type SettingsPort,
} from '../../../src/adapters/storage/index.js';
import { initialFolderState, type FolderSyncState } from '../../../src/core/sync/index.js';
import { FOLDER, id, luid, pair } from '../../core/sync/fixtures.js';
import { describeJournalStoreContract, journalRun } from '../../core/sync/journal-store.contract.js';
import { describeSyncStateStoreContract } from '../../core/sync/sync-state-store.contract.js';

async function setup(settings: SettingsPort = memorySettings(), factory = new IDBFactory()) {
  const db = await openSyncDatabase(factory);
  let n = 0;
  const store = createPaneStateStore({ db, settings, newGeneration: () => `g${++n}` });
  return { db, factory, settings, store };
}

function synced(anchor: string, items: FolderSyncState['items'] = {}): FolderSyncState {
  const base = initialFolderState(pair());
  return {
    checkpoint: {
      ...base.checkpoint,
      lastAnchor: anchor,
      deltaCursor: `delta-${anchor}`,
      nextLuid: 2,
      pending: {},
    },
    items,
  };
}

const item = (o: string, l: string) => ({
  outlookId: id(o),
  luid: luid(l),
  fingerprint: `fp-${o}`,
  lastSyncedAt: '2026-01-01T00:00:00Z',
});

describeSyncStateStoreContract('pane (roaming settings + IndexedDB)', async () => (await setup()).store);
describeJournalStoreContract('IndexedDB', async () =>
  createIdbJournalStore(await openSyncDatabase(new IDBFactory())),
);

describe('pane state store', () => {
  it('keeps item states and pending marks out of the roaming settings', async () => {
    const { store, settings } = await setup();
    const state = synced('a1', { o1: item('o1', 'c1') });
    await store.save({ ...state, checkpoint: { ...state.checkpoint, pending: { o2: 'resend' } } });
    const roaming = JSON.stringify(await settings.get(CHECKPOINTS_KEY));
    expect(roaming).toContain('delta-a1');
    expect(roaming).not.toContain('fp-o1');
    expect(roaming).not.toContain('resend');
  });

  it('loads the previous generation when the checkpoint write failed after the item states were written', async () => {
    const settings = memorySettings();
    const { store } = await setup({
      get: settings.get,
      set: async (key, value) => {
        if (JSON.stringify(value).includes('a2')) throw new Error('roaming save failed');
        await settings.set(key, value);
      },
    });
    await store.save(synced('a1', { o1: item('o1', 'c1') }));
    await expect(store.save(synced('a2', { o1: item('o1', 'c1'), o2: item('o2', 'c2') }))).rejects.toThrow();
    const loaded = await store.load(FOLDER);
    expect(loaded?.checkpoint.lastAnchor).toBe('a1');
    expect(Object.keys(loaded?.items ?? {})).toEqual(['o1']);
  });

  it('with item states lost (fresh browser, same mailbox) drops the delta link so the folder is re-read', async () => {
    const settings = memorySettings();
    const first = await setup(settings);
    await first.store.save(synced('a1', { o1: item('o1', 'c1') }));
    const second = await setup(settings, new IDBFactory());
    const loaded = await second.store.load(FOLDER);
    expect(loaded?.checkpoint.lastAnchor).toBe('a1');
    expect(loaded?.checkpoint.deltaCursor).toBeUndefined();
    expect(loaded?.items).toEqual({});
  });

  it('refuses checkpoints that would not fit the roaming settings, writing nothing', async () => {
    const settings = memorySettings();
    const db = await openSyncDatabase(new IDBFactory());
    const store = createPaneStateStore({ db, settings, budgetBytes: 200 });
    const error = await store.save(synced('a1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('SETTINGS_TOO_LARGE');
    expect(await store.load(FOLDER)).toBeUndefined();
  });

  it('says so when the stored checkpoints are not ours', async () => {
    const settings = memorySettings();
    await settings.set(CHECKPOINTS_KEY, 'garbage');
    const { store } = await setup(settings);
    await expect(store.load(FOLDER)).rejects.toMatchObject({ code: 'STORAGE_INVALID' });
  });

  it('reports a missing IndexedDB as STORAGE_UNAVAILABLE', async () => {
    await expect(openSyncDatabase(undefined)).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });
});

describe('IndexedDB journal', () => {
  it('keeps only the newest runs', async () => {
    const journal = createIdbJournalStore(await openSyncDatabase(new IDBFactory()), 2);
    for (const day of [1, 2, 3]) await journal.append(journalRun(`r${day}`, `2026-01-0${day}T00:00:00Z`));
    expect((await journal.list()).map((r) => r.runId)).toEqual(['r3', 'r2']);
  });
});
