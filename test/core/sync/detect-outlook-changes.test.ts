import { describe, expect, it } from 'vitest';
import {
  detectOutlookChanges,
  initialFolderState,
  outlookCursor,
  type FolderSyncState,
  type ItemSyncState,
  type OutlookChange,
} from '../../../src/core/sync/index.js';
import { contact, id, luid, pair, testFingerprint } from './fixtures.js';

const anna = contact('Anna', 'Alt');
const bert = contact('Bert', 'Berg');

const known = (outlookId: string, l: string, item = anna): ItemSyncState => ({
  outlookId: id(outlookId),
  luid: luid(l),
  fingerprint: testFingerprint(item),
  lastSyncedAt: '2026-01-01T00:00:00Z',
});

function setup(items: ItemSyncState[] = [], overrides: Partial<FolderSyncState['checkpoint']> = {}) {
  const base = initialFolderState(pair());
  const state: FolderSyncState = {
    checkpoint: { ...base.checkpoint, lastAnchor: 'a1', deltaCursor: 'd1', nextLuid: 10, ...overrides },
    items: Object.fromEntries(items.map((s) => [s.outlookId, s])),
  };
  const detect = (
    changes: OutlookChange[],
    opts: { full?: boolean; pendingItems?: OutlookChange[]; slow?: boolean } = {},
  ) =>
    detectOutlookChanges({
      state,
      changeSet: { changes, nextCursor: outlookCursor('d2'), fullResync: opts.full ?? false },
      pendingItems: opts.pendingItems ?? [],
      slowSync: opts.slow ?? false,
      fingerprint: testFingerprint,
      now: '2026-02-01T00:00:00Z',
    });
  return { detect, state };
}

describe('detectOutlookChanges', () => {
  it('sends new items as Adds with newly allocated short LUIDs', () => {
    const { detect } = setup();
    const result = detect([
      { id: id('o1'), item: anna },
      { id: id('o2'), item: bert },
    ]);
    expect(result.changes.map((c) => [c.op, c.luid])).toEqual([
      ['add', 'ca'],
      ['add', 'cb'],
    ]);
    expect(result.nextLuid).toBe(12);
  });

  it('suppresses echoes: an item whose fingerprint equals the stored one is not sent', () => {
    const { detect } = setup([known('o1', 'c1'), known('o2', 'c2', bert)]);
    const changed = { ...bert, jobTitle: 'Chef' };
    const result = detect([
      { id: id('o1'), item: anna },
      { id: id('o2'), item: changed },
    ]);
    expect(result.echoes).toBe(1);
    expect(result.changes).toEqual([
      expect.objectContaining({
        op: 'replace',
        luid: 'c2',
        outlookId: 'o2',
        fingerprint: testFingerprint(changed),
      }),
    ]);
  });

  it('sends Delete for removed items with a known LUID and ignores unknown removals', () => {
    const { detect } = setup([known('o1', 'c1')]);
    const result = detect([
      { id: id('o1'), removed: true },
      { id: id('o9'), removed: true },
    ]);
    expect(result.changes.map((c) => [c.op, c.luid])).toEqual([['delete', 'c1']]);
    expect(result.outlookDeletions).toEqual([expect.objectContaining({ luid: 'c1', outlookId: 'o1' })]);
  });

  it('reconciles a full resync by stored ids: nothing is new just because it is listed', () => {
    const { detect } = setup([known('o1', 'c1'), known('o2', 'c2', bert)]);
    const result = detect([{ id: id('o1'), item: anna }], { full: true });
    expect(result.changes.map((c) => [c.op, c.luid])).toEqual([['delete', 'c2']]);
    expect(result.echoes).toBe(1);
  });

  it('adopts the LUID carried on an item when local state is lost (reinstall, second device)', () => {
    const { detect } = setup();
    const link = { luid: luid('c7'), fingerprint: testFingerprint(anna) };
    const result = detect([{ id: id('o1'), item: anna, link }], { full: true });
    expect(result.changes).toEqual([]);
    expect(result.items['o1']?.luid).toBe('c7');
  });

  it('never gives a new item a LUID an adopted link already uses (regression: counter lost by a cancelled run)', () => {
    const { detect } = setup([], { nextLuid: 1 });
    const link = { luid: luid('c1'), fingerprint: testFingerprint(anna) };
    const result = detect(
      [
        { id: id('o1'), item: anna, link },
        { id: id('o2'), item: bert },
      ],
      { full: true },
    );
    expect(result.changes.map((c) => [c.op, c.luid])).toEqual([['add', 'c2']]);
    expect(result.nextLuid).toBe(3);
  });

  it('re-keys an item whose id changed (a To Do task moved) instead of deleting and re-adding it', () => {
    const { detect } = setup([known('old', 'c1')]);
    const link = { luid: luid('c1'), fingerprint: testFingerprint(anna) };
    const result = detect([{ id: id('new'), item: anna, link }], { full: true });
    expect(result.changes).toEqual([]);
    expect(Object.keys(result.items)).toEqual(['new']);
  });

  it('resends pending items and re-adds those whose CRM copy was deleted', () => {
    const { detect } = setup([known('o1', 'c1')], { pending: { o1: 'resend', o2: 'readd' } });
    const link = { luid: luid('c2'), fingerprint: 'old' };
    const result = detect([], {
      pendingItems: [
        { id: id('o1'), item: anna },
        { id: id('o2'), item: bert, link },
      ],
    });
    expect(result.changes.map((c) => [c.op, c.luid])).toEqual([
      ['replace', 'c1'],
      ['add', 'ca'],
    ]);
  });

  it('never deletes an item Outlook could not read, even in a full listing (regression: unreadable ≠ removed)', () => {
    const { state } = setup([known('o1', 'c1'), known('o2', 'c2', bert)]);
    const result = detectOutlookChanges({
      state,
      changeSet: {
        changes: [{ id: id('o1'), item: anna }],
        nextCursor: outlookCursor('d2'),
        fullResync: true,
        unreadable: [{ id: id('o2'), error: { code: 'INVALID_ITEM', message: 'bad' } }],
      },
      pendingItems: [],
      slowSync: false,
      fingerprint: testFingerprint,
      now: '2026-02-01T00:00:00Z',
    });
    expect(result.changes).toEqual([]);
    expect(result.unreadable).toEqual([{ id: 'o2', code: 'INVALID_ITEM' }]);
  });

  it('does not send an item Outlook stored only in part', () => {
    const { detect } = setup([{ ...known('o1', 'c1'), incomplete: true }]);
    expect(detect([{ id: id('o1'), item: { ...anna, jobTitle: 'partial' } }]).changes).toEqual([]);
  });

  it('sends every linked item as Replace in a slow sync', () => {
    const { detect } = setup([known('o1', 'c1')]);
    const result = detect([{ id: id('o1'), item: anna }], { full: true, slow: true });
    expect(result.changes.map((c) => [c.op, c.luid])).toEqual([['replace', 'c1']]);
  });

  it('sends nothing for a folder synced CRM → Outlook only', () => {
    const { state } = setup();
    const result = detectOutlookChanges({
      state: { ...state, checkpoint: { ...state.checkpoint, direction: 'crm-to-outlook' } },
      changeSet: {
        changes: [{ id: id('o1'), item: anna }],
        nextCursor: outlookCursor('d2'),
        fullResync: false,
      },
      pendingItems: [],
      slowSync: false,
      fingerprint: testFingerprint,
      now: '2026-02-01T00:00:00Z',
    });
    expect(result.changes).toEqual([]);
    expect(result.heldBack).toBe(1);
    expect(result.nextLuid).toBe(10);
  });
});
