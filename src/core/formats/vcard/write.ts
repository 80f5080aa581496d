import type { Contact, FormatIssue } from '../../model/index.js';
import {
  escapeText,
  formatIssue,
  joinList,
  joinStructured,
  writeContentLine,
  type PropertyToWrite,
} from '../text/index.js';
import { VCARD_DIALECTS, type VCardDialect, type VCardVersion } from './dialects.js';
import { extraKeyToProperty } from './draft.js';
import {
  ADDRESS_KIND_WORDS,
  EMAIL_KIND_WORDS,
  MEDIA_TO_PHOTO_TYPE,
  PHONE_KIND_WORDS,
} from './type-tables.js';
import { formatBirthday, formatUtcInstant } from './values.js';

export interface SerializedVCard {
  /** CRLF line ends, folded, ending with CRLF. */
  readonly text: string;
  readonly warnings: readonly FormatIssue[];
}

/** A property with type words, written bare (2.1) or as a TYPE list (3.0) per the dialect table. */
function typed(name: string, words: readonly string[], value: string, d: VCardDialect): PropertyToWrite {
  if (words.length === 0) return { name, value };
  return d.typeStyle === 'bare'
    ? { name, bareParams: words, value }
    : { name, params: [['TYPE', words.join(',')]], value };
}

function text(name: string, value: string | undefined, d: VCardDialect): PropertyToWrite[] {
  return value === undefined || value === '' ? [] : [{ name, value: escapeText(value, d.syntax) }];
}

/** FN for 3.0 when the contact has none: the name as people write it, else company, else e-mail. */
function fallbackDisplayName(c: Contact): string {
  const n = c.name;
  const person = [n.prefix, n.given, n.middle, n.family, n.suffix].filter(Boolean).join(' ');
  return person || c.company || c.emails[0]?.address || c.phones[0]?.number || '';
}

function identityProperties(c: Contact, d: VCardDialect): PropertyToWrite[] {
  const n = c.name;
  const props: PropertyToWrite[] = [
    {
      name: 'N',
      value: joinStructured(
        [n.family, n.given, n.middle, n.prefix, n.suffix].map((s) => s ?? ''),
        d.syntax,
      ),
    },
  ];
  const fn = c.displayName ?? (d.requiresFormattedName ? fallbackDisplayName(c) : undefined);
  props.push(...text('FN', fn, d), ...text('NICKNAME', c.nickname, d));
  if (c.company !== undefined || c.department !== undefined) {
    // The department may hold several units joined by ';' (read-properties.ts); they stay one component here.
    const units = c.department === undefined ? [c.company ?? ''] : [c.company ?? '', c.department];
    props.push({ name: 'ORG', value: joinStructured(units, d.syntax) });
  }
  props.push(...text('TITLE', c.jobTitle, d));
  return props;
}

function communicationProperties(c: Contact, d: VCardDialect, warnings: FormatIssue[]): PropertyToWrite[] {
  const props: PropertyToWrite[] = [];
  for (const p of c.phones)
    props.push(typed('TEL', PHONE_KIND_WORDS[p.kind], escapeText(p.number, d.syntax), d));
  for (const e of c.emails) {
    props.push(typed('EMAIL', EMAIL_KIND_WORDS[e.kind], escapeText(e.address, d.syntax), d));
    if (e.name !== undefined && e.name !== e.address && e.name !== c.displayName) {
      warnings.push(
        formatIssue('FIELD_NOT_REPRESENTABLE', 'vCard has no name per e-mail address', undefined, 'EMAIL'),
      );
    }
  }
  for (const a of c.addresses) {
    const fields = [a.poBox, a.extended, a.street, a.city, a.region, a.postalCode, a.country].map(
      (s) => s ?? '',
    );
    props.push(typed('ADR', ADDRESS_KIND_WORDS[a.kind], joinStructured(fields, d.syntax), d));
  }
  for (const url of c.urls) props.push({ name: 'URL', value: escapeText(url, d.syntax) });
  return props;
}

function otherProperties(c: Contact, d: VCardDialect): PropertyToWrite[] {
  const props: PropertyToWrite[] = [];
  if (c.birthday) props.push({ name: 'BDAY', value: formatBirthday(c.birthday, d.birthdayForm) });
  props.push(...text('NOTE', c.note, d));
  if (c.categories.length > 0) props.push({ name: 'CATEGORIES', value: joinList(c.categories, d.syntax) });
  if (c.photo) {
    const type =
      MEDIA_TO_PHOTO_TYPE[c.photo.mediaType] ?? c.photo.mediaType.replace(/^image\//, '').toUpperCase();
    const params: Array<readonly [string, string]> = [['ENCODING', d.base64Encoding]];
    if (type) params.push(['TYPE', type]);
    props.push({ name: 'PHOTO', params, value: c.photo.base64, base64: true });
  }
  for (const [key, raw] of Object.entries(c.extra)) {
    const { group, name } = extraKeyToProperty(key);
    // Extras are stored as written (escaped); RFC syntax cannot carry a raw line break.
    const value = d.syntax === 'rfc' ? raw.replace(/\r\n|\r|\n/g, '\\n') : raw;
    props.push(group === undefined ? { name, value } : { name, group, value });
  }
  if (c.modifiedAt) props.push({ name: 'REV', value: formatUtcInstant(c.modifiedAt, d.revForm) });
  return props;
}

/**
 * Writes a Contact as vCard 2.1 or 3.0 (CRLF, folded at 75 octets; 2.1 uses CHARSET=UTF-8 + QUOTED-PRINTABLE
 * where a value needs it). What vCard cannot hold is reported in `warnings`, never dropped silently.
 */
export function serializeVCard(c: Contact, version: VCardVersion): SerializedVCard {
  const d = VCARD_DIALECTS[version];
  const warnings: FormatIssue[] = [];
  const props = [
    ...identityProperties(c, d),
    ...communicationProperties(c, d, warnings),
    ...otherProperties(c, d),
  ];
  const lines = ['BEGIN:VCARD', `VERSION:${d.version}`];
  for (let p of props) {
    if (p.value.includes('\u0000')) {
      // A NUL would make the card unreadable (NUL_BYTE is fatal on input): drop it, say so.
      warnings.push(formatIssue('NUL_BYTE', 'NUL removed from value', undefined, p.name));
      p = { ...p, value: p.value.replaceAll('\u0000', '') };
    }
    lines.push(writeContentLine(p, d.syntax));
    if (p.base64 && d.blankLineAfterBase64) lines.push('');
  }
  lines.push('END:VCARD');
  return { text: lines.join('\r\n') + '\r\n', warnings };
}
