import type { LineSyntax } from './syntax.js';

/**
 * Backslash escapes per line syntax, as data (CONVENTIONS.md rule 6).
 * vCard 2.1 / vCalendar 1.0 escape only the separators of structured and list values (`\;`, and `\,` which
 * some writers use in lists); a lone backslash is literal, so `C:\new` stays `C:\new`. Line breaks travel as
 * QUOTED-PRINTABLE there. RFC syntax escapes `\\ \, \; \n`.
 */
interface EscapeTable {
  /** Escaped character → meaning (the character after the backslash, upper/lower case as listed). */
  readonly unescape: Readonly<Record<string, string>>;
  /** Characters escaped on output with a backslash; '\n' is written as `\n`. */
  readonly escape: Readonly<Record<string, string>>;
}

const ESCAPES: Readonly<Record<LineSyntax, EscapeTable>> = {
  versit: {
    unescape: { ';': ';', ',': ',', '\\': '\\' },
    // '\\' is escaped only where a reader could take it for an escape (see escapeText).
    escape: { ';': '\\;' },
  },
  rfc: {
    unescape: { '\\': '\\', ';': ';', ',': ',', n: '\n', N: '\n', ':': ':' },
    escape: { '\\': '\\\\', ';': '\\;', ',': '\\,', '\n': '\\n' },
  },
};

/**
 * Splits a raw value at unescaped separators (each character of `separators`, e.g. ';' or ',;') and unescapes
 * each part. `separators` null = no splitting.
 * Unknown escapes keep both characters (lenient: `\x` from a sloppy writer is not data loss). Linear.
 */
export function splitAndUnescape(raw: string, syntax: LineSyntax, separators: string | null): string[] {
  const table = ESCAPES[syntax].unescape;
  const parts: string[] = [];
  let current: string[] = [];
  let runStart = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const meaning = table[raw[i + 1]!];
      if (meaning !== undefined) {
        current.push(raw.slice(runStart, i), meaning);
        i++;
        runStart = i + 1;
      }
      continue;
    }
    if (separators !== null && separators.includes(ch)) {
      current.push(raw.slice(runStart, i));
      parts.push(current.join(''));
      current = [];
      runStart = i + 1;
    }
  }
  current.push(raw.slice(runStart));
  parts.push(current.join(''));
  return parts;
}

/**
 * In versit syntax a lone backslash is literal (`C:\new`), so it is doubled only before a character a reader
 * would unescape (`\\`, `;`, `,`) or at the end of the value (where a separator may follow). Lossless both ways.
 */
function isVersitEscapable(next: string | undefined): boolean {
  return next === undefined || next === '\\' || next === ';' || next === ',';
}

/** Unescapes a single text value (no splitting). */
export function unescapeText(raw: string, syntax: LineSyntax): string {
  return splitAndUnescape(raw, syntax, null)[0]!;
}

/**
 * Escapes one text value for output. `listSeparator` adds that character to the escaped set for list values
 * (`,` in CATEGORIES), which versit syntax otherwise leaves raw. In versit syntax line breaks stay real
 * line breaks: the caller QP-encodes the value.
 */
export function escapeText(value: string, syntax: LineSyntax, listSeparator?: ',' | ';'): string {
  const table = ESCAPES[syntax].escape;
  const normalised = syntax === 'rfc' ? value.replace(/\r\n|\r/g, '\n') : value;
  let out = '';
  let runStart = 0;
  for (let i = 0; i < normalised.length; i++) {
    const ch = normalised[i]!;
    const escaped =
      table[ch] ??
      (ch === listSeparator ? `\\${ch}` : undefined) ??
      (ch === '\\' && syntax === 'versit' && isVersitEscapable(normalised[i + 1]) ? '\\\\' : undefined);
    if (escaped !== undefined) {
      out += normalised.slice(runStart, i) + escaped;
      runStart = i + 1;
    }
  }
  return out + normalised.slice(runStart);
}

/** Joins components of a structured value (N, ADR, ORG), escaping each. */
export function joinStructured(parts: readonly string[], syntax: LineSyntax): string {
  return parts.map((p) => escapeText(p, syntax)).join(';');
}

/** Joins a list value (CATEGORIES, NICKNAME), escaping each item and its separator. */
export function joinList(items: readonly string[], syntax: LineSyntax, separator: ',' = ','): string {
  return items.map((p) => escapeText(p, syntax, separator)).join(separator);
}
