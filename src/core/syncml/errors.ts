/**
 * Typed SyncML failures (CONVENTIONS.md rule 9). Every fault of a session ends in one of these
 * codes; tests assert the code, the UI picks its text by code, `details` says where.
 */
export type SyncMLErrorCode =
  // the bytes we got
  | 'MALFORMED_XML'
  | 'NOT_SYNCML'
  | 'UNSUPPORTED_VERSION'
  | 'MISSING_ELEMENT'
  | 'BAD_VALUE'
  | 'UNKNOWN_COMMAND'
  // transport
  | 'HTTP_STATUS'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'CANCELLED'
  // authentication
  | 'AUTH_FAILED'
  | 'AUTH_REQUIRED'
  // protocol flow
  | 'SERVER_ERROR'
  | 'DATASTORE_REJECTED'
  | 'SYNC_REJECTED'
  | 'MAP_REJECTED'
  | 'UNEXPECTED_STATUS'
  | 'MISSING_STATUS'
  | 'UNEXPECTED_COMMAND'
  | 'MODE_NOT_ALLOWED'
  | 'NO_FINAL'
  | 'ITEM_TOO_LARGE'
  | 'CHUNK_SIZE_MISMATCH'
  | 'CHUNK_INTERRUPTED'
  // caller
  | 'ABORTED_BY_HOOK'
  | 'BAD_OUTCOMES'
  | 'SLOW_SYNC_NEEDS_ALL_ITEMS'
  | 'BAD_CONFIG';

export type SyncMLErrorDetails = Readonly<Record<string, string | number | boolean | undefined>>;

export class SyncMLError extends Error {
  override readonly name = 'SyncMLError';
  constructor(
    readonly code: SyncMLErrorCode,
    message: string,
    readonly details: SyncMLErrorDetails = {},
  ) {
    super(message);
  }
}

export function isSyncMLError(e: unknown): e is SyncMLError {
  return e instanceof SyncMLError;
}
