import type { FormatIssue, FormatIssueCode } from '../../model/index.js';

/** Builds a FormatIssue; `line` and `property` are left out when unknown so issues compare cleanly. */
export function formatIssue(
  code: FormatIssueCode,
  message: string,
  line?: number,
  property?: string,
): FormatIssue {
  const issue: { code: FormatIssueCode; message: string; line?: number; property?: string } = {
    code,
    message,
  };
  if (line !== undefined) issue.line = line;
  if (property !== undefined) issue.property = property;
  return issue;
}

/**
 * Issue codes that make the whole item unusable: the text layer reports them, the dialect parser turns the
 * first one into `ParseResult.ok === false`. Everything else is a warning on a whole item.
 */
export const FATAL_TEXT_CODES: ReadonlySet<FormatIssueCode> = new Set<FormatIssueCode>([
  'NUL_BYTE',
  'TOO_LARGE',
  'UNTERMINATED_COMPONENT',
  'MISSING_COMPONENT',
]);

export function isFatal(issue: FormatIssue): boolean {
  return FATAL_TEXT_CODES.has(issue.code);
}
