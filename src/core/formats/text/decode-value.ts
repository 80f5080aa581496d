import type { FormatIssue } from '../../model/index.js';
import { decodeBytes, decodeUtf8 } from './charset.js';
import { paramValue, type ContentLine } from './content-line.js';
import { formatIssue } from './issues.js';
import { decodeQuotedPrintable } from './quoted-printable.js';

export type ValueEncoding = 'quoted-printable' | 'base64' | 'text';

/** Encoding words as they appear in ENCODING= or as bare 2.1 parameters. */
const ENCODING_WORDS: Readonly<Record<string, ValueEncoding>> = {
  'QUOTED-PRINTABLE': 'quoted-printable',
  QP: 'quoted-printable',
  BASE64: 'base64',
  B: 'base64',
  '8BIT': 'text',
  '7BIT': 'text',
};

/** The value encoding a property declares (`ENCODING=…` or a bare `QUOTED-PRINTABLE`/`BASE64`). */
export function encodingOf(line: ContentLine): ValueEncoding {
  const declared = paramValue(line, 'ENCODING')?.toUpperCase();
  if (declared !== undefined) return ENCODING_WORDS[declared] ?? 'text';
  for (const bare of line.bareParams) {
    const enc = ENCODING_WORDS[bare];
    if (enc !== undefined && bare !== 'B') return enc;
  }
  return 'text';
}

export interface DecodedValue {
  /** The value after QP and CHARSET decoding; still escaped (unescaping depends on the property's type). */
  readonly text: string;
  readonly encoding: ValueEncoding;
  readonly issues: readonly FormatIssue[];
}

/**
 * Undoes the transfer encoding of a text value: QUOTED-PRINTABLE bytes are decoded with CHARSET (default
 * UTF-8). Base64 values are returned as written (whitespace removed) for the caller to keep or decode.
 * A plain value is taken as already decoded by the transport; its CHARSET is only checked. Unknown charsets give
 * UNKNOWN_CHARSET and fall back to UTF-8 (then ISO-8859-1 where UTF-8 fails) so the text is still readable.
 */
export function decodePropertyValue(line: ContentLine): DecodedValue {
  const encoding = encodingOf(line);
  const issues: FormatIssue[] = [];
  const charset = paramValue(line, 'CHARSET');
  const known = charset === undefined || decodeBytes(new Uint8Array(0), charset) !== undefined;
  if (!known) {
    issues.push(formatIssue('UNKNOWN_CHARSET', `unknown charset ${charset}`, line.line, line.name));
  }
  if (encoding === 'base64') return { text: line.rawValue.replace(/\s+/g, ''), encoding, issues };
  if (encoding === 'text') return { text: line.rawValue, encoding, issues };
  const qp = decodeQuotedPrintable(line.rawValue);
  if (qp.badSequences.length > 0) {
    issues.push(formatIssue('BAD_QUOTED_PRINTABLE', 'invalid "=" sequence kept as is', line.line, line.name));
  }
  const decoded =
    (known && charset !== undefined ? decodeBytes(qp.bytes, charset) : undefined) ?? decodeUtf8(qp.bytes);
  if (decoded.replaced && (charset === undefined || !known)) {
    // Undeclared 8-bit QP is usually Latin-1/Windows-1252 from older phones.
    return { text: decodeBytes(qp.bytes, 'WINDOWS-1252')!.text, encoding, issues };
  }
  if (decoded.replaced) {
    issues.push(formatIssue('UNKNOWN_CHARSET', `bytes not valid in ${charset}`, line.line, line.name));
  }
  return { text: decoded.text, encoding, issues };
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether a (whitespace-free) base64 string is well formed. Linear regex, no backtracking. */
export function isWellFormedBase64(b64: string): boolean {
  return b64.length % 4 === 0 && BASE64_RE.test(b64);
}
