import type { Contact, DateOnly, FormatIssue, ParseResult, PostalAddress } from '../../model/index.js';
import { formatIssue } from '../text/index.js';
import { parseUtcInstant } from '../vcard/values.js';
import { addExtra, compact, emptyDraft, freezeDraft, type ContactDraft } from '../vcard/draft.js';
import { GRAPH_LIST_EXTRAS, GRAPH_SCALAR_EXTRAS } from './contact-fields.js';
import { readContactCarry } from './contact-carry.js';
import { splitNoteOverflow } from './contact-overflow.js';
import type { GraphContact, GraphPhysicalAddress } from './contact-types.js';

export { contactToGraph } from './contact-write.js';

/** A non-empty string field, or undefined (Graph sends null and '' for empty). Non-strings are reported. */
function str(value: unknown, field: string, warnings: FormatIssue[]): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  warnings.push(
    formatIssue('MALFORMED_LINE', `Graph field ${field} is not a string; ignored`, undefined, field),
  );
  return undefined;
}

function strings(value: unknown, field: string, warnings: FormatIssue[]): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    warnings.push(
      formatIssue('MALFORMED_LINE', `Graph field ${field} is not a list; ignored`, undefined, field),
    );
    return [];
  }
  return value.map((v, i) => str(v, `${field}[${i}]`, warnings)).filter((v): v is string => v !== undefined);
}

function address(
  kind: PostalAddress['kind'],
  g: GraphPhysicalAddress | null | undefined,
  w: FormatIssue[],
): PostalAddress | undefined {
  if (!g) return undefined;
  const a = compact({
    kind,
    street: str(g.street, 'street', w)?.replace(/\r\n?/g, '\n'),
    city: str(g.city, 'city', w),
    region: str(g.state, 'state', w),
    postalCode: str(g.postalCode, 'postalCode', w),
    country: str(g.countryOrRegion, 'countryOrRegion', w),
  });
  return Object.keys(a).length > 1 ? a : undefined;
}

/**
 * Graph's birthday is a DateTimeOffset; clients store local midnight converted to UTC, so east of UTC it is the
 * evening before (e.g. 22:00Z). Rounding to the nearest day gives the intended date for zones UTC−11…UTC+12.
 */
export function birthdayFromGraph(value: string): DateOnly | undefined {
  const instant = parseUtcInstant(value.replace(/(\.\d+)?([+-]00:?00)$/, 'Z'));
  if (!instant) return undefined;
  const t = Date.parse(instant) + 12 * 3600 * 1000;
  return new Date(Math.floor(t / 86_400_000) * 86_400_000).toISOString().slice(0, 10) as DateOnly; // pre-1970 too
}

function readIdentity(g: GraphContact, d: ContactDraft, w: FormatIssue[]): void {
  d.name = {
    given: str(g.givenName, 'givenName', w),
    family: str(g.surname, 'surname', w),
    middle: str(g.middleName, 'middleName', w),
    prefix: str(g.title, 'title', w),
    suffix: str(g.generation, 'generation', w),
  };
  d.displayName = str(g.displayName, 'displayName', w);
  d.nickname = str(g.nickName, 'nickName', w);
  d.company = str(g.companyName, 'companyName', w);
  d.department = str(g.department, 'department', w);
  d.jobTitle = str(g.jobTitle, 'jobTitle', w);
}

function readCommunication(g: GraphContact, d: ContactDraft, w: FormatIssue[]): void {
  const emails = Array.isArray(g.emailAddresses) ? g.emailAddresses : [];
  for (const e of emails) {
    const addr = str(e?.address, 'emailAddresses.address', w);
    const name = str(e?.name, 'emailAddresses.name', w);
    if (addr)
      d.emails.push(
        name === undefined ? { kind: 'other', address: addr } : { kind: 'other', address: addr, name },
      );
  }
  for (const n of strings(g.businessPhones, 'businessPhones', w))
    d.phones.push({ kind: 'business', number: n });
  for (const n of strings(g.homePhones, 'homePhones', w)) d.phones.push({ kind: 'home', number: n });
  const mobile = str(g.mobilePhone, 'mobilePhone', w);
  if (mobile) d.phones.push({ kind: 'mobile', number: mobile });
  for (const [kind, value] of [
    ['home', g.homeAddress],
    ['business', g.businessAddress],
    ['other', g.otherAddress],
  ] as const) {
    const a = address(kind, value, w);
    if (a) d.addresses.push(a);
  }
  const homePage = str(g.businessHomePage, 'businessHomePage', w);
  if (homePage) d.urls.push(homePage);
}

function readRest(g: GraphContact, d: ContactDraft, w: FormatIssue[]): void {
  const birthday = str(g.birthday, 'birthday', w);
  if (birthday) {
    d.birthday = birthdayFromGraph(birthday);
    if (!d.birthday)
      w.push(formatIssue('INVALID_DATE', 'birthday is not a date; ignored', undefined, 'birthday'));
  }
  const notes = str(g.personalNotes, 'personalNotes', w);
  if (notes) {
    const { note, overflow } = splitNoteOverflow(notes);
    d.note = note;
    d.emails.push(...overflow.emails);
    d.phones.push(...overflow.phones);
    d.urls.push(...overflow.urls);
    d.addresses.push(...overflow.addresses);
  }
  d.categories.push(...strings(g.categories, 'categories', w));
  for (const [field, key] of GRAPH_SCALAR_EXTRAS) {
    const value = str(g[field], field, w);
    if (value !== undefined) addExtra(d.extra, key, value);
  }
  for (const [field, key] of GRAPH_LIST_EXTRAS)
    for (const v of strings(g[field], field, w)) addExtra(d.extra, key, v);
  Object.assign(d.extra, readContactCarry(g.singleValueExtendedProperties, w).extra);
  const modified = str(g.lastModifiedDateTime, 'lastModifiedDateTime', w);
  if (modified) d.modifiedAt = parseUtcInstant(modified);
}

/** Graph contact JSON → Contact. Never throws; an object with nothing to identify a person is an error. */
export function contactFromGraph(g: GraphContact): ParseResult<Contact> {
  try {
    return readGraphContact(g);
  } catch (cause) {
    // Last line of defence for the "never throws untyped" contract (e.g. a getter that throws).
    const detail = cause instanceof Error ? cause.name : 'unknown';
    return {
      ok: false,
      error: formatIssue('MALFORMED_LINE', `unreadable Graph contact (${detail})`),
      warnings: [],
    };
  }
}

function readGraphContact(g: GraphContact): ParseResult<Contact> {
  const warnings: FormatIssue[] = [];
  if (typeof g !== 'object' || g === null || Array.isArray(g)) {
    return { ok: false, error: formatIssue('MALFORMED_LINE', 'Graph contact is not an object'), warnings };
  }
  const draft = emptyDraft();
  readIdentity(g, draft, warnings);
  readCommunication(g, draft, warnings);
  readRest(g, draft, warnings);
  const c = freezeDraft(draft);
  const identified =
    Object.keys(c.name).length > 0 ||
    c.displayName ||
    c.company ||
    c.nickname ||
    c.emails.length ||
    c.phones.length;
  if (!identified) {
    return {
      ok: false,
      error: formatIssue('MISSING_REQUIRED', 'contact has no name, company, e-mail or phone'),
      warnings,
    };
  }
  return { ok: true, value: c, warnings };
}
