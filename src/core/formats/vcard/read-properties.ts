import type { FormatIssue, PhoneKind } from '../../model/index.js';
import {
  decodePropertyValue,
  formatIssue,
  isWellFormedBase64,
  paramValue,
  splitAndUnescape,
  typesOf,
  unescapeText,
  type ContentLine,
} from '../text/index.js';
import type { VCardDialect } from './dialects.js';
import { addExtra, type ContactDraft } from './draft.js';
import {
  ADDRESS_KIND_RULES,
  BASE64_MAGIC,
  EMAIL_KIND_RULES,
  PHONE_KIND_RULES,
  PHOTO_TYPE_TO_MEDIA,
  kindFromTypes,
} from './type-tables.js';
import { parseBirthday, parseUtcInstant } from './values.js';

interface ReadInput {
  readonly line: ContentLine;
  /** QP/charset-decoded value, still escaped. */
  readonly value: string;
  readonly dialect: VCardDialect;
  readonly draft: ContactDraft;
}

type PropertyReader = (input: ReadInput) => void;

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === '' ? undefined : s);

/** Line breaks in the model are '\n' whatever the wire used (QP `=0D=0A`, `\n`). */
const lf = (s: string): string => s.replace(/\r\n?/g, '\n');

function text(input: ReadInput): string | undefined {
  return nonEmpty(lf(unescapeText(input.value, input.dialect.syntax)));
}

function parts(input: ReadInput): string[] {
  return splitAndUnescape(input.value, input.dialect.syntax, ';').map(lf);
}

function warn(input: ReadInput, issue: FormatIssue): void {
  input.draft.warnings.push(issue);
}

function readName(input: ReadInput): void {
  const [family, given, middle, prefix, suffix] = parts(input).map(nonEmpty);
  input.draft.name = { family, given, middle, prefix, suffix };
}

function readOrganisation(input: ReadInput): void {
  const [company, ...units] = parts(input);
  input.draft.company = nonEmpty(company);
  // Extra units (ORG:Firma;Vertrieb;Innendienst) stay together in the one department field Graph has.
  input.draft.department = nonEmpty(units.filter((u) => u !== '').join(';'));
}

function readPhone(input: ReadInput): void {
  const number = text(input);
  if (!number) return;
  const kind: PhoneKind = kindFromTypes(typesOf(input.line), PHONE_KIND_RULES, 'other');
  input.draft.phones.push({ kind, number });
}

function readEmail(input: ReadInput): void {
  const address = text(input);
  if (!address) return;
  input.draft.emails.push({ kind: kindFromTypes(typesOf(input.line), EMAIL_KIND_RULES, 'other'), address });
}

function readAddress(input: ReadInput): void {
  const [poBox, extended, street, city, region, postalCode, country] = parts(input).map(nonEmpty);
  if (![poBox, extended, street, city, region, postalCode, country].some(Boolean)) return;
  const kind = kindFromTypes(typesOf(input.line), ADDRESS_KIND_RULES, 'other');
  input.draft.addresses.push({ kind, poBox, extended, street, city, region, postalCode, country });
}

function readCategories(input: ReadInput): void {
  const items = splitAndUnescape(
    input.value,
    input.dialect.syntax,
    input.dialect.categorySeparators.join(''),
  );
  for (const item of items.map((s) => lf(s).trim())) if (item) input.draft.categories.push(item);
}

function photoMediaType(line: ContentLine, base64: string): string {
  const declared = paramValue(line, 'TYPE') ?? line.bareParams.find((p) => PHOTO_TYPE_TO_MEDIA[p]);
  if (declared) {
    const upper = declared.toUpperCase();
    if (PHOTO_TYPE_TO_MEDIA[upper]) return PHOTO_TYPE_TO_MEDIA[upper];
    if (declared.includes('/')) return declared.toLowerCase();
    return `image/${declared.toLowerCase()}`;
  }
  return BASE64_MAGIC.find(([prefix]) => base64.startsWith(prefix))?.[1] ?? 'application/octet-stream';
}

function readPhoto(input: ReadInput): void {
  const { line, draft } = input;
  const decoded = decodePropertyValue(line);
  let base64 = decoded.text;
  let mediaType: string | undefined;
  const dataUri = /^data:([^;,]+);base64,/i.exec(line.rawValue);
  if (dataUri) {
    mediaType = dataUri[1]!.toLowerCase();
    base64 = line.rawValue.slice(dataUri[0].length).replace(/\s+/g, '');
  } else if (decoded.encoding !== 'base64') {
    if (line.rawValue !== '') addExtra(draft.extra, 'PHOTO', line.rawValue); // a URI: kept, not fetched
    return;
  }
  if (base64 === '') return;
  if (!isWellFormedBase64(base64)) {
    warn(input, formatIssue('BAD_BASE64', 'PHOTO is not valid base64; dropped', line.line, 'PHOTO'));
    return;
  }
  draft.photo = { mediaType: mediaType ?? photoMediaType(line, base64), base64 };
}

function readBirthday(input: ReadInput): void {
  const raw = input.value.trim();
  if (raw === '') return;
  const date = parseBirthday(raw);
  if (date) input.draft.birthday = date;
  else {
    warn(
      input,
      formatIssue('INVALID_DATE', 'BDAY is not a full date; kept in extra', input.line.line, 'BDAY'),
    );
    addExtra(input.draft.extra, 'BDAY', raw);
  }
}

function readRevision(input: ReadInput): void {
  const instant = parseUtcInstant(input.value);
  if (instant) input.draft.modifiedAt = instant;
  else if (input.value.trim() !== '') {
    warn(input, formatIssue('INVALID_DATE', 'REV is not a UTC timestamp; ignored', input.line.line, 'REV'));
  }
}

const ignore: PropertyReader = () => undefined;

/**
 * vCard property → reader. Anything not listed is kept verbatim in `extra` (X- properties, ROLE, UID, …).
 * LABEL is ignored: it is a formatted copy of ADR, rebuilt by any reader that wants it.
 */
export const PROPERTY_READERS: Readonly<Record<string, PropertyReader>> = {
  VERSION: ignore,
  PRODID: ignore,
  LABEL: ignore,
  N: readName,
  FN: (i) => void (i.draft.displayName = text(i)),
  NICKNAME: (i) => void (i.draft.nickname = text(i)),
  ORG: readOrganisation,
  TITLE: (i) => void (i.draft.jobTitle = text(i)),
  TEL: readPhone,
  EMAIL: readEmail,
  ADR: readAddress,
  URL: (i) => {
    const url = text(i);
    if (url) i.draft.urls.push(url);
  },
  BDAY: readBirthday,
  NOTE: (i) => void (i.draft.note = text(i)),
  CATEGORIES: readCategories,
  PHOTO: readPhoto,
  REV: readRevision,
};

/** Reads one property of a card into the draft; unknown properties go to `extra` with their group. */
export function readProperty(line: ContentLine, dialect: VCardDialect, draft: ContactDraft): void {
  const reader = PROPERTY_READERS[line.name];
  if (reader === readPhoto) return readPhoto({ line, value: line.rawValue, dialect, draft });
  const decoded = decodePropertyValue(line);
  draft.warnings.push(...decoded.issues);
  if (reader) return reader({ line, value: decoded.text, dialect, draft });
  // Empty, or only separators (`GEO:;`, `X-FOO:;;`): Synthesis' "known and empty", nothing to keep.
  if (/^[;,\s]*$/.test(decoded.text)) return;
  addExtra(draft.extra, line.group ? `${line.group}.${line.name}` : line.name, decoded.text);
}
