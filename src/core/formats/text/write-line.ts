import { encodeUtf8 } from './charset.js';
import { foldBeforeWhitespace, foldLine, foldQuotedPrintableLine } from './fold.js';
import { encodeQuotedPrintable, needsQuotedPrintable } from './quoted-printable.js';
import { FOLD_OCTETS, type LineSyntax } from './syntax.js';

/** A property to write. `value` is already escaped for the syntax (see escape.ts); transfer encoding is done here. */
export interface PropertyToWrite {
  readonly name: string;
  readonly group?: string;
  /** Named parameters in output order, e.g. [['TYPE', 'WORK,VOICE']]. Values are written as given. */
  readonly params?: ReadonlyArray<readonly [string, string]>;
  /** Bare 2.1 parameters (`TEL;CELL:`), written after the named ones. */
  readonly bareParams?: readonly string[];
  readonly value: string;
  /** The value is base64 (binary): never QP-encoded, folded with a leading space. */
  readonly base64?: boolean;
}

/** Commas stay bare: in a parameter they separate list values (`TYPE=WORK,VOICE`). */
const NEEDS_QUOTES = /[:;]/;

function headerOf(
  prop: PropertyToWrite,
  syntax: LineSyntax,
  extra: ReadonlyArray<readonly [string, string]>,
): string {
  const parts = [prop.group ? `${prop.group}.${prop.name}` : prop.name];
  for (const [name, value] of [...(prop.params ?? []), ...extra]) {
    const quoted = syntax === 'rfc' && NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, "'")}"` : value;
    parts.push(`${name}=${quoted}`);
  }
  for (const bare of prop.bareParams ?? []) parts.push(bare);
  return parts.join(';');
}

/**
 * Serialises one property as folded physical lines joined by CRLF (no trailing CRLF).
 * Versit syntax: a value with non-ASCII, line breaks or trailing blanks becomes
 * `;ENCODING=QUOTED-PRINTABLE` (+ `;CHARSET=UTF-8` when non-ASCII) with soft line breaks; other long values are
 * folded before whitespace, or QP-encoded when that cannot keep lines within 75 octets. RFC syntax: plain
 * folding at 75 octets.
 */
export function writeContentLine(prop: PropertyToWrite, syntax: LineSyntax): string {
  if (prop.base64) return foldLine(`${headerOf(prop, syntax, [])}:${prop.value}`);
  if (syntax === 'rfc') return foldLine(`${headerOf(prop, syntax, [])}:${prop.value}`);
  if (!needsQuotedPrintable(prop.value)) {
    const folded = foldBeforeWhitespace(`${headerOf(prop, syntax, [])}:${prop.value}`);
    // A value with no blank to fold at (a long URL) goes QP instead: soft breaks keep lines short.
    if (folded.split('\r\n').every((physical) => physical.length <= FOLD_OCTETS)) return folded;
  }
  // eslint-disable-next-line no-control-regex
  const extra: Array<readonly [string, string]> = /[^\x00-\x7f]/.test(prop.value)
    ? [['CHARSET', 'UTF-8']]
    : [];
  extra.unshift(['ENCODING', 'QUOTED-PRINTABLE']);
  return foldQuotedPrintableAfterHeader(headerOf(prop, syntax, extra), encodeQuotedPrintable(prop.value));
}

/**
 * Soft breaks in the value only: readers (ours, and 2.1 phones) join them only once they have seen
 * QUOTED-PRINTABLE in the header on the first physical line, so the header is never broken. A
 * header too long to leave room for a value octet ends its line with a soft break after ':'.
 */
function foldQuotedPrintableAfterHeader(header: string, encodedValue: string): string {
  const first = `${header}:`;
  if (encodedValue === '') return first;
  const headerOctets = encodeUtf8(first).length;
  if (headerOctets + 4 > FOLD_OCTETS) return `${first}=\r\n${foldQuotedPrintableLine(encodedValue)}`;
  // Fold with a plain stand-in of the header's octet count (it has no '=' to misread as '=XX'),
  // then put the header back: the first break falls inside the value, with the same budget.
  const standIn = 'x'.repeat(headerOctets);
  return first + foldQuotedPrintableLine(standIn + encodedValue).slice(headerOctets);
}
