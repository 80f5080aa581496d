import { describe, expect, it } from 'vitest';
import {
  emptyContact,
  luid,
  outlookFolderId,
  type Contact,
  type SyncItem,
} from '../../../src/core/model/index.js';
import { MemoryOutlookStore } from '../../../src/core/sync/memory-outlook-store.js';
import {
  describeOutlookStoreContract,
  type OutlookStoreFixture,
} from '../../contracts/outlook-store.contract.js';

const contact = (displayName: string): Contact => ({
  ...emptyContact(),
  displayName,
  name: { family: displayName },
});
const label = (item: SyncItem) => (item.kind === 'contact' ? (item.displayName ?? '') : '');

async function setup(): Promise<OutlookStoreFixture & { store: MemoryOutlookStore }> {
  const store = new MemoryOutlookStore('contact');
  const folder = outlookFolderId('contacts-1');
  return {
    store,
    folder,
    makeItem: (n) => contact(`Person ${n}`),
    label,
    expireCursors: async () => store.expireCursors(folder),
    userRelabel: async (id, newLabel) => store.userUpdate(folder, id, contact(newLabel)),
  };
}

describeOutlookStoreContract('MemoryOutlookStore', setup);

describe('MemoryOutlookStore test hooks', () => {
  it('reports a user deletion as a removal and counts calls', async () => {
    const f = await setup();
    const id = f.store.userCreate(f.folder, contact('Anna Müller'));
    const { nextCursor, changes } = await f.store.readChanges(f.folder, undefined);
    expect(changes.map((c) => c.id)).toEqual([id]);
    f.store.userDelete(f.folder, id);
    expect((await f.store.readChanges(f.folder, nextCursor)).changes).toEqual([{ id, removed: true }]);
    expect(f.store.calls).toMatchObject({ readChanges: 2, writeBatch: 0 });
  });

  it('injected write faults fail only the chosen ops', async () => {
    const f = await setup();
    f.store.failWrites((_op, index) =>
      index === 1 ? { code: 'THROTTLED', message: 'injected' } : undefined,
    );
    const results = await f.store.writeBatch(f.folder, [
      { op: 'create', item: contact('A'), link: { luid: luid('L1'), fingerprint: 'x' } },
      { op: 'create', item: contact('B'), link: { luid: luid('L2'), fingerprint: 'y' } },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'THROTTLED']);
    expect(f.store.snapshot(f.folder)).toHaveLength(1);
  });

  it('reports an item marked unreadable apart from the changes, also in a full listing', async () => {
    const f = await setup();
    const good = f.store.userCreate(f.folder, contact('Gut'));
    const bad = f.store.userCreate(f.folder, contact('Kaputt'));
    const { nextCursor } = await f.store.readChanges(f.folder, undefined);
    f.store.markUnreadable(bad);
    const after = await f.store.readChanges(f.folder, nextCursor);
    expect(after.changes).toEqual([]);
    expect(after.unreadable).toEqual([{ id: bad, error: expect.objectContaining({ code: 'INVALID_ITEM' }) }]);
    const full = await f.store.readChanges(f.folder, undefined);
    expect(full.changes.map((c) => c.id)).toEqual([good]);
    expect(full.unreadable?.map((u) => u.id)).toEqual([bad]);
  });

  it('refuses an item of another kind with INVALID_ITEM', () => {
    const store = new MemoryOutlookStore('task');
    expect(() => store.userCreate(outlookFolderId('t'), contact('X'))).toThrow(
      expect.objectContaining({ code: 'INVALID_ITEM' }),
    );
  });
});
