/** Typed failures of the pane's browser storage (IndexedDB, roaming settings). Tests assert `code`. */
export type StorageErrorCode =
  /** IndexedDB is missing or refused to open (private window, blocked by policy, quota). */
  | 'STORAGE_UNAVAILABLE'
  /** A read or write in IndexedDB failed or was aborted. */
  | 'STORAGE_FAILED'
  /** The roaming settings would exceed their size limit. */
  | 'SETTINGS_TOO_LARGE'
  /** Something stored is not in the shape we wrote. */
  | 'STORAGE_INVALID';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | undefined>> = {},
  ) {
    super(message);
  }
}
