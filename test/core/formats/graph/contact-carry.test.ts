import { describe, expect, it } from 'vitest';
import {
  CONTACT_CARRY_PROPERTY_ID,
  contactFromGraph,
  contactToGraph,
  type GraphContact,
} from '../../../../src/core/formats/index.js';
import { CONTACT_CARRY_MAX_CHARS } from '../../../../src/core/formats/graph/contact-carry.js';
import { emptyContact, type Contact } from '../../../../src/core/model/index.js';

const contact = (extra: Record<string, string>): Contact => ({
  ...emptyContact(),
  name: { given: 'Carla', family: 'Carry' },
  extra,
});

function roundTrip(c: Contact) {
  const written = contactToGraph(c);
  const read = contactFromGraph(written.value as GraphContact);
  if (!read.ok) throw new Error(`must read: ${read.error.code}`);
  return { written, back: read.value, warnings: [...written.warnings, ...read.warnings] };
}

describe('the contact carry property (CRM-only extras in Outlook)', () => {
  it('keeps X- values, UID and repeats through Graph; Graph-field extras stay in their fields', () => {
    const extra = {
      'X-CRM-ID': '4711',
      'X-CRM-ID#2': '4712',
      UID: 'crm-4711',
      'item1.X-ABLABEL': 'Assistenz',
      'X-SPOUSE': 'Berta',
    };
    const { written, back, warnings } = roundTrip(contact(extra));
    expect(back.extra).toEqual(extra);
    expect(written.value.spouseName).toBe('Berta');
    const carried = JSON.parse(written.value.singleValueExtendedProperties![0]!.value) as {
      extra: Record<string, string>;
    };
    expect(Object.keys(carried.extra).sort()).toEqual(['UID', 'X-CRM-ID', 'X-CRM-ID#2', 'item1.X-ABLABEL']);
    expect(warnings).toEqual([]);
  });

  it('writes no carry property for a contact with nothing to carry', () => {
    expect(
      contactToGraph(contact({ 'X-SPOUSE': 'Berta' })).value.singleValueExtendedProperties,
    ).toBeUndefined();
  });

  it('leaves out what would make the property too long, with FIELD_NOT_REPRESENTABLE, smallest kept', () => {
    const big = 'x'.repeat(CONTACT_CARRY_MAX_CHARS);
    const { back, warnings } = roundTrip(contact({ 'X-BIG': big, 'X-SMALL': 'klein' }));
    expect(back.extra).toEqual({ 'X-SMALL': 'klein' });
    expect(warnings.map((w) => [w.code, w.property])).toEqual([['FIELD_NOT_REPRESENTABLE', 'X-BIG']]);
  });

  it('ignores a damaged or empty carry value with MALFORMED_LINE, and reads the property id in any case', () => {
    const base: GraphContact = { displayName: 'Carla Carry' };
    const withValue = (value: string, id = CONTACT_CARRY_PROPERTY_ID): GraphContact => ({
      ...base,
      singleValueExtendedProperties: [{ id, value }],
    });
    for (const value of ['{not json', '{"extra":[1]}', 'null']) {
      const r = contactFromGraph(withValue(value));
      expect(r.ok && r.value.extra).toEqual({});
      expect(r.warnings.map((w) => w.code)).toEqual(['MALFORMED_LINE']);
    }
    const empty = contactFromGraph(withValue(''));
    expect(empty.ok && empty.value.extra).toEqual({});
    expect(empty.warnings).toEqual([]);
    const lower = contactFromGraph(
      withValue('{"extra":{"X-A":"1","X-N":2}}', CONTACT_CARRY_PROPERTY_ID.toLowerCase()),
    );
    expect(lower.ok && lower.value.extra).toEqual({ 'X-A': '1' });
  });
});
