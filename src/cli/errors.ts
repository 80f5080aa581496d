/**
 * The CLI's typed failures and its exit codes (README "Command-line sync"). Every failure that ends a command
 * is a CliError with a stable code; the entry point prints one line for it and exits with its code.
 */
export const EXIT = {
  done: 0,
  other: 1,
  usage: 2,
  guardStopped: 3,
  connection: 4,
  partial: 5,
  /** A scheduled (non-interactive) run found no usable saved sign-in: a person must sign in once. */
  signInRequired: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type CliErrorCode =
  | 'UNKNOWN_COMMAND'
  | 'UNKNOWN_FLAG'
  | 'MISSING_FLAG'
  | 'BAD_FLAG_VALUE'
  | 'MISSING_ARGUMENT'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'MAILBOX_INVALID'
  | 'MAILBOX_BUSY'
  | 'FOLDER_NOT_FOUND'
  | 'FOLDER_KIND_MISMATCH'
  | 'UNSUPPORTED_FILE'
  | 'NO_ITEMS_IMPORTED'
  | 'CONNECTION_FAILED'
  | 'GRAPH_FAILED'
  | 'RUN_FAILED'
  | 'RUN_CANCELLED'
  | 'GUARD_STOPPED'
  | 'ITEMS_FAILED'
  | 'NOTHING_TO_UNDO'
  | 'RUN_NOT_UNDOABLE'
  | 'STATE_INVALID'
  | 'SIGN_IN_REQUIRED'
  | 'SIGN_IN_FAILED';

const EXIT_OF: Readonly<Record<CliErrorCode, ExitCode>> = {
  UNKNOWN_COMMAND: EXIT.usage,
  UNKNOWN_FLAG: EXIT.usage,
  MISSING_FLAG: EXIT.usage,
  BAD_FLAG_VALUE: EXIT.usage,
  MISSING_ARGUMENT: EXIT.usage,
  FILE_NOT_FOUND: EXIT.other,
  FILE_UNREADABLE: EXIT.other,
  MAILBOX_INVALID: EXIT.other,
  MAILBOX_BUSY: EXIT.other,
  FOLDER_NOT_FOUND: EXIT.other,
  FOLDER_KIND_MISMATCH: EXIT.usage,
  UNSUPPORTED_FILE: EXIT.usage,
  NO_ITEMS_IMPORTED: EXIT.partial,
  CONNECTION_FAILED: EXIT.connection,
  GRAPH_FAILED: EXIT.other,
  RUN_FAILED: EXIT.other,
  RUN_CANCELLED: EXIT.other,
  GUARD_STOPPED: EXIT.guardStopped,
  ITEMS_FAILED: EXIT.partial,
  NOTHING_TO_UNDO: EXIT.other,
  RUN_NOT_UNDOABLE: EXIT.other,
  STATE_INVALID: EXIT.other,
  SIGN_IN_REQUIRED: EXIT.signInRequired,
  SIGN_IN_FAILED: EXIT.connection,
};

export type CliErrorDetails = Readonly<Record<string, string | number | boolean | undefined>>;

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly details: CliErrorDetails = {},
  ) {
    super(message);
  }

  get exitCode(): ExitCode {
    return EXIT_OF[this.code];
  }
}

/** Failures of the layers below as CliErrors: sign-in and reachability are exit 4, the rest exit 1. */
export function toCliError(e: unknown): CliError | undefined {
  // A sign-in failure inside a Graph call arrives wrapped (GraphError, then OutlookStoreError): its own code wins.
  for (let link = e, depth = 0; link instanceof Error && depth < 4; link = link.cause, depth++) {
    if (link instanceof CliError) return link;
  }
  const failure = e as { name?: string; code?: unknown } | null;
  const code = typeof failure?.code === 'string' ? failure.code : undefined;
  if (!code) return undefined;
  if (failure?.name === 'SyncMLError') {
    return CONNECTION_CODES.has(code)
      ? new CliError('CONNECTION_FAILED', 'the CRM connection failed', { reason: code })
      : new CliError('RUN_FAILED', 'the SyncML session failed', { reason: code });
  }
  if (failure?.name === 'SyncError') {
    return new CliError('RUN_FAILED', 'the sync engine refused', { reason: code });
  }
  if (failure?.name === 'DedupeError') {
    return code === 'ABORTED'
      ? new CliError('RUN_CANCELLED', 'the duplicate check was cancelled')
      : new CliError('RUN_FAILED', 'the duplicate check failed', { reason: code });
  }
  if (failure?.name === 'GraphError' || failure?.name === 'OutlookStoreError') {
    return ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFLINE'].includes(code)
      ? new CliError('CONNECTION_FAILED', 'the mailbox is not reachable', { reason: `Graph ${code}` })
      : new CliError('GRAPH_FAILED', 'the mailbox failed', { reason: code });
  }
  return undefined;
}

/** SyncML client failures that mean "can't reach or sign in to the CRM". */
export const CONNECTION_CODES: ReadonlySet<string> = new Set([
  'UNREACHABLE',
  'TIMEOUT',
  'HTTP_STATUS',
  'AUTH_FAILED',
  'AUTH_REQUIRED',
  'NOT_SYNCML',
  'MALFORMED_XML',
  'DATASTORE_REJECTED',
]);
