import { describe, expect, it } from 'vitest';
import { checkDeletionGuard, DEFAULT_DELETION_GUARD } from '../../../src/core/sync/index.js';
import { FOLDER, luid } from './fixtures.js';

function setup(folderItemCount: number, deleting: number, maxShare = DEFAULT_DELETION_GUARD.maxShare) {
  const deletions = Array.from({ length: deleting }, (_, i) => ({ luid: luid(`c${i}`), name: `item ${i}` }));
  return checkDeletionGuard({
    folderId: FOLDER,
    datastore: 'addressbook',
    target: 'outlook',
    folderItemCount,
    deletions,
    settings: { maxShare },
  });
}

describe('deletion guard', () => {
  it('defaults to 10 %', () => {
    expect(DEFAULT_DELETION_GUARD.maxShare).toBe(0.1);
  });

  it('lets a run through at or below the share', () => {
    expect(setup(100, 0)).toBeUndefined();
    expect(setup(100, 10)).toBeUndefined();
  });

  it('trips above the share and returns what would be deleted', () => {
    const trip = setup(100, 11);
    expect(trip?.reason).toBe('SHARE_EXCEEDED');
    expect(trip?.share).toBeCloseTo(0.11);
    expect(trip?.deletions).toHaveLength(11);
    expect(trip?.target).toBe('outlook');
  });

  it('always trips when the whole folder would empty, whatever its size', () => {
    expect(setup(1, 1)?.reason).toBe('FOLDER_WOULD_EMPTY');
    expect(setup(3, 3, 1)?.reason).toBe('FOLDER_WOULD_EMPTY');
    expect(setup(2, 5)?.reason).toBe('FOLDER_WOULD_EMPTY');
  });
});
