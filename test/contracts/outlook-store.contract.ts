/**
 * The one contract every OutlookStore implementation runs (CONVENTIONS.md rule 2): the in-memory
 * store, and the Graph contact/event/task stores on the Graph emulator. A fake that passes it may
 * stand in for the real thing in the sync engine's tests.
 */
import { describe, expect, it } from 'vitest';
import { luid, type OutlookFolderId, type OutlookItemId, type SyncItem } from '../../src/core/model/index.js';
import type { ItemLink, OutlookStore, StoredItem, WriteOp } from '../../src/core/sync/outlook-store.js';

export interface OutlookStoreFixture {
  readonly store: OutlookStore;
  /** An empty folder of the store's kind. */
  readonly folder: OutlookFolderId;
  /** A valid item of the store's kind; different n give different labels. */
  makeItem(n: number): SyncItem;
  /** What identifies an item's content after a round trip through the store (name, subject, title). */
  label(item: SyncItem): string;
  /** Makes every cursor of the folder stale (Graph: the 410 SyncStateNotFound fault). */
  expireCursors(): Promise<void>;
  /** The Outlook user edits the item (relabels it) without our store: the link must survive. */
  userRelabel(id: OutlookItemId, newLabel: string): Promise<void>;
  close?(): Promise<void>;
}

const link = (n: number, version = 1): ItemLink => ({
  luid: luid(`L${n}`),
  fingerprint: `fp-${n}-v${version}`,
});
const createOp = (f: OutlookStoreFixture, n: number): WriteOp => ({
  op: 'create',
  item: f.makeItem(n),
  link: link(n),
});

async function createItems(f: OutlookStoreFixture, ns: readonly number[]): Promise<OutlookItemId[]> {
  const results = await f.store.writeBatch(
    f.folder,
    ns.map((n) => createOp(f, n)),
  );
  return results.map((r) => {
    if (!r.ok) throw new Error(`create failed: ${r.error.code}`);
    return r.id;
  });
}

const labels = (f: OutlookStoreFixture, items: readonly { item?: SyncItem }[]) =>
  items.flatMap((c) => (c.item ? [f.label(c.item)] : [])).sort();

