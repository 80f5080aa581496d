import fc from 'fast-check';
import type { Contact, DateOnly, Email, Phone, PostalAddress } from '../../../../src/core/model/index.js';

/**
 * fast-check generators of Contacts whose every field a vCard can carry: text as the model holds it (no CR, no
 * NUL — the model uses '\n' for line breaks), any Unicode, and the separators and backslashes that escaping must
 * survive. Empty strings are absent in the model, so generated strings are non-empty.
 */
const interesting = fc.constantFrom(
  ';',
  ',',
  '\\',
  ':',
  '=',
  '"',
  '\n',
  ' ',
  '\t',
  'ä',
  'ß',
  '€',
  '😀',
  'Ω',
  '=0D',
  '\u2028',
  '\u0085',
  '[sync] ',
);
const textUnit = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), interesting);

export const modelText: fc.Arbitrary<string> = fc
  .array(textUnit, { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').replace(/\r/g, 'x').replaceAll(String.fromCharCode(0), 'x'));

/** Text the reader trims or splits on (categories): trimmed, non-empty. */
const trimmedText = modelText.map((s) => s.trim()).filter((s) => s !== '');

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const dateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const phoneArb: fc.Arbitrary<Phone> = fc.record({
  kind: fc.constantFrom('mobile', 'home', 'business', 'homeFax', 'businessFax', 'pager', 'other'),
  number: modelText,
});

const emailArb: fc.Arbitrary<Email> = fc.record({
  kind: fc.constantFrom('home', 'work', 'other'),
  address: modelText,
});

const addressArb: fc.Arbitrary<PostalAddress> = fc
  .record(
    {
      kind: fc.constantFrom('home', 'business', 'other'),
      street: modelText,
      city: modelText,
      region: modelText,
      postalCode: modelText,
      country: modelText,
      poBox: modelText,
      extended: modelText,
    },
    { requiredKeys: ['kind', 'city'] },
  )
  .map((a) => a as PostalAddress);

const extraArb = fc.dictionary(
  fc.stringMatching(/^X-[A-Z]{1,8}$/),
  // Only separators and blanks = Synthesis' "known and empty", read as absent (read-properties.ts).
  modelText.map((s) => s.replace(/\n/g, ' ')).filter((s) => !/^[;,\s]*$/.test(s)),
  { maxKeys: 3 },
);

const photoArb = fc.record({
  mediaType: fc.constantFrom('image/jpeg', 'image/png', 'image/gif'),
  base64: fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => Buffer.from(b).toString('base64')),
});

/** Removes undefined fields so generated contacts compare equal to parsed ones. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const contactArb: fc.Arbitrary<Contact> = fc
  .record({
    name: fc.record(
      { given: modelText, family: modelText, middle: modelText, prefix: modelText, suffix: modelText },
      { requiredKeys: [] },
    ),
    displayName: modelText,
    nickname: optional(modelText),
    company: optional(modelText),
    department: optional(modelText),
    jobTitle: optional(modelText),
    phones: fc.array(phoneArb, { maxLength: 6 }),
    emails: fc.array(emailArb, { maxLength: 5 }),
    addresses: fc.array(addressArb, { maxLength: 4 }),
    urls: fc.array(modelText, { maxLength: 3 }),
    birthday: optional(dateArb.map((iso) => iso.slice(0, 10) as DateOnly)),
    note: optional(modelText),
    categories: fc.array(trimmedText, { maxLength: 4 }),
    photo: optional(photoArb),
    extra: extraArb,
    modifiedAt: optional(dateArb.map((iso) => iso.replace(/\.\d+Z$/, 'Z'))),
  })
  .map((r) =>
    compact({ kind: 'contact' as const, ...r, name: compact(r.name), addresses: r.addresses.map(compact) }),
  );
