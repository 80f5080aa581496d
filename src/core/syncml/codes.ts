/**
 * SyncML alert and status codes in one place (CONVENTIONS.md rule 5): code → meaning → outcome.
 * Source: ../shared/reference/syncml.md §2.
 */

export const ALERT = {
  TWO_WAY: 200,
  SLOW: 201,
  ONE_WAY_FROM_CLIENT: 202,
  REFRESH_FROM_CLIENT: 203,
  ONE_WAY_FROM_SERVER: 204,
  REFRESH_FROM_SERVER: 205,
  TWO_WAY_BY_SERVER: 206,
  ONE_WAY_FROM_CLIENT_BY_SERVER: 207,
  REFRESH_FROM_CLIENT_BY_SERVER: 208,
  ONE_WAY_FROM_SERVER_BY_SERVER: 209,
  REFRESH_FROM_SERVER_BY_SERVER: 210,
  RESULT: 221,
  NEXT_MESSAGE: 222,
  NO_END_OF_DATA: 223,
  SUSPEND: 224,
  RESUME: 225,
} as const;

export type SyncMode =
  | 'two-way'
  | 'slow'
  | 'one-way-from-client'
  | 'refresh-from-client'
  | 'one-way-from-server'
  | 'refresh-from-server';

/** Sync alert code → mode; the "by server" variants (206–210) run as their plain counterparts. */
export const SYNC_MODE_BY_ALERT: Readonly<Record<number, SyncMode>> = {
  200: 'two-way',
  201: 'slow',
  202: 'one-way-from-client',
  203: 'refresh-from-client',
  204: 'one-way-from-server',
  205: 'refresh-from-server',
  206: 'two-way',
  207: 'one-way-from-client',
  208: 'refresh-from-client',
  209: 'one-way-from-server',
  210: 'refresh-from-server',
};

export const ALERT_BY_SYNC_MODE = {
  'two-way': 200,
  slow: 201,
  'one-way-from-client': 202,
  'refresh-from-client': 203,
  'one-way-from-server': 204,
  'refresh-from-server': 205,
} as const satisfies Record<SyncMode, number>;

/** Which way data flows in each mode. */
export const MODE_FLOW = {
  'two-way': { clientSends: true, serverSends: true, clientSendsAll: false },
  slow: { clientSends: true, serverSends: true, clientSendsAll: true },
  'one-way-from-client': { clientSends: true, serverSends: false, clientSendsAll: false },
  'refresh-from-client': { clientSends: true, serverSends: false, clientSendsAll: true },
  'one-way-from-server': { clientSends: false, serverSends: true, clientSendsAll: false },
  'refresh-from-server': { clientSends: false, serverSends: true, clientSendsAll: false },
} as const satisfies Record<
  SyncMode,
  { clientSends: boolean; serverSends: boolean; clientSendsAll: boolean }
>;

/** SyncType numbers of DevInf SyncCap (1 two-way … 7 server-alerted). */
export const SYNC_TYPE_BY_MODE = {
  'two-way': 1,
  slow: 2,
  'one-way-from-client': 3,
  'refresh-from-client': 4,
  'one-way-from-server': 5,
  'refresh-from-server': 6,
} as const satisfies Record<SyncMode, number>;

/**
 * What a status code means for the command it answers:
 * - ok: done; chunk: chunk buffered, send the next one; auth: credentials problem;
 * - refresh: 508 on an Alert, a slow-sync Alert follows; retry: temporary, resend next run;
 * - fail: this command failed, keep the item dirty.
 */
export type StatusOutcome = 'ok' | 'chunk' | 'auth' | 'refresh' | 'retry' | 'fail';

export const STATUS = {
  IN_PROGRESS: 101,
  OK: 200,
  ITEM_ADDED: 201,
  ACCEPTED: 202,
  NO_CONTENT: 204,
  MERGED: 207,
  CLIENT_WINS: 208,
  DUPLICATE: 209,
  DELETE_WITHOUT_ARCHIVE: 210,
  ITEM_NOT_DELETED: 211,
  AUTH_ACCEPTED: 212,
  CHUNK_ACCEPTED: 213,
  CANCELLED: 214,
  NOT_EXECUTED: 215,
  BAD_REQUEST: 400,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  COMMAND_NOT_ALLOWED: 405,
  NOT_SUPPORTED: 406,
  MISSING_CREDENTIALS: 407,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  INCOMPLETE_COMMAND: 412,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SIZE_TOO_BIG: 416,
  RETRY_LATER: 417,
  ALREADY_EXISTS: 418,
  SERVER_WINS: 419,
  DEVICE_FULL: 420,
  SIZE_MISMATCH: 424,
  PARTIAL_ITEM_NOT_ACCEPTED: 426,
  COMMAND_FAILED: 500,
  NOT_IMPLEMENTED: 501,
  SERVICE_UNAVAILABLE: 503,
  PROCESSING_ERROR: 506,
  REFRESH_REQUIRED: 508,
  CANNOT_RESUME: 509,
  DATASTORE_FAILURE: 510,
  SERVER_FAILURE: 511,
  SYNC_FAILED: 512,
  OPERATION_CANCELLED: 514,
} as const;

const STATUS_OUTCOME: Readonly<Record<number, StatusOutcome>> = {
  101: 'retry',
  200: 'ok',
  201: 'ok',
  202: 'ok',
  203: 'ok',
  204: 'ok',
  205: 'ok',
  206: 'ok',
  207: 'ok',
  208: 'ok',
  209: 'ok',
  210: 'ok',
  // our Delete hit nothing: the item is gone either way (libsynthesis treats it alike)
  211: 'ok',
  212: 'ok',
  213: 'chunk',
  214: 'fail',
  215: 'fail',
  401: 'auth',
  407: 'auth',
  408: 'retry',
  417: 'retry',
  // "already exists": a slow-sync match reported by some servers (ScheduleWorld); success
  418: 'ok',
  // merged / server wins: our change is settled, the server's version comes down
  419: 'ok',
  503: 'retry',
  508: 'refresh',
  510: 'retry',
};

/** Outcome of a status code; unknown 2xx count as ok, everything else unknown as failure. */
export function statusOutcome(code: number): StatusOutcome {
  const known = STATUS_OUTCOME[code];
  if (known) return known;
  return code >= 200 && code < 300 ? 'ok' : 'fail';
}

export function isSuccessStatus(code: number): boolean {
  return statusOutcome(code) === 'ok';
}

/** A status code we know at all (anything outside 1xx–5xx is a protocol violation). */
export function isPlausibleStatus(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 599;
}
