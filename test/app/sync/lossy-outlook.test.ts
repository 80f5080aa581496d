import { describe, expect, it } from 'vitest';
import type { Contact, OutlookFolderId, SyncItem } from '../../../src/core/model/index.js';
import type { AbortSignalLike, OutlookStore, WriteOp } from '../../../src/core/sync/index.js';
import { runSync } from '../../../src/app/sync/index.js';
import { createWorld } from './harness.js';

/** Outlook can't hold a nickname here: the Graph mapping drops it, as it drops what Graph has no field for. */
const dropNickname = (item: SyncItem): SyncItem =>
  item.kind === 'contact' ? ({ ...item, nickname: undefined } as Contact) : item;

function setup(withShape: boolean) {
  const world = createWorld();
  const inner = world.outlook;
  const lossy: OutlookStore = {
    kind: inner.kind,
    readChanges: (f, c, s) => inner.readChanges(f, c, s),
    readAll: (f, s) => inner.readAll(f, s),
    findByLuid: (f, l, s) => inner.findByLuid(f, l, s),
    writeBatch: (f: OutlookFolderId, ops: readonly WriteOp[], s?: AbortSignalLike) =>
      inner.writeBatch(
        f,
        ops.map((op) => (op.op === 'delete' ? op : { ...op, item: dropNickname(op.item) })),
        s,
      ),
  };
  const ports = {
    ...world.ports,
    outlook: { contact: lossy },
    ...(withShape ? { outlookShape: { contact: dropNickname } } : {}),
  };
  return { ...world, sync: () => runSync(ports, world.request) };
}

describe('a write Outlook keeps only in part', () => {
  it('is not mistaken for a user edit on the next run (regression: echo of a lossy write)', async () => {
    const w = setup(true);
    w.crmCreate('Bert', { nickname: 'Bertie' });
    await w.sync();
    expect(w.outlookItem('Bert Test')?.nickname).toBeUndefined();
    const second = await w.sync();
    expect(second.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });
    expect(w.crmItem('Bert Test')?.nickname).toBe('Bertie'); // the CRM keeps what Outlook could not
  });

  it('would be sent back, wiping the CRM field, without the Outlook shape (why the port exists)', async () => {
    const w = setup(false);
    w.crmCreate('Bert', { nickname: 'Bertie' });
    await w.sync();
    const second = await w.sync();
    expect(second.folders[0]?.toCrm.replaces).toBe(1);
  });
});
