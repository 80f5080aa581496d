/**
 * Small pure charset codecs for CHARSET parameters (TextDecoder is not available in the pure core).
 * We read UTF-8, ISO-8859-1, ISO-8859-15 and Windows-1252 (plus US-ASCII); we only ever write UTF-8.
 */

export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3); // a UTF-16 unit never takes more than 3 bytes
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogate: not encodable
    if (cp < 0x80) out[n++] = cp;
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 0x3f);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    }
  }
  return out.subarray(0, n);
}

/** Number of UTF-8 bytes one code point takes. */
export function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export interface DecodedText {
  readonly text: string;
  /** True when some bytes were not valid in the charset and became U+FFFD. */
  readonly replaced: boolean;
}

/** Strict-enough UTF-8 decoder: invalid or truncated sequences become U+FFFD (one per bad byte). */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const chunks: string[] = [];
  let codes: number[] = [];
  let replaced = false;
  const push = (cp: number) => {
    codes.push(cp);
    if (codes.length >= 8192) {
      chunks.push(String.fromCodePoint(...codes));
      codes = [];
    }
  };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need === 0) {
      push(b);
      i++;
      continue;
    }
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      push(0xfffd);
      replaced = true;
      i++;
      continue;
    }
    push(cp);
    i += need + 1;
  }
  chunks.push(String.fromCodePoint(...codes));
  return { text: chunks.join(''), replaced };
}

/** Windows-1252 0x80–0x9F (undefined slots map to the C1 control, as browsers do). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
] as const;

/** ISO-8859-15 differs from ISO-8859-1 in eight positions (€, Š, š, Ž, ž, Œ, œ, Ÿ). */
const ISO_8859_15_DIFF: Readonly<Record<number, number>> = {
  0xa4: 0x20ac,
  0xa6: 0x0160,
  0xa8: 0x0161,
  0xb4: 0x017d,
  0xb8: 0x017e,
  0xbc: 0x0152,
  0xbd: 0x0153,
  0xbe: 0x0178,
};

function decodeSingleByte(bytes: Uint8Array, map: (b: number) => number): DecodedText {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    chunks.push(String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192), map)));
  }
  return { text: chunks.join(''), replaced: false };
}

type Decoder = (bytes: Uint8Array) => DecodedText;

const latin1: Decoder = (bytes) => decodeSingleByte(bytes, (b) => b);
const windows1252: Decoder = (bytes) =>
  decodeSingleByte(bytes, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b));
const latin9: Decoder = (bytes) => decodeSingleByte(bytes, (b) => ISO_8859_15_DIFF[b] ?? b);

/** Charset names (upper case, as senders spell them) → decoder. */
const DECODERS: Readonly<Record<string, Decoder>> = {
  'UTF-8': decodeUtf8,
  UTF8: decodeUtf8,
  'US-ASCII': latin1,
  ASCII: latin1,
  'ISO-8859-1': latin1,
  'ISO8859-1': latin1,
  'ISO_8859-1': latin1,
  LATIN1: latin1,
  'ISO-8859-15': latin9,
  'ISO8859-15': latin9,
  'WINDOWS-1252': windows1252,
  CP1252: windows1252,
};

/** Decodes bytes in a named charset; undefined when the charset is not one we know. */
export function decodeBytes(bytes: Uint8Array, charset: string): DecodedText | undefined {
  const decoder = DECODERS[charset.trim().toUpperCase()];
  return decoder?.(bytes);
}

export function isKnownCharset(charset: string): boolean {
  return DECODERS[charset.trim().toUpperCase()] !== undefined;
}
