/** Typed errors of the sandbox CRM (CONVENTIONS.md rule 9): stable codes, structured details. */
export type CrmErrorCode =
  'RECORD_NOT_FOUND' | 'UNKNOWN_DATASTORE' | 'INVALID_RECORD' | 'STORE_CLOSED' | 'BAD_REQUEST';

export class CrmError extends Error {
  override readonly name = 'CrmError';
  constructor(
    readonly code: CrmErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}
