/**
 * Errors in Graph's own shape. The emulator throws `GraphError` from the store and the routes; the
 * HTTP layer turns it into `{ error: { code, message } }` with the same status Graph would send.
 * Codes are Graph's (or Exchange's, where Graph passes them through) so that the Graph client's
 * error table can be tested against them.
 */
export type GraphErrorCode =
  | 'BadRequest'
  | 'RequestBodyRead'
  | 'ErrorInvalidRequest'
  | 'ErrorInvalidParameter'
  | 'ErrorInvalidUrlQuery'
  | 'ErrorInvalidUrlQueryFilter'
  | 'ErrorInvalidIdMalformed'
  | 'ErrorInvalidProperty'
  | 'ErrorPropertyValidationFailure'
  | 'ErrorCalendarEndDateIsEarlierThanStartDate'
  | 'TimeZoneNotSupportedException'
  | 'ErrorItemNotFound'
  | 'ErrorFolderExists'
  | 'ErrorCannotDeleteObject'
  | 'ErrorInvalidRecipients'
  | 'ResourceNotFound'
  | 'NameAlreadyExists'
  | 'SyncStateNotFound'
  | 'FailedDependency'
  | 'ApplicationThrottled'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  | 'ErrorInternalServerError'
  | 'MethodNotAllowed';

export class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(
    readonly status: number,
    readonly code: GraphErrorCode,
    message: string,
    /** Structured details for tests and logs: what was wrong and where. */
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.', { what, id });

export const badRequest = (code: GraphErrorCode, message: string, details: Record<string, unknown> = {}) =>
  new GraphError(400, code, message, details);

/** Graph's JSON error body. */
export function graphErrorBody(error: GraphError): {
  error: { code: string; message: string; innerError: object };
} {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': crypto.randomUUID(),
        ...error.details,
      },
    },
  };
}
