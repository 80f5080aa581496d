import { describe, expect, it } from 'vitest';
import { contactMatcher } from '../../../src/core/dedupe/contact-matcher.js';
import { matchLists, matchWithin } from '../../../src/core/dedupe/matcher.js';
import { emptyContact, type Contact } from '../../../src/core/model/index.js';
import { evaluatePairs, generateContactSet } from '../../support/dedupe-testset.js';

const m = contactMatcher('DE');
const score = (a: Contact, b: Contact) => m.score(m.features(a), m.features(b));
const contact = (over: Partial<Contact>): Contact => ({ ...emptyContact(), ...over });

const juergen = contact({
  name: { given: 'Jürgen', family: 'Weiß' },
  company: 'Immobilien Weiß GmbH',
  emails: [{ kind: 'work', address: 'j.weiss@weiss-immo.de' }],
  phones: [{ kind: 'mobile', number: '+49 171 2345678' }],
});

describe('contact scoring', () => {
  it('links the same person spelled differently, with named reasons', () => {
    const crm = contact({
      name: { given: 'Juergen', family: 'Weiss', prefix: 'Dr.' },
      company: 'Immobilien Weiss',
      phones: [{ kind: 'mobile', number: '0171/2345678' }],
    });
    const s = score(juergen, crm);
    expect(s.score).toBeGreaterThanOrEqual(90);
    expect(s.reasons).toEqual(expect.arrayContaining(['same-mobile', 'same-name', 'same-company']));
  });

  it('recognises swapped given and family names', () => {
    const swapped = contact({
      name: { given: 'Weiß', family: 'Jürgen' },
      emails: [{ kind: 'work', address: 'J.Weiss+x@weiss-immo.de' }],
    });
    const s = score(juergen, swapped);
    expect(s.reasons).toEqual(expect.arrayContaining(['same-email', 'swapped-name']));
    expect(s.score).toBeGreaterThanOrEqual(70);
  });

  it('does not link a namesake at another company', () => {
    const namesake = contact({
      name: { given: 'Jürgen', family: 'Weiß' },
      company: 'Bauträger Nord AG',
      emails: [{ kind: 'work', address: 'jweiss@nord.de' }],
      phones: [{ kind: 'business', number: '040 555 1234' }],
    });
    const s = score(juergen, namesake);
    expect(s.score).toBeLessThan(50);
    expect(s.reasons).toContain('different-company');
  });

  it('does not link colleagues who share the switchboard number', () => {
    const a = contact({
      name: { given: 'Anna', family: 'Krüger' },
      company: 'Notariat Süd',
      phones: [{ kind: 'business', number: '089 1234567' }],
    });
    const b = contact({
      name: { given: 'Dieter', family: 'Lang' },
      company: 'Notariat Süd',
      phones: [{ kind: 'business', number: '+49 89 1234567' }],
    });
    expect(score(a, b).score).toBeLessThan(70);
  });

  it('does not link a shared office e-mail between different people', () => {
    const a = contact({
      name: { given: 'Anna', family: 'Krüger' },
      emails: [{ kind: 'work', address: 'info@notariat.de' }],
    });
    const b = contact({
      name: { given: 'Dieter', family: 'Lang' },
      emails: [{ kind: 'work', address: 'info@notariat.de' }],
    });
    expect(score(a, b).score).toBeLessThan(50);
  });
});

describe('matching lists', () => {
  it('pairs each item at most once, best score first', () => {
    const crmA = contact({ name: { given: 'Jürgen', family: 'Weiß' }, emails: juergen.emails });
    const crmB = contact({
      name: { given: 'Jürgen', family: 'Weiss' },
      phones: juergen.phones,
      emails: juergen.emails,
      company: 'Immobilien Weiß',
    });
    const { pairs } = matchLists([juergen], [crmA, crmB], m);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.right).toBe(1);
  });

  it('finds duplicates inside one folder', () => {
    const copy = contact({ ...juergen, name: { given: 'Juergen', family: 'Weiss' } });
    const other = contact({ name: { given: 'Anna', family: 'Lang' } });
    const pairs = matchWithin([juergen, other, copy], m);
    expect(pairs.map((p) => [p.left, p.right])).toEqual([[0, 2]]);
  });

  it('reaches precision ≥ 0.99 and recall ≥ 0.95 on a generated labelled set, comparing far fewer pairs than all', () => {
    const set = generateContactSet(2000, 3);
    const { pairs, stats } = matchLists(set.outlook, set.crm, m);
    const q = evaluatePairs(
      pairs.filter((p) => p.score >= 70),
      set.truePairs,
    );
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
    expect(stats.comparisons).toBeLessThan((set.outlook.length * set.crm.length) / 20);
  });
});
