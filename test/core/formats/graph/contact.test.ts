import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyContact, type Contact } from '../../../../src/core/model/index.js';
import {
  contactFromGraph,
  contactToGraph,
  parseVCard,
  serializeVCard,
  type GraphContact,
} from '../../../../src/core/formats/index.js';

const fixtureDir = new URL('../../../fixtures/', import.meta.url);

function setup(name: string) {
  const graph = JSON.parse(readFileSync(new URL(`graph/${name}.json`, fixtureDir), 'utf8')) as GraphContact;
  const expected = JSON.parse(readFileSync(new URL(`graph/${name}.expected.json`, fixtureDir), 'utf8')) as {
    contact: Contact;
    warnings: string[];
  };
  return { graph, expected };
}

function fromGraph(g: GraphContact): Contact {
  const r = contactFromGraph(g);
  if (!r.ok) throw new Error(`fixture must parse: ${r.error.code}`);
  return r.value;
}

function fromVCard(text: string): Contact {
  const r = parseVCard(text);
  if (!r.ok) throw new Error(`vCard must parse: ${r.error.code}`);
  return r.value;
}

/** What a vCard cannot hold of a Graph contact: per-address display names (see serializeVCard's warning). */
function withoutEmailNames(g: ReturnType<typeof contactToGraph>['value']) {
  return { ...g, emailAddresses: g.emailAddresses?.map((e) => ({ address: e.address })) };
}

describe.each(['contact-full', 'contact-minimal'])('Graph contact fixture %s', (name) => {
  it('reads to the expected model', () => {
    const { graph, expected } = setup(name);
    const r = contactFromGraph(graph);
    expect(r.ok && r.value).toEqual(expected.contact);
    expect(r.warnings.map((w) => w.code)).toEqual(expected.warnings);
  });

  it('model → Graph → model is stable (modifiedAt is Graph-owned)', () => {
    const { expected } = setup(name);
    const { modifiedAt: _ignored, ...withoutModified } = expected.contact;
    expect(fromGraph(contactToGraph(expected.contact).value as GraphContact)).toEqual(withoutModified);
  });

  it.each(['2.1', '3.0'] as const)(
    'Graph → model → vCard %s → model → Graph keeps every field both hold',
    (v) => {
      const { graph } = setup(name);
      const direct = contactToGraph(fromGraph(graph)).value;
      const throughVCard = contactToGraph(fromVCard(serializeVCard(fromGraph(graph), v).text)).value;
      expect(withoutEmailNames(throughVCard)).toEqual(withoutEmailNames(direct));
    },
  );
});

describe('vCard fixtures through Graph', () => {
  it.each(['crm-3.0', 'outlook-2.1', 'nokia-2.1', 'ios-3.0', 'synthesis-2.1', 'photo-2.1'])(
    '%s: vCard → model → Graph → model → Graph is stable',
    (name) => {
      const text = readFileSync(new URL(`vcard/${name}.vcf`, fixtureDir), 'utf8');
      const first = contactToGraph(fromVCard(text)).value;
      const second = contactToGraph(fromGraph(first as GraphContact)).value;
      expect(second).toEqual(first);
    },
  );

  it('keeps a 4th e-mail and a fax in personalNotes with FIELD_NOT_REPRESENTABLE, X- and UID in the carry, and reads them back', () => {
    const text = readFileSync(new URL('vcard/crm-3.0.vcf', fixtureDir), 'utf8');
    const contact = fromVCard(text);
    const { value, warnings } = contactToGraph(contact);
    expect(value.emailAddresses).toHaveLength(3);
    expect(value.businessPhones).toHaveLength(2);
    expect(value.personalNotes).toContain('\n\n[sync] EMAIL other: b.gross.privat@example.net');
    expect(warnings.filter((w) => w.code === 'FIELD_NOT_REPRESENTABLE').map((w) => w.property)).toEqual([
      'emails',
      'phones',
      'phones',
    ]);
    const back = fromGraph(value as GraphContact);
    expect(back.extra).toEqual(contact.extra);
    expect(back.emails.map((e) => e.address)).toEqual(contact.emails.map((e) => e.address));
    expect([...back.phones].sort(byNumber)).toEqual([...contact.phones].sort(byNumber));
    expect(back.note).toBe(contact.note);
  });
});

const byNumber = (a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number);

describe('contactFromGraph edge cases', () => {
  it('rounds a birthday stored as local midnight east of UTC to the intended day', () => {
    const base = { displayName: 'X' };
    const day = (birthday: string) => fromGraph({ ...base, birthday }).birthday;
    expect(day('1975-05-16T22:00:00Z')).toBe('1975-05-17');
    expect(day('1975-05-17T00:00:00Z')).toBe('1975-05-17');
    expect(day('1975-05-17T11:59:00Z')).toBe('1975-05-17');
    expect(day('1958-03-11T23:00:00Z')).toBe('1958-03-12');
  });

  it('reports wrong field types and bad birthdays but keeps the contact', () => {
    const r = contactFromGraph({
      displayName: 'X',
      jobTitle: 42,
      birthday: 'soon',
    } as unknown as GraphContact);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.code, w.property])).toEqual([
      ['MALFORMED_LINE', 'jobTitle'],
      ['INVALID_DATE', 'birthday'],
    ]);
  });

  it('fails a contact with nothing to identify it, and a non-object', () => {
    expect(contactFromGraph({ personalNotes: 'only a note' })).toMatchObject({
      ok: false,
      error: { code: 'MISSING_REQUIRED' },
    });
    expect(contactFromGraph(null as unknown as GraphContact)).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_LINE' },
    });
  });

  it('clears mapped fields with null and never sends Graph-only fields the model lacks', () => {
    const { value } = contactToGraph({ ...emptyContact(), displayName: 'X' });
    expect(value.jobTitle).toBeNull();
    expect(value.emailAddresses).toEqual([]);
    expect('spouseName' in value).toBe(false);
  });
});
