/**
 * Typed Graph failures. One table maps HTTP status and Graph's own error code to our stable codes
 * (CONVENTIONS.md rule 5); the UI and the sync engine branch on `code`, never on message text.
 */
import type { OutlookStoreErrorCode, OutlookStoreIssue } from '../../core/sync/outlook-store.js';

export type GraphErrorCode =
  | 'BAD_REQUEST' // 400: Graph refused the request as malformed or invalid
  | 'UNAUTHENTICATED' // 401: token missing or expired — sign in again
  | 'FORBIDDEN' // 403: a scope is missing or access is denied
  | 'NOT_FOUND' // 404
  | 'CONFLICT' // 409/412: concurrent change or precondition failed
  | 'FOLDER_EXISTS' // a folder of that name exists already (ErrorFolderExists)
  | 'SYNC_STATE_NOT_FOUND' // 410 / SyncStateNotFound / resyncRequired: the delta link is dead
  | 'THROTTLED' // 429 after the bounded retries
  | 'UNAVAILABLE' // 5xx after the bounded retries
  | 'OFFLINE' // fetch failed before any response (network down, DNS, CORS)
  | 'ABORTED' // the caller's AbortSignal fired
  | 'UNEXPECTED'; // anything else (a 2xx with a body we can't read, an unmapped status)

export interface GraphErrorDetails {
  readonly status?: number;
  /** Graph's own `error.code`, e.g. "ErrorItemNotFound", "SyncStateNotFound". */
  readonly graphCode?: string;
  readonly method?: string;
  /** Path without query (queries may hold names; ids in paths are opaque). */
  readonly path?: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
}

export class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(
    readonly code: GraphErrorCode,
    message: string,
    readonly details: GraphErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Graph error codes that mean more than their HTTP status says (compared case-insensitively). */
const GRAPH_CODE_TABLE: Readonly<Record<string, GraphErrorCode>> = {
  syncstatenotfound: 'SYNC_STATE_NOT_FOUND',
  resyncrequired: 'SYNC_STATE_NOT_FOUND',
  syncstateinvalid: 'SYNC_STATE_NOT_FOUND',
  errorfolderexists: 'FOLDER_EXISTS',
  erroritemnotfound: 'NOT_FOUND',
  errorinvalidid: 'NOT_FOUND',
  errormailboxconcurrency: 'THROTTLED',
  applicationthrottled: 'THROTTLED',
};

const STATUS_TABLE: Readonly<Record<number, GraphErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'SYNC_STATE_NOT_FOUND',
  412: 'CONFLICT',
  429: 'THROTTLED',
};

export function graphErrorCodeFor(status: number, graphCode?: string): GraphErrorCode {
  const byGraphCode = graphCode ? GRAPH_CODE_TABLE[graphCode.toLowerCase()] : undefined;
  if (byGraphCode) return byGraphCode;
  if (status >= 500) return 'UNAVAILABLE';
  return STATUS_TABLE[status] ?? 'UNEXPECTED';
}

/** Statuses worth retrying after a pause (Retry-After or backoff). */
export const isRetryableStatus = (status: number): boolean =>
  status === 429 || status === 503 || status === 504;

/** Reads Graph's `{ error: { code, message } }` body, tolerating anything else. */
export function readGraphErrorBody(body: unknown): { graphCode?: string; message?: string } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    ...(typeof code === 'string' ? { graphCode: code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

export function graphErrorFromResponse(
  status: number,
  body: unknown,
  context: { method: string; path: string; requestId?: string; retryAfterSeconds?: number },
): GraphError {
  const { graphCode, message } = readGraphErrorBody(body);
  const code = graphErrorCodeFor(status, graphCode);
  const details: GraphErrorDetails = {
    status,
    method: context.method,
    path: context.path,
    ...(graphCode ? { graphCode } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(context.retryAfterSeconds !== undefined ? { retryAfterSeconds: context.retryAfterSeconds } : {}),
  };
  return new GraphError(
    code,
    `Graph ${context.method} ${context.path}: ${status} ${message ?? graphCode ?? ''}`.trim(),
    details,
  );
}

const STORE_CODE: Readonly<Record<GraphErrorCode, OutlookStoreErrorCode>> = {
  BAD_REQUEST: 'INVALID_ITEM',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FOLDER_EXISTS: 'CONFLICT',
  SYNC_STATE_NOT_FOUND: 'UNEXPECTED',
  THROTTLED: 'THROTTLED',
  UNAVAILABLE: 'UNAVAILABLE',
  OFFLINE: 'OFFLINE',
  ABORTED: 'ABORTED',
  UNEXPECTED: 'UNEXPECTED',
};

/** The port's view of a Graph failure: our code, with Graph's details kept. */
export function toStoreIssue(error: GraphError): OutlookStoreIssue {
  const details: Record<string, string | number | boolean> = { graphErrorCode: error.code };
  for (const [key, value] of Object.entries(error.details)) if (value !== undefined) details[key] = value;
  return { code: STORE_CODE[error.code], message: error.message, details };
}
