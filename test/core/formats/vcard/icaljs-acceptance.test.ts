import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseVCard, serializeVCard } from '../../../../src/core/formats/index.js';

/** A second, independent RFC 2426 reader (ical.js, vcard3 design set) must accept what we write as 3.0. */
function setup(name: string) {
  const parsed = parseVCard(
    readFileSync(new URL(`../../../fixtures/vcard/${name}.vcf`, import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(`fixture ${name} must parse`);
  const text = serializeVCard(parsed.value, '3.0').text;
  return { contact: parsed.value, card: new ICAL.Component(ICAL.parse(text)) };
}

describe('our vCard 3.0 output read by ical.js', () => {
  it.each(['crm-3.0', 'ios-3.0', 'nokia-2.1', 'outlook-2.1', 'photo-2.1', 'synthesis-2.1'])('%s', (name) => {
    const { contact, card } = setup(name);
    expect(card.name).toBe('vcard');
    expect(card.getFirstPropertyValue('version')).toBe('3.0');
    expect(card.getFirstPropertyValue('fn')).toBe(contact.displayName);
    const n = card.getFirstPropertyValue('n') as string[];
    expect(n.slice(0, 2)).toEqual([contact.name.family ?? '', contact.name.given ?? '']);
    expect(card.getAllProperties('tel').map((p) => p.getFirstValue())).toEqual(
      contact.phones.map((p) => p.number),
    );
    expect(card.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(
      contact.emails.map((e) => e.address),
    );
    const categories = card.getFirstProperty('categories')?.getValues() ?? [];
    expect(categories).toEqual(contact.categories);
  });
});
