import { describe, expect, it } from 'vitest';
import {
  outlookCursor,
  settleAfterWrites,
  type ItemSyncState,
  type OutlookChange,
  type SettleInput,
} from '../../../src/core/sync/index.js';
import { contact, id, luid, testFingerprint } from './fixtures.js';

function setup() {
  const anna = contact('Anna', 'Alt');
  const bert = contact('Bert', 'Berg');
  const state = (name: string, fingerprint: string, extra: Partial<ItemSyncState> = {}): ItemSyncState => ({
    outlookId: id(name),
    luid: luid(`c-${name}`),
    fingerprint,
    lastSyncedAt: '2026-01-01T00:00:00Z',
    ...extra,
  });
  const items = {
    anna: state('anna', testFingerprint(anna)),
    bert: state('bert', testFingerprint(bert)),
  };
  const settle = (changes: OutlookChange[], over: Partial<SettleInput> = {}) =>
    settleAfterWrites({
      items,
      pending: {},
      changeSet: { changes, nextCursor: outlookCursor('after'), fullResync: false },
      preWriteCursor: outlookCursor('before'),
      fingerprint: testFingerprint,
      direction: 'two-way',
      ...over,
    });
  return { anna, bert, items, state, settle };
}

describe('settleAfterWrites', () => {
  it('takes the cursor after our writes when every change in the round is an echo of ours', () => {
    const { anna, bert, settle } = setup();
    const settled = settle([
      { id: id('anna'), item: anna },
      { id: id('bert'), item: bert },
      { id: id('gone'), removed: true }, // an item we deleted: no longer in our state
    ]);
    expect(settled).toMatchObject({ cursor: 'after', echoes: 2, othersChanges: 0, pending: {} });
  });

  it('marks pending what changed in Outlook during the run: an edit, a deletion, a new item', () => {
    const { anna, settle } = setup();
    const settled = settle([
      { id: id('anna'), item: { ...anna, jobTitle: 'edited while the run wrote' } },
      { id: id('bert'), removed: true },
      { id: id('new'), item: contact('Dora', 'Dietz') },
    ]);
    expect(settled.cursor).toBe('after');
    expect(settled.othersChanges).toBe(3);
    expect(settled.pending).toEqual({ anna: 'resend', bert: 'resend', new: 'resend' });
  });

  it('keeps a pending reason the run already gave', () => {
    const { anna, settle } = setup();
    const edited = { id: id('anna'), item: { ...anna, jobTitle: 'x' } };
    expect(settle([edited], { pending: { anna: 'readd' } }).pending).toEqual({ anna: 'readd' });
  });

  it("counts the item's own link as proof of an echo and takes its fingerprint", () => {
    const { anna, settle } = setup();
    const reshaped = { ...anna, jobTitle: 'as Outlook keeps it' };
    const link = { luid: luid('c-anna'), fingerprint: testFingerprint(reshaped) };
    const settled = settle([{ id: id('anna'), item: reshaped, link }]);
    expect(settled.othersChanges).toBe(0);
    expect(settled.items['anna']?.fingerprint).toBe(link.fingerprint);
  });

  it('leaves our own partial writes alone', () => {
    const { anna, items, state, settle } = setup();
    const partial = { ...items, anna: state('anna', 'partial', { incomplete: true }) };
    expect(settle([{ id: id('anna'), item: anna }], { items: partial }).pending).toEqual({});
  });

  it('keeps the pre-write cursor for a full listing or an unreadable item', () => {
    const { anna, settle } = setup();
    const full = settle([], {
      changeSet: {
        changes: [{ id: id('anna'), item: anna }],
        nextCursor: outlookCursor('x'),
        fullResync: true,
      },
    });
    expect(full).toMatchObject({ cursor: 'before', pending: {} });
    const unreadable = settle([], {
      changeSet: {
        changes: [],
        nextCursor: outlookCursor('x'),
        fullResync: false,
        unreadable: [{ id: id('anna'), error: { code: 'INVALID_ITEM', message: 'bad' } }],
      },
    });
    expect(unreadable).toMatchObject({ cursor: 'before', pending: {} });
  });

  it('marks nothing pending for a folder that never sends Outlook changes', () => {
    const { anna, settle } = setup();
    const edited = { id: id('anna'), item: { ...anna, jobTitle: 'x' } };
    expect(settle([edited], { direction: 'crm-to-outlook' })).toMatchObject({ cursor: 'after', pending: {} });
  });
});
