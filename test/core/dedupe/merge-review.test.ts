import { describe, expect, it } from 'vitest';
import { mergeContacts } from '../../../src/core/dedupe/merge.js';
import { decide, linkAllAbove, startReview, summarize } from '../../../src/core/dedupe/review.js';
import { emptyContact, type Contact } from '../../../src/core/model/index.js';

const outlook: Contact = {
  ...emptyContact(),
  name: { given: 'Jürgen', family: 'Weiß' },
  company: 'Immobilien Weiß GmbH',
  phones: [{ kind: 'mobile', number: '0171 2345678' }],
  emails: [{ kind: 'work', address: 'j.weiss@weiss-immo.de' }],
  note: 'Outlook-Notiz',
  modifiedAt: '2026-10-01T10:00:00Z',
};
const crm: Contact = {
  ...emptyContact(),
  name: { given: 'Juergen', family: 'Weiss' },
  company: 'Immobilien Weiss',
  jobTitle: 'Geschäftsführer',
  phones: [
    { kind: 'mobile', number: '+49 171 2345678' },
    { kind: 'business', number: '+49 221 987654' },
  ],
  emails: [{ kind: 'home', address: 'juergen@privat.de' }],
  modifiedAt: '2026-11-01T10:00:00Z',
};

describe('merging a linked pair', () => {
  it('takes the newer side for scalars and fills gaps from the other side', () => {
    const m = mergeContacts(outlook, crm, { defaultCountry: 'DE' });
    expect(m.name).toEqual(crm.name);
    expect(m.jobTitle).toBe('Geschäftsführer');
    expect(m.note).toBe('Outlook-Notiz');
  });

  it('honours per-field choices', () => {
    const m = mergeContacts(outlook, crm, {
      choices: { name: 'outlook', company: 'outlook' },
      defaultCountry: 'DE',
    });
    expect(m.name).toEqual(outlook.name);
    expect(m.company).toBe('Immobilien Weiß GmbH');
  });

  it('unites phones and e-mails without doubling the same number in another format', () => {
    const m = mergeContacts(outlook, crm, { defaultCountry: 'DE' });
    expect(m.phones.map((p) => p.number)).toEqual(['+49 171 2345678', '+49 221 987654']);
    expect(m.emails.map((e) => e.address).sort()).toEqual(['j.weiss@weiss-immo.de', 'juergen@privat.de']);
  });
});

describe('review decisions', () => {
  const pairs = [95, 82, 60].map((score, i) => ({
    left: i,
    right: i,
    score,
    reasons: ['same-email' as const],
  }));

  it('links in bulk by score and leaves hand-made decisions alone', () => {
    let s = startReview(pairs);
    s = decide(s, 0, { action: 'keep-both' });
    s = linkAllAbove(s, 80);
    expect(s.decisions.map((d) => d.action)).toEqual(['keep-both', 'link', 'undecided']);
    expect(summarize(s)).toEqual({ linked: 1, keptBoth: 1, skipped: 0, undecided: 1 });
  });

  it('refuses a decision for a pair that does not exist', () => {
    expect(() => decide(startReview(pairs), 5, { action: 'skip-outlook' })).toThrow(RangeError);
  });
});
