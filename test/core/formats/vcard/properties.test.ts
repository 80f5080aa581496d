import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, parseVCard, serializeVCard } from '../../../../src/core/formats/index.js';
import { contactArb } from './contact-arbitraries.js';

function setup(version: '2.1' | '3.0') {
  return (c: Parameters<typeof serializeVCard>[0]) => {
    const written = serializeVCard(c, version);
    return { written, parsed: parseVCard(written.text) };
  };
}

describe.each(['2.1', '3.0'] as const)('vCard %s round trip (property)', (version) => {
  it('parse(serialise(contact)) equals the contact, without warnings', () => {
    const roundTrip = setup(version);
    fc.assert(
      fc.property(contactArb, (contact) => {
        const { parsed } = roundTrip(contact);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.ok && parsed.value).toEqual(contact);
        expect(parsed.ok && fingerprint(parsed.value)).toBe(fingerprint(contact));
      }),
      { numRuns: 300 },
    );
  });

  it('writes only CRLF-terminated lines of at most 75 octets (+ soft-break "=")', () => {
    const roundTrip = setup(version);
    fc.assert(
      fc.property(contactArb, (contact) => {
        const { text } = roundTrip(contact).written;
        expect(text.endsWith('\r\n')).toBe(true);
        for (const line of text.slice(0, -2).split('\r\n')) {
          expect(line).not.toMatch(/[\r\n]/);
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(76);
        }
      }),
      { numRuns: 100 },
    );
  });
});
