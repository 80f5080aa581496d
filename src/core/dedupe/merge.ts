/**
 * Field-by-field merge of a linked pair. Scalars come from the side the user picked (or the newer
 * side); multi-valued fields (phones, e-mails, categories) are united, so linking never loses a
 * number. The merged contact goes to both sides.
 */
import type { Contact } from '../model/index.js';
import { foldText, normalizeEmail, normalizePhone, type CountryCode } from './normalize.js';

export type Side = 'outlook' | 'crm';

/** Scalar contact fields a user can pick per side in the review. */
export const CONTACT_SCALAR_FIELDS = [
  'name',
  'displayName',
  'company',
  'department',
  'jobTitle',
  'birthday',
  'note',
  'photo',
  'nickname',
] as const;
export type ContactScalarField = (typeof CONTACT_SCALAR_FIELDS)[number];

export type FieldChoices = Partial<Record<ContactScalarField, Side>>;

/** The newer side by modifiedAt; the CRM when unknown (as a SyncML server would decide). */
export function newerSide(outlook: { modifiedAt?: string }, crm: { modifiedAt?: string }): Side {
  if (outlook.modifiedAt && crm.modifiedAt)
    return Date.parse(outlook.modifiedAt) > Date.parse(crm.modifiedAt) ? 'outlook' : 'crm';
  return 'crm';
}

export interface MergeOptions {
  readonly choices?: FieldChoices;
  /** The mailbox's country, so "0171 2345678" and "+49 171 2345678" count as one number. */
  readonly defaultCountry: CountryCode;
}

export function mergeContacts(
  outlook: Contact,
  crm: Contact,
  { choices = {}, defaultCountry }: MergeOptions,
): Contact {
  const fallback = newerSide(outlook, crm);
  const pick = <K extends ContactScalarField>(field: K): Contact[K] => {
    const side = choices[field] ?? fallback;
    const [first, second] = side === 'outlook' ? [outlook, crm] : [crm, outlook];
    return isEmpty(first[field]) ? second[field] : first[field];
  };
  const [primary, secondary] = fallback === 'outlook' ? [outlook, crm] : [crm, outlook];
  return {
    ...primary,
    name: pick('name'),
    displayName: pick('displayName'),
    company: pick('company'),
    department: pick('department'),
    jobTitle: pick('jobTitle'),
    birthday: pick('birthday'),
    note: pick('note'),
    photo: pick('photo'),
    nickname: pick('nickname'),
    phones: unite(
      primary.phones,
      secondary.phones,
      (p) => normalizePhone(p.number, defaultCountry) || p.number,
    ),
    emails: unite(primary.emails, secondary.emails, (e) => normalizeEmail(e.address)),
    addresses: unite(primary.addresses, secondary.addresses, (a) =>
      foldText(`${a.street ?? ''} ${a.postalCode ?? ''}`),
    ),
    urls: unite(primary.urls, secondary.urls, (u) => u.toLowerCase()),
    categories: unite(primary.categories, secondary.categories, (c) => c.toLowerCase()),
    extra: { ...secondary.extra, ...primary.extra },
  };
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (typeof v === 'object') return Object.values(v as object).every((x) => x === undefined || x === '');
  return false;
}

function unite<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && (seen.add(key(x)), true))];
}
