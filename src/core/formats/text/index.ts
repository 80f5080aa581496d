/**
 * The text layer shared by vCard 2.1/3.0 and vCalendar 1.0/iCalendar 2.0: line codec and property tree.
 * Dialect tables and model mappings build on it (CONVENTIONS.md rule 6).
 */
export { type LineSyntax, MAX_LOGICAL_LINE_CHARS, FOLD_OCTETS } from './syntax.js';
export { formatIssue, FATAL_TEXT_CODES, isFatal } from './issues.js';
export { unfoldLines, type LogicalLine, type UnfoldResult } from './unfold.js';
export {
  parseContentLine,
  paramValue,
  typesOf,
  type ContentLine,
  type ContentLineResult,
} from './content-line.js';
export { decodeQuotedPrintable, encodeQuotedPrintable, needsQuotedPrintable } from './quoted-printable.js';
export { decodeBytes, decodeUtf8, encodeUtf8, isKnownCharset, type DecodedText } from './charset.js';
export { splitAndUnescape, unescapeText, escapeText, joinStructured, joinList } from './escape.js';
export { buildComponentTree, type Component, type ComponentTree } from './components.js';
export { foldLine, foldQuotedPrintableLine, foldBeforeWhitespace } from './fold.js';
export { writeContentLine, type PropertyToWrite } from './write-line.js';
export {
  decodePropertyValue,
  encodingOf,
  isWellFormedBase64,
  type DecodedValue,
  type ValueEncoding,
} from './decode-value.js';
export { readContentText, splitTopLevelBlocks, type TextBlock } from './read.js';