export function describeOutlookStoreContract(name: string, setup: () => Promise<OutlookStoreFixture>): void {
  describe(`OutlookStore contract: ${name}`, () => {
    async function withFixture(body: (f: OutlookStoreFixture) => Promise<void>): Promise<void> {
      const f = await setup();
      try {
        await body(f);
      } finally {
        await f.close?.();
      }
    }

    it('reads an empty folder as a complete, empty listing with a cursor', () =>
      withFixture(async (f) => {
        const first = await f.store.readChanges(f.folder, undefined);
        expect(first).toMatchObject({ changes: [], fullResync: true });
        expect(typeof first.nextCursor).toBe('string');
      }));

    it('reports created items with their links, then nothing when nothing changed', () =>
      withFixture(async (f) => {
        const { nextCursor } = await f.store.readChanges(f.folder, undefined);
        const ids = await createItems(f, [1, 2, 3]);
        expect(new Set(ids).size).toBe(3);

        const after = await f.store.readChanges(f.folder, nextCursor);
        expect(after.fullResync).toBe(false);
        expect(after.changes.map((c) => c.id).sort()).toEqual([...ids].sort());
        expect(labels(f, after.changes)).toEqual([1, 2, 3].map((n) => f.label(f.makeItem(n))).sort());
        for (const [i, id] of ids.entries()) {
          expect(after.changes.find((c) => c.id === id)?.link).toEqual(link(i + 1));
        }
        const quiet = await f.store.readChanges(f.folder, after.nextCursor);
        expect(quiet.changes).toEqual([]);
      }));

    it('reading twice from the same cursor gives the same changes (no side effect)', () =>
      withFixture(async (f) => {
        const { nextCursor } = await f.store.readChanges(f.folder, undefined);
        await createItems(f, [1, 2]);
        const a = await f.store.readChanges(f.folder, nextCursor);
        const b = await f.store.readChanges(f.folder, nextCursor);
        expect(b.changes.map((c) => c.id).sort()).toEqual(a.changes.map((c) => c.id).sort());
      }));

    it('updates content and link; deletes show up as removals', () =>
      withFixture(async (f) => {
        const [keep, gone] = await createItems(f, [1, 2]);
        const { nextCursor } = await f.store.readChanges(f.folder, undefined);
        const results = await f.store.writeBatch(f.folder, [
          { op: 'update', id: keep!, item: f.makeItem(11), link: link(1, 2) },
          { op: 'delete', id: gone! },
        ]);
        expect(results).toEqual([
          { ok: true, op: 'update', id: keep },
          { ok: true, op: 'delete', id: gone },
        ]);
        const changes = (await f.store.readChanges(f.folder, nextCursor)).changes;
        const updated = changes.find((c) => c.id === keep);
        expect(updated?.item && f.label(updated.item)).toBe(f.label(f.makeItem(11)));
        expect(updated?.link).toEqual(link(1, 2));
        expect(changes.find((c) => c.id === gone)).toEqual({ id: gone, removed: true });
        expect((await f.store.readAll(f.folder)).map((s) => s.id)).toEqual([keep]);
      }));

    it('keeps the link when the user edits an item in Outlook (echo detection relies on it)', () =>
      withFixture(async (f) => {
        const [id] = await createItems(f, [5]);
        const { nextCursor } = await f.store.readChanges(f.folder, undefined);
        await f.userRelabel(id!, 'Edited by user');
        const changes = (await f.store.readChanges(f.folder, nextCursor)).changes;
        const edited = changes.find((c) => c.id === id);
        expect(edited?.item && f.label(edited.item)).toBe('Edited by user');
        expect(edited?.link).toEqual(link(5));
      }));

    it('finds an item by its LUID, and nothing for an unknown LUID', () =>
      withFixture(async (f) => {
        const [, second] = await createItems(f, [1, 2]);
        const found = await f.store.findByLuid(f.folder, luid('L2'));
        expect(found?.id).toBe(second);
        expect(found?.link).toEqual(link(2));
        expect(found && f.label(found.item)).toBe(f.label(f.makeItem(2)));
        expect(await f.store.findByLuid(f.folder, luid('L404'))).toBeUndefined();
      }));

    it('fails only the bad op of a batch, with a typed code, and applies the rest', () =>
      withFixture(async (f) => {
        const [existing] = await createItems(f, [1]);
        const missing = `${existing}-missing` as OutlookItemId;
        const results = await f.store.writeBatch(f.folder, [
          createOp(f, 2),
          { op: 'update', id: missing, item: f.makeItem(3), link: link(3) },
          { op: 'delete', id: missing },
          createOp(f, 4),
        ]);
        expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
        expect(results.map((r) => (r.ok ? r.op : r.error.code))).toEqual([
          'create',
          'NOT_FOUND',
          'NOT_FOUND',
          'create',
        ]);
        expect(labels(f, await f.store.readAll(f.folder))).toEqual(
          [1, 2, 4].map((n) => f.label(f.makeItem(n))).sort(),
        );
      }));

    it('writes more ops than fit in one Graph batch, results in order', () =>
      withFixture(async (f) => {
        const ns = Array.from({ length: 45 }, (_, i) => i + 1);
        const ids = await createItems(f, ns);
        const all: readonly StoredItem[] = await f.store.readAll(f.folder);
        expect(all).toHaveLength(45);
        for (const [i, id] of ids.entries()) {
          const stored = all.find((s) => s.id === id);
          expect(stored?.link).toEqual(link(i + 1));
          expect(stored && f.label(stored.item)).toBe(f.label(f.makeItem(i + 1)));
        }
      }));

    it('an expired cursor gives the complete listing flagged fullResync, never removals', () =>
      withFixture(async (f) => {
        const { nextCursor } = await f.store.readChanges(f.folder, undefined);
        await createItems(f, [1, 2, 3]);
        await f.expireCursors();
        const reset = await f.store.readChanges(f.folder, nextCursor);
        expect(reset.fullResync).toBe(true);
        expect(reset.changes.every((c) => !c.removed)).toBe(true);
        expect(labels(f, reset.changes)).toEqual([1, 2, 3].map((n) => f.label(f.makeItem(n))).sort());
        const quiet = await f.store.readChanges(f.folder, reset.nextCursor);
        expect(quiet).toMatchObject({ changes: [], fullResync: false });
      }));

    it('an aborted signal stops every call with code ABORTED and writes nothing', () =>
      withFixture(async (f) => {
        const controller = new AbortController();
        controller.abort();
        const signal = controller.signal;
        await expect(f.store.readChanges(f.folder, undefined, signal)).rejects.toMatchObject({
          code: 'ABORTED',
        });
        await expect(f.store.readAll(f.folder, signal)).rejects.toMatchObject({ code: 'ABORTED' });
        await expect(f.store.findByLuid(f.folder, luid('L1'), signal)).rejects.toMatchObject({
          code: 'ABORTED',
        });
        await expect(f.store.writeBatch(f.folder, [createOp(f, 1)], signal)).rejects.toMatchObject({
          code: 'ABORTED',
        });
        expect(await f.store.readAll(f.folder)).toEqual([]);
      }));
  });
}
