/** Typed failures of the duplicate check, the review and the sync-folder wizard (stable codes for UI and tests). */
export type DedupeErrorCode =
  /** The folder has synced already: links are for its first sync only (docs/decisions/0091). */
  | 'ALREADY_SYNCED'
  /** No Outlook store for this kind of item. */
  | 'NO_OUTLOOK_STORE'
  /** The review does not belong to this check (different length or folder). */
  | 'REVIEW_MISMATCH'
  /** Stored decisions of a folder are malformed (hand-edited settings, another version). */
  | 'BAD_STORED_DECISIONS'
  /** The decisions could not be read or written (IndexedDB unavailable or refusing). */
  | 'STORAGE_FAILED'
  /** The first sync after the review did not complete (details: its outcome); the choices stay stored. */
  | 'FIRST_SYNC_FAILED'
  /** The user cancelled. */
  | 'ABORTED';

export class DedupeError extends Error {
  override readonly name = 'DedupeError';
  constructor(
    readonly code: DedupeErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(message);
  }
}
