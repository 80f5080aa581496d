import { encodeUtf8 } from './charset.js';

export interface QpDecoded {
  readonly bytes: Uint8Array;
  /** Offsets (in the input) of '=' sequences that were not '=XX' hex or a soft break; kept literally. */
  readonly badSequences: readonly number[];
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

/**
 * Decodes QUOTED-PRINTABLE (RFC 2045 §6.7) to bytes. Soft line breaks left inside the value ('=' + CRLF) are
 * removed. Literal characters above 0x7F (raw 8-bit that the transport already decoded) are re-encoded as UTF-8,
 * which gives back the transport's bytes. A bad '=' sequence is kept literally and reported, never thrown.
 */
export function decodeQuotedPrintable(value: string): QpDecoded {
  const out = new Uint8Array(value.length * 4);
  let n = 0;
  const bad: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x3d) {
      const next = value.charCodeAt(i + 1);
      if (next === 0x0d || next === 0x0a) {
        i += next === 0x0d && value.charCodeAt(i + 2) === 0x0a ? 2 : 1;
        continue;
      }
      const hi = hexValue(next);
      const lo = hexValue(value.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
      bad.push(i);
      out[n++] = code;
      continue;
    }
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const cp = value.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    for (const b of encodeUtf8(ch)) out[n++] = b;
    i += ch.length - 1;
  }
  return { bytes: out.subarray(0, n), badSequences: bad };
}

const HEX = '0123456789ABCDEF';

/**
 * Encodes text as UTF-8 QUOTED-PRINTABLE for vCard 2.1 / vCalendar 1.0. Line breaks become `=0D=0A`; '=',
 * control characters, bytes ≥ 0x80 and a trailing space or tab are escaped. No soft breaks here: folding the
 * content line is `foldContentLine`'s job, which never splits an `=XX` triple.
 */
export function encodeQuotedPrintable(text: string): string {
  const bytes = encodeUtf8(text.replace(/\r\n|\r|\n/g, '\r\n'));
  let out = '';
  let runStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const blank = b === 0x20 || b === 0x09;
    if ((b >= 0x21 && b <= 0x7e && b !== 0x3d) || (blank && i < bytes.length - 1)) continue;
    out += latin1Run(bytes, runStart, i) + `=${HEX[b >> 4]}${HEX[b & 15]}`;
    runStart = i + 1;
  }
  return out + latin1Run(bytes, runStart, bytes.length);
}

/** Printable ASCII bytes [from, to) as a string, in chunks (fromCharCode has an argument limit). */
function latin1Run(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(to, i + 8192)));
  return out;
}

/** Whether a text value needs QP in 2.1/1.0: non-ASCII, line breaks, control characters or trailing blanks. */
export function needsQuotedPrintable(text: string): boolean {
  return /[^\x20-\x7e]/.test(text) || /[ \t]$/.test(text);
}
