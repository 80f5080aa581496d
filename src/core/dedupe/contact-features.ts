/** What matching looks at in a contact, computed once per contact (not once per pair). */
import type { Contact } from '../model/index.js';
import {
  foldText,
  nameTokens,
  normalizeCompany,
  normalizeEmail,
  normalizePhone,
  type CountryCode,
} from './normalize.js';
import { koelnerPhonetik } from './similarity.js';

export interface ContactFeatures {
  readonly emails: ReadonlySet<string>;
  /** E.164 number → whether it is a mobile number. */
  readonly phones: ReadonlyMap<string, boolean>;
  readonly given: string;
  readonly family: string;
  readonly company: string;
  /** Kölner Phonetik of the family and given names. */
  readonly familyCode: string;
  readonly givenCode: string;
}

export function contactFeatures(c: Contact, defaultCountry: CountryCode): ContactFeatures {
  const emails = new Set(c.emails.map((e) => normalizeEmail(e.address)).filter((e) => e.length > 0));
  const phones = new Map<string, boolean>();
  for (const p of c.phones) {
    const n = normalizePhone(p.number, defaultCountry);
    if (n) phones.set(n, (phones.get(n) ?? false) || p.kind === 'mobile');
  }
  const { given, family } = splitName(c);
  return {
    emails,
    phones,
    given,
    family,
    company: normalizeCompany(c.company),
    familyCode: koelnerPhonetik(family.replace(/ /g, '')),
    givenCode: koelnerPhonetik(given.split(' ')[0] ?? ''),
  };
}

/** Given and family names, folded, titles dropped; from the display name when N is empty. */
function splitName(c: Contact): { given: string; family: string } {
  const given = nameTokens(c.name.given).join(' ');
  const family = nameTokens(c.name.family).join(' ');
  if (given || family) return { given, family };
  const display = c.displayName ?? '';
  // "Weiß, Jürgen" is family-first; "Jürgen Weiß" is given-first.
  if (display.includes(',')) {
    const [f = '', g = ''] = display.split(',', 2);
    return { given: nameTokens(g).join(' '), family: nameTokens(f).join(' ') };
  }
  const tokens = nameTokens(display);
  if (tokens.length === 0) return { given: '', family: foldText(c.company ?? '') };
  return { given: tokens.slice(0, -1).join(' '), family: tokens[tokens.length - 1] ?? '' };
}
