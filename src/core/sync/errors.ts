/**
 * Typed errors of the sync engine (CONVENTIONS.md rule 9): a stable `code`, structured `details`.
 * Item-level problems become journal entries with a reason; run-level problems end the run and commit nothing.
 */
export type SyncErrorCode =
  /** A second writer tried to commit a folder's checkpoint while another commit was in flight. */
  | 'CHECKPOINT_WRITER_BUSY'
  /** A commit was attempted for a run that had been cancelled. */
  | 'COMMIT_AFTER_CANCEL'
  /** A stored folder state does not belong to the folder/datastore it was loaded for. */
  | 'STATE_MISMATCH'
  /** A sync, undo or restore over the same state is already running. */
  | 'RUN_IN_PROGRESS'
  /** The run was cancelled through its AbortSignal. */
  | 'CANCELLED'
  /** The SyncML session failed (transport, protocol, authentication). */
  | 'SESSION_FAILED'
  /** Reading changes from the Outlook store failed. */
  | 'OUTLOOK_READ_FAILED'
  /** Writing to the Outlook store failed as a whole (not per item). */
  | 'OUTLOOK_WRITE_FAILED'
  /** Saving the checkpoint or the journal failed. */
  | 'STORAGE_FAILED'
  /** The reducer got an event it cannot handle in its current phase (a bug in the executor). */
  | 'UNEXPECTED_EVENT'
  /** A journal run or entry asked for does not exist or cannot be restored. */
  | 'JOURNAL_NOT_FOUND'
  | 'NOT_RESTORABLE';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean | undefined>> = {},
  ) {
    super(message);
  }
}

/** Why a single item did not go through; the journal and the pane show it per item. */
export type ItemFailureCode =
  /** The server's data could not be parsed into our model. */
  | 'UNPARSEABLE'
  /** The server rejected our change with this SyncML status. */
  | 'SERVER_REJECTED'
  /** Outlook (Graph) refused the write. */
  | 'OUTLOOK_REJECTED'
  /** A Replace or Delete named a LUID we do not know. */
  | 'UNKNOWN_LUID'
  /** The server sent a change although the folder's direction says "Outlook → CRM only". */
  | 'DIRECTION_BLOCKED'
  /** The run was cancelled before this item was written. */
  | 'CANCELLED'
  /** Outlook has the item but it could not be read into our model; it is left alone. */
  | 'OUTLOOK_UNREADABLE'
  /** Outlook stored the item only in part (a series without its exceptions); it is written again later. */
  | 'PARTIAL_WRITE';

export interface ItemFailure {
  readonly code: ItemFailureCode;
  /** SyncML status (server side) or HTTP status (Graph side), when there is one. */
  readonly status?: number;
  /** Short technical detail (parser issue code, Graph error code); never user text. */
  readonly detail?: string;
}
