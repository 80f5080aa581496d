/**
 * Normalisation for matching: two spellings of the same person must meet in one string.
 * German offices write "Müller", "Mueller" and "MULLER" for one man, "Straße" and "Strasse",
 * "Dr. Jürgen Weiß" and "Juergen Weiss" — all of them fold to the same key here.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** German transliterations first (ü → ue), so "Müller" and "Mueller" agree; then strip accents. */
const TRANSLITERATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/ß/g, 'ss'],
  [/æ/g, 'ae'],
  [/ø/g, 'oe'],
  [/œ/g, 'oe'],
  [/ł/g, 'l'],
];

/** Lower-case, transliterate, strip accents and punctuation, collapse spaces. */
export function foldText(s: string): string {
  let out = s.toLowerCase();
  for (const [re, to] of TRANSLITERATIONS) out = out.replace(re, to);
  return out
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const TITLES = new Set([
  'dr',
  'prof',
  'professor',
  'dipl',
  'ing',
  'mag',
  'med',
  'rer',
  'nat',
  'phil',
  'jur',
  'habil',
  'h',
  'c',
  'herr',
  'frau',
  'hr',
  'fr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'sir',
  'jun',
  'jr',
  'sen',
  'sr',
  'von',
  'van',
  'de',
  'zu',
  'der',
  'mba',
  'msc',
  'bsc',
  'ba',
  'ma',
  'phd',
  'kfm',
  'betriebswirt',
]);

/** Name tokens without titles and honorifics ("Prof. Dr. med."), folded. */
export function nameTokens(s: string | undefined): string[] {
  if (!s) return [];
  return foldText(s)
    .split(' ')
    .filter((t) => t.length > 0 && !TITLES.has(t));
}

const COMPANY_SUFFIXES = new Set([
  'gmbh',
  'ag',
  'kg',
  'ohg',
  'gbr',
  'ug',
  'haftungsbeschraenkt',
  'co',
  'kgaa',
  'se',
  'ev',
  'e',
  'v',
  'k',
  'ek',
  'mbh',
  'ltd',
  'limited',
  'inc',
  'llc',
  'corp',
  'plc',
  'sa',
  'sarl',
  'bv',
  'nv',
  'srl',
  'spa',
  'und',
  'and',
]);

/** Company name without legal form ("Immobilien Weiß GmbH & Co. KG" → "immobilien weiss"). */
export function normalizeCompany(s: string | undefined): string {
  if (!s) return '';
  return foldText(s.replace(/&/g, ' '))
    .split(' ')
    .filter((t) => t.length > 0 && !COMPANY_SUFFIXES.has(t))
    .join(' ');
}

/** E-mail: lower-case, plus-tag dropped ("Anna+crm@Example.de" → "anna@example.de"). */
export function normalizeEmail(s: string | undefined): string {
  if (!s) return '';
  const trimmed = s.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed;
  const local = trimmed.slice(0, at).split('+')[0] ?? '';
  return `${local}@${trimmed.slice(at + 1)}`;
}

/**
 * Phone number to E.164 with the mailbox's country as default ("030/1234567" in DE →
 * "+49301234567"). Numbers libphonenumber can't read fall back to their digits, so two equal
 * odd numbers still meet.
 */
export function normalizePhone(s: string | undefined, defaultCountry: CountryCode): string {
  if (!s) return '';
  const parsed = parsePhoneNumberFromString(s, defaultCountry);
  if (parsed?.isPossible()) return parsed.number;
  const digits = s.replace(/\D+/g, '');
  return digits.length >= 5 ? digits : '';
}

export type { CountryCode };
