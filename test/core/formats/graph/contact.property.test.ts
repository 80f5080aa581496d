import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactFromGraph, contactToGraph, type GraphContact } from '../../../../src/core/formats/index.js';
import { contactArb } from '../vcard/contact-arbitraries.js';

function setup() {
  const graphOf = (c: Parameters<typeof contactToGraph>[0]) => contactToGraph(c).value;
  const readBack = (g: ReturnType<typeof graphOf>) => {
    const r = contactFromGraph(g as GraphContact);
    if (!r.ok) throw new Error(`Graph contact must read back: ${r.error.code}`);
    return r.value;
  };
  return { graphOf, readBack };
}

describe('Graph contact round trip (property)', () => {
  it('model → Graph → model → Graph gives the same Graph JSON (nothing Graph holds is lost)', () => {
    const { graphOf, readBack } = setup();
    fc.assert(
      fc.property(contactArb, (contact) => {
        const first = graphOf(contact);
        expect(graphOf(readBack(first))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every e-mail, phone and URL, overflowing into personalNotes beyond Graph limits', () => {
    const { graphOf, readBack } = setup();
    fc.assert(
      fc.property(contactArb, (contact) => {
        const back = readBack(graphOf(contact));
        expect(back.emails.map((e) => e.address)).toEqual(contact.emails.map((e) => e.address));
        expect(back.phones.map((p) => `${p.kind}:${p.number}`).sort()).toEqual(
          contact.phones.map((p) => `${p.kind}:${p.number}`).sort(),
        );
        expect(back.urls).toEqual(contact.urls);
      }),
      { numRuns: 200 },
    );
  });
});
