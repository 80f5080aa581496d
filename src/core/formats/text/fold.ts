import { utf8Length } from './charset.js';
import { FOLD_OCTETS } from './syntax.js';

/**
 * Folds one logical line into physical lines of at most `maxOctets` UTF-8 bytes (plus CRLF), never inside a
 * UTF-8 sequence or a surrogate pair. Continuation lines start with one space (RFC 2425 §5.8.1): use it for RFC
 * syntax and for base64 in versit syntax (whitespace inside base64 is ignored).
 */
export function foldLine(line: string, maxOctets: number = FOLD_OCTETS): string {
  if (line.length <= maxOctets / 4) return line; // fast path: cannot exceed the limit even at 4 bytes/char
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = maxOctets;
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const size = utf8Length(cp);
    if (octets + size > limit) {
      out.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = maxOctets - 1; // the leading space counts
    }
    octets += size;
    i += units;
  }
  out.push(line.slice(start));
  return out.join('\r\n ');
}

/**
 * Folds a QUOTED-PRINTABLE line with soft breaks ('=' at the end, next line without leading space), as vCard 2.1
 * readers expect. Never splits an `=XX` triple. The value is ASCII after QP encoding; the header may not be, so
 * octets are counted as UTF-8.
 */
export function foldQuotedPrintableLine(line: string, maxOctets: number = FOLD_OCTETS): string {
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  const budget = maxOctets - 1; // room for the soft-break '='
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i)!;
    const step = line[i] === '=' && i + 2 < line.length ? 3 : cp > 0xffff ? 2 : 1;
    const size = step === 3 ? 3 : utf8Length(cp);
    if (octets + size > budget && i > start) {
      out.push(line.slice(start, i) + '=');
      start = i;
      octets = 0;
    }
    octets += size;
    i += step;
  }
  out.push(line.slice(start));
  return out.join('\r\n');
}

/**
 * Versit (2.1) folding for plain text: break *before* existing whitespace, which stays part of the value when
 * unfolding. A line with no whitespace to break at stays long (allowed; we QP-encode values that need more).
 */
export function foldBeforeWhitespace(line: string, maxOctets: number = FOLD_OCTETS): string {
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  let lastBlank = -1;
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i)!;
    if ((cp === 0x20 || cp === 0x09) && i > start) lastBlank = i;
    octets += utf8Length(cp);
    if (octets > maxOctets && lastBlank > start) {
      out.push(line.slice(start, lastBlank));
      start = lastBlank;
      lastBlank = -1;
      octets = utf8LengthOf(line, start, i + (cp > 0xffff ? 2 : 1));
    }
    i += cp > 0xffff ? 2 : 1;
  }
  out.push(line.slice(start));
  return out.join('\r\n');
}

function utf8LengthOf(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to;) {
    const cp = s.codePointAt(i)!;
    n += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return n;
}
