import type { AddressKind, Email, EmailKind, Phone, PhoneKind, PostalAddress } from '../../model/index.js';
import { joinStructured, splitAndUnescape, unescapeText, escapeText } from '../text/index.js';

/**
 * What a Graph contact has no slot for (a 4th e-mail, a 3rd business phone, a fax, a 2nd URL or a 2nd home
 * address) is kept as marked lines at the end of personalNotes, and read back from there, so nothing is lost
 * and a round trip through Outlook is stable (docs/decisions/0012-graph-contact-overflow.md):
 *
 *     [sync] EMAIL work: anna@example.de
 *     [sync] TEL businessFax: +49 30 1234
 *     [sync] URL: https://example.de
 *     [sync] ADR home: ;;Gartenweg 3;Münster;;48147;Deutschland
 */
export interface Overflow {
  readonly emails: Email[];
  readonly phones: Phone[];
  readonly urls: string[];
  readonly addresses: PostalAddress[];
}

export const emptyOverflow = (): Overflow => ({ emails: [], phones: [], urls: [], addresses: [] });

const MARKER = '[sync]';
// [^\n], not ".": "." stops at U+2028/U+2029, which notes may hold.
const LINE_RE = /^\[sync\] (EMAIL|TEL|URL|ADR)(?: ([A-Za-z]+))?: ([^\n]*)$/;

const EMAIL_KINDS: readonly EmailKind[] = ['home', 'work', 'other'];
const PHONE_KINDS: readonly PhoneKind[] = [
  'mobile',
  'home',
  'business',
  'homeFax',
  'businessFax',
  'pager',
  'other',
];
const ADDRESS_KINDS: readonly AddressKind[] = ['home', 'business', 'other'];

function pick<K extends string>(kinds: readonly K[], word: string | undefined): K | undefined {
  return kinds.find((k) => k === word);
}

function addressLine(a: PostalAddress): string {
  const fields = [a.poBox, a.extended, a.street, a.city, a.region, a.postalCode, a.country];
  return joinStructured(
    fields.map((f) => f ?? ''),
    'rfc',
  );
}

function readAddress(kind: AddressKind, value: string): PostalAddress {
  const [poBox, extended, street, city, region, postalCode, country] = splitAndUnescape(
    value,
    'rfc',
    ';',
  ).map((s) => (s === '' ? undefined : s));
  const all = { kind, poBox, extended, street, city, region, postalCode, country };
  return Object.fromEntries(
    Object.entries(all).filter(([, v]) => v !== undefined),
  ) as unknown as PostalAddress;
}

/** Overflow → lines for the end of personalNotes (values escaped so a line break cannot split a line). */
export function overflowLines(o: Overflow): string[] {
  return [
    ...o.emails.map((e) => `${MARKER} EMAIL ${e.kind}: ${escapeText(e.address, 'rfc')}`),
    ...o.phones.map((p) => `${MARKER} TEL ${p.kind}: ${escapeText(p.number, 'rfc')}`),
    ...o.urls.map((u) => `${MARKER} URL: ${escapeText(u, 'rfc')}`),
    ...o.addresses.map((a) => `${MARKER} ADR ${a.kind}: ${addressLine(a)}`),
  ];
}

/** Appends overflow lines to a note, separated by a blank line. */
export function noteWithOverflow(note: string | undefined, o: Overflow): string | undefined {
  const lines = overflowLines(o);
  if (lines.length === 0) return note;
  // Trailing line breaks of the note would be taken for the separator when reading back.
  const base = note?.replace(/\n+$/, '');
  return base ? `${base}\n\n${lines.join('\n')}` : lines.join('\n');
}

/** Splits personalNotes into the user's note and the overflow lines at its end (only a trailing block counts). */
export function splitNoteOverflow(notes: string): { note: string | undefined; overflow: Overflow } {
  const lines = notes.replace(/\r\n?/g, '\n').split('\n');
  const overflow = emptyOverflow();
  const found: RegExpExecArray[] = [];
  while (lines.length > 0) {
    const m = LINE_RE.exec(lines[lines.length - 1]!);
    if (!m) break;
    found.unshift(m);
    lines.pop();
  }
  for (const [, tag, word, rawValue] of found) {
    const value = rawValue!;
    if (tag === 'EMAIL')
      overflow.emails.push({ kind: pick(EMAIL_KINDS, word) ?? 'other', address: unescapeText(value, 'rfc') });
    else if (tag === 'TEL')
      overflow.phones.push({ kind: pick(PHONE_KINDS, word) ?? 'other', number: unescapeText(value, 'rfc') });
    else if (tag === 'URL') overflow.urls.push(unescapeText(value, 'rfc'));
    else overflow.addresses.push(readAddress(pick(ADDRESS_KINDS, word) ?? 'other', value));
  }
  if (found.length > 0) while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const note = lines.join('\n');
  return { note: note === '' ? undefined : note, overflow };
}
