import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src/core/model/index.js';
import { parseVCard, parseVCardFile, serializeVCard } from '../../../../src/core/formats/index.js';

const dir = new URL('../../../fixtures/vcard/', import.meta.url);

function setup(name: string) {
  const text = readFileSync(new URL(`${name}.vcf`, dir), 'utf8');
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as {
    contact: Contact;
    warnings: string[];
  };
  return { text, expected };
}

const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.vcf'))
  .map((f) => f.replace(/\.vcf$/, ''));

describe('vCard fixtures', () => {
  it('has the realistic set the issue asks for', () => {
    expect(fixtures.sort()).toEqual([
      'crm-3.0',
      'ios-3.0',
      'nokia-2.1',
      'outlook-2.1',
      'photo-2.1',
      'synthesis-2.1',
      'synthesis-2.1-folded',
      'synthesis-2.1-photo',
      'synthesis-3.0',
    ]);
  });

  describe.each(fixtures)('%s', (name) => {
    it('parses to the expected model', () => {
      const { text, expected } = setup(name);
      const result = parseVCard(text);
      expect(result.ok && result.value).toEqual(expected.contact);
      expect(result.warnings.map((w) => w.code)).toEqual(expected.warnings);
    });

    it.each(['2.1', '3.0'] as const)('serialise as %s → parse gives the same model', (version) => {
      const { expected } = setup(name);
      const written = serializeVCard(expected.contact, version);
      expect(written.text.endsWith('END:VCARD\r\n')).toBe(true);
      expect(written.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const again = parseVCard(written.text);
      expect(again.warnings).toEqual([]);
      expect(again.ok && again.value).toEqual(expected.contact);
    });
  });

  it('keeps a PHOTO byte for byte and writes 2.1 base64 folded with a blank line after it', () => {
    const { text, expected } = setup('photo-2.1');
    const b64 = text.split('PHOTO;ENCODING=BASE64;TYPE=JPEG:')[1]!.split('\r\n\r\n')[0]!.replace(/\s+/g, '');
    expect(expected.contact.photo?.base64).toBe(b64);
    const written = serializeVCard(expected.contact, '2.1').text;
    expect(written).toMatch(/PHOTO;ENCODING=BASE64;TYPE=JPEG:\/9j\/[^\r]*\r\n [^\r]+/);
    expect(written).toContain('\r\n\r\nEND:VCARD');
    expect(serializeVCard(expected.contact, '3.0').text).toContain('PHOTO;ENCODING=b;TYPE=JPEG:/9j/');
  });

  it('reads what the Synthesis engine (SyncEvolution server) made of crm-3.0 as the same contact, minus the UID it drops', () => {
    const crm = setup('crm-3.0').expected.contact;
    const { UID: _dropped, ...extra } = crm.extra;
    expect(setup('synthesis-3.0').expected.contact).toEqual({ ...crm, extra });
  });

  it("reads the Synthesis engine's 2.1 PHOTO (VALUE=binary, folded base64) as our photo fixture, byte for byte", () => {
    const { modifiedAt: _rev, ...fromEngine } = setup('synthesis-2.1-photo').expected.contact;
    expect(fromEngine).toEqual(setup('photo-2.1').expected.contact);
  });

  it('keeps the blank a 2.1 writer folded before (versit folding), so long values come back whole', () => {
    const { note } = setup('synthesis-2.1-folded').expected.contact;
    expect(note).toContain(
      'die weit über fünfundsiebzig Zeichen hinausgeht und deshalb gefaltet werden muss,',
    );
  });

  it('parses a file of many cards with file line numbers', () => {
    const texts = fixtures.map((n) => setup(n).text);
    const results = parseVCardFile(texts.join(''));
    expect(results.map((r) => r.result.ok)).toEqual(fixtures.map(() => true));
    expect(results[1]!.startLine).toBe(texts[0]!.split('\r\n').length);
  });
});
