import { describe, expect, it } from 'vitest';
import {
  createMemoryJournalStore,
  planRestoreVersion,
  planUndo,
  SyncError,
  type JournalFolder,
  type JournalRun,
} from '../../../src/core/sync/index.js';
import { contact, FOLDER, id, luid } from './fixtures.js';
import { describeJournalStoreContract, journalRun } from './journal-store.contract.js';

describeJournalStoreContract('in-memory', async () => createMemoryJournalStore());

const before = contact('Anna', 'Before');
const after = contact('Anna', 'After');
const link = { luid: luid('c1'), fingerprint: 'fp-after' };

function setup(): { folder: JournalFolder; run: JournalRun } {
  const folder: JournalFolder = {
    folderId: FOLDER,
    datastore: 'addressbook',
    kind: 'contact',
    entries: [
      { entryId: '0.0', result: 'created', luid: luid('c5'), outlookId: id('o5'), name: 'New', after },
      {
        entryId: '0.1',
        result: 'updated',
        luid: luid('c1'),
        outlookId: id('o1'),
        name: 'Anna',
        before,
        after,
        link,
      },
      { entryId: '0.2', result: 'deleted', luid: luid('c2'), outlookId: id('o2'), name: 'Gone', before },
      {
        entryId: '0.3',
        result: 'conflict',
        luid: luid('c1'),
        outlookId: id('o1'),
        name: 'Anna',
        conflict: {
          luid: luid('c1'),
          outlookId: id('o1'),
          name: 'Anna',
          kind: 'both-changed',
          winner: 'crm',
          policy: 'crm-wins',
          crmVersion: after,
          outlookVersion: before,
        },
      },
      {
        entryId: '0.4',
        result: 'failed',
        side: 'crm',
        luid: luid('c3'),
        name: 'Bad',
        reason: { code: 'SERVER_REJECTED', status: 500 },
      },
    ],
  };
  return { folder, run: { ...journalRun('r1', '2026-01-01T00:00:00Z'), folders: [folder] } };
}

describe('planUndo', () => {
  it('reverses the run newest first: re-creates deleted items, restores updated ones, deletes created ones', () => {
    const { folder } = setup();
    const undo = planUndo(folder);
    expect(undo.writes.map((w) => w.op)).toEqual(['create', 'update', 'delete']);
    expect(undo.writes[1]).toMatchObject({ id: 'o1', item: before, link });
    expect(undo.writes[2]).toMatchObject({ id: 'o5' });
    expect(undo.readdKeys).toEqual([undo.writes[0]?.key]);
  });
});

describe('planRestoreVersion', () => {
  it('brings back the losing version of a conflict', () => {
    const { run } = setup();
    const { write, folderId } = planRestoreVersion(run, '0.3');
    expect(folderId).toBe(FOLDER);
    expect(write).toMatchObject({ op: 'update', id: 'o1', item: before });
  });

  it('refuses entries that are not conflicts, and unknown entries, with typed codes', () => {
    const { run } = setup();
    const codeOf = (entryId: string) => {
      try {
        planRestoreVersion(run, entryId);
        return 'none';
      } catch (e) {
        return (e as SyncError).code;
      }
    };
    expect(codeOf('0.1')).toBe('NOT_RESTORABLE');
    expect(codeOf('9.9')).toBe('JOURNAL_NOT_FOUND');
  });
});
