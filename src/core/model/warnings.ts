/**
 * Typed warnings and errors for conversions (CONVENTIONS.md rule 9): stable codes, structured
 * details, the line an error came from. Tests assert codes, never message text.
 */
export type FormatIssueCode =
  | 'BAD_FOLDING'
  | 'BAD_QUOTED_PRINTABLE'
  | 'UNKNOWN_CHARSET'
  | 'INVALID_DATE'
  | 'INVALID_RRULE'
  | 'UNSUPPORTED_RECURRENCE'
  | 'UNTERMINATED_COMPONENT'
  | 'MISSING_COMPONENT'
  | 'NUL_BYTE'
  | 'TOO_LARGE'
  | 'BAD_BASE64'
  | 'FIELD_NOT_REPRESENTABLE'
  | 'UNKNOWN_TIMEZONE'
  | 'MALFORMED_LINE'
  | 'MISSING_REQUIRED';

export interface FormatIssue {
  readonly code: FormatIssueCode;
  readonly message: string;
  /** 1-based line in the input, when the issue came from a line. */
  readonly line?: number;
  readonly property?: string;
}

export class FormatError extends Error {
  override readonly name = 'FormatError';
  constructor(
    readonly code: FormatIssueCode,
    message: string,
    readonly line?: number,
    readonly property?: string,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** Result of a parse: either a whole item with warnings, or a typed error. Never a half item. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly FormatIssue[] }
  | { readonly ok: false; readonly error: FormatIssue; readonly warnings: readonly FormatIssue[] };
