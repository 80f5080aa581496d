import type { AddressKind, Contact, FormatIssue, PostalAddress } from '../../model/index.js';
import { formatIssue } from '../text/index.js';
import { contactCarryProperty } from './contact-carry.js';
import { GRAPH_LIST_EXTRAS, GRAPH_SCALAR_EXTRAS } from './contact-fields.js';
import { emptyOverflow, noteWithOverflow, type Overflow } from './contact-overflow.js';
import { GRAPH_CONTACT_LIMITS, type GraphContactWrite, type GraphPhysicalAddress } from './contact-types.js';

export interface GraphContactConversion {
  readonly value: GraphContactWrite;
  readonly warnings: readonly FormatIssue[];
}

const notRepresentable = (what: string, property: string) =>
  formatIssue(
    'FIELD_NOT_REPRESENTABLE',
    `${what}; kept as a [sync] line in personalNotes`,
    undefined,
    property,
  );

function writePhones(c: Contact, out: GraphContactWrite, overflow: Overflow, w: FormatIssue[]): void {
  const business: string[] = [];
  const home: string[] = [];
  let mobile: string | undefined;
  for (const p of c.phones) {
    if (p.kind === 'business' && business.length < GRAPH_CONTACT_LIMITS.businessPhones)
      business.push(p.number);
    else if (p.kind === 'home' && home.length < GRAPH_CONTACT_LIMITS.homePhones) home.push(p.number);
    else if (p.kind === 'mobile' && mobile === undefined) mobile = p.number;
    else {
      overflow.phones.push(p);
      w.push(notRepresentable(`no Graph slot for a ${p.kind} phone`, 'phones'));
    }
  }
  out.businessPhones = business;
  out.homePhones = home;
  out.mobilePhone = mobile ?? null;
}

function graphAddress(a: PostalAddress, w: FormatIssue[]): GraphPhysicalAddress {
  if (a.poBox !== undefined || a.extended !== undefined) {
    w.push(
      formatIssue(
        'FIELD_NOT_REPRESENTABLE',
        'Graph addresses have no PO box or extended line',
        undefined,
        'addresses',
      ),
    );
  }
  return {
    street: a.street ?? null,
    city: a.city ?? null,
    state: a.region ?? null,
    postalCode: a.postalCode ?? null,
    countryOrRegion: a.country ?? null,
  };
}

const ADDRESS_FIELD: Readonly<Record<AddressKind, 'homeAddress' | 'businessAddress' | 'otherAddress'>> = {
  home: 'homeAddress',
  business: 'businessAddress',
  other: 'otherAddress',
};

function writeAddresses(c: Contact, out: GraphContactWrite, overflow: Overflow, w: FormatIssue[]): void {
  out.homeAddress = null;
  out.businessAddress = null;
  out.otherAddress = null;
  for (const a of c.addresses) {
    const field = ADDRESS_FIELD[a.kind];
    if (out[field] === null) out[field] = graphAddress(a, w);
    else {
      overflow.addresses.push(a);
      w.push(notRepresentable(`second ${a.kind} address`, 'addresses'));
    }
  }
}

function writeEmailsAndUrls(c: Contact, out: GraphContactWrite, overflow: Overflow, w: FormatIssue[]): void {
  out.emailAddresses = c.emails
    .slice(0, GRAPH_CONTACT_LIMITS.emailAddresses)
    .map((e) => (e.name === undefined ? { address: e.address } : { address: e.address, name: e.name }));
  for (const e of c.emails.slice(GRAPH_CONTACT_LIMITS.emailAddresses)) {
    overflow.emails.push(e);
    w.push(notRepresentable('Graph holds at most 3 e-mail addresses', 'emails'));
  }
  out.businessHomePage = c.urls[0] ?? null;
  for (const u of c.urls.slice(1)) {
    overflow.urls.push(u);
    w.push(notRepresentable('Graph holds one web page', 'urls'));
  }
}

/** Extras the Graph mapping knows become their Graph fields; the others ride in the carry property. */
function writeExtras(c: Contact, out: GraphContactWrite, w: FormatIssue[]): void {
  for (const [field, key] of GRAPH_SCALAR_EXTRAS) {
    const value = c.extra[key];
    if (value !== undefined) out[field] = value;
  }
  for (const [field, key] of GRAPH_LIST_EXTRAS) {
    const values = Object.entries(c.extra)
      .filter(([k]) => k === key || k.startsWith(`${key}#`))
      .map(([, v]) => v);
    if (values.length > 0) out[field] = values;
  }
  const carry = contactCarryProperty(c.extra, undefined, w);
  if (carry) out.singleValueExtendedProperties = [carry];
}

/**
 * Contact → Graph contact JSON for POST or PATCH. Mapped fields are always present (null / [] when empty) so a
 * PATCH clears what the other side removed; Graph-only fields kept in `extra` are sent only when present, so a
 * CRM that never knew them cannot wipe them. Other extras go to the carry extended property (contact-carry.ts);
 * the store clears it on update when absent. The photo travels separately (PUT …/photo/$value) and is not part
 * of this JSON. What Graph has no slot for goes to `[sync]` lines in personalNotes with a warning.
 */
export function contactToGraph(c: Contact): GraphContactConversion {
  const w: FormatIssue[] = [];
  const out: GraphContactWrite = {
    givenName: c.name.given ?? null,
    surname: c.name.family ?? null,
    middleName: c.name.middle ?? null,
    title: c.name.prefix ?? null,
    generation: c.name.suffix ?? null,
    displayName: c.displayName ?? null,
    nickName: c.nickname ?? null,
    companyName: c.company ?? null,
    department: c.department ?? null,
    jobTitle: c.jobTitle ?? null,
    birthday: c.birthday ? `${c.birthday}T00:00:00Z` : null,
    categories: [...c.categories],
  };
  const overflow = emptyOverflow();
  writeEmailsAndUrls(c, out, overflow, w);
  writePhones(c, out, overflow, w);
  writeAddresses(c, out, overflow, w);
  writeExtras(c, out, w);
  out.personalNotes = noteWithOverflow(c.note, overflow) ?? null;
  return { value: out, warnings: w };
}
