/**
 * Deletion guard: pauses a run that would delete more than a share of a folder, or empty it. Unwanted mass
 * deletion is users' second most frequent complaint (peers.md §2); peers only warn when *all* items go, or ship
 * the check disabled. Checked on both sides: Outlook's deletions before we send them (package 3), the server's
 * deletions when its package 4 arrives.
 */
import type { Luid, OutlookFolderId, OutlookItemId } from '../model/index.js';

export interface DeletionGuardSettings {
  /** Share of the folder above which a run pauses (0.1 = more than 10 %). */
  readonly maxShare: number;
}

export const DEFAULT_DELETION_GUARD: DeletionGuardSettings = { maxShare: 0.1 };

/** Where the items would be deleted. */
export type DeletionTarget = 'outlook' | 'crm';

export interface DeletionCandidate {
  readonly luid?: Luid;
  readonly outlookId?: OutlookItemId;
  readonly name: string;
}

export interface DeletionGuardInput {
  readonly folderId: OutlookFolderId;
  readonly datastore: string;
  readonly target: DeletionTarget;
  /** Items on the target side that take part in the sync before this run (linked items). */
  readonly folderItemCount: number;
  readonly deletions: readonly DeletionCandidate[];
  readonly settings: DeletionGuardSettings;
}

export type GuardTripReason = 'FOLDER_WOULD_EMPTY' | 'SHARE_EXCEEDED';

/** What the pane shows with "Continue" / "Stop". */
export interface GuardTrip {
  readonly reason: GuardTripReason;
  readonly folderId: OutlookFolderId;
  readonly datastore: string;
  readonly target: DeletionTarget;
  readonly folderItemCount: number;
  /** deletions / folderItemCount (1 when the folder would empty). */
  readonly share: number;
  readonly maxShare: number;
  readonly deletions: readonly DeletionCandidate[];
}

export function checkDeletionGuard(input: DeletionGuardInput): GuardTrip | undefined {
  const count = input.deletions.length;
  if (count === 0) return undefined;
  const base = {
    folderId: input.folderId,
    datastore: input.datastore,
    target: input.target,
    folderItemCount: input.folderItemCount,
    maxShare: input.settings.maxShare,
    deletions: input.deletions,
  };
  // Deleting as many items as we know of (or more: the count can lag) empties the folder, whatever its size.
  if (count >= input.folderItemCount) return { ...base, reason: 'FOLDER_WOULD_EMPTY', share: 1 };
  const share = count / input.folderItemCount;
  if (share > input.settings.maxShare) return { ...base, reason: 'SHARE_EXCEEDED', share };
  return undefined;
}
