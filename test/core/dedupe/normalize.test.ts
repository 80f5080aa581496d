import { describe, expect, it } from 'vitest';
import {
  foldText,
  nameTokens,
  normalizeCompany,
  normalizeEmail,
  normalizePhone,
} from '../../../src/core/dedupe/normalize.js';
import { jaroWinkler, koelnerPhonetik } from '../../../src/core/dedupe/similarity.js';

describe('normalisation', () => {
  it('folds umlauts, ß and accents the way German offices spell them', () => {
    expect(foldText('Jürgen Weiß')).toBe(foldText('Juergen Weiss'));
    expect(foldText('MÜLLER-Lüdenscheidt')).toBe('mueller luedenscheidt');
    expect(foldText('François Dubois')).toBe('francois dubois');
  });

  it('drops academic titles and honorifics from names', () => {
    expect(nameTokens('Prof. Dr. med. Anna Schäfer')).toEqual(['anna', 'schaefer']);
    expect(nameTokens('Herr Dipl.-Ing. Klaus Meier')).toEqual(['klaus', 'meier']);
  });

  it('drops legal forms from company names', () => {
    expect(normalizeCompany('Immobilien Weiß GmbH & Co. KG')).toBe('immobilien weiss');
    expect(normalizeCompany('Immobilien Weiss')).toBe('immobilien weiss');
    expect(normalizeCompany('Hausverwaltung Nord AG')).toBe('hausverwaltung nord');
  });

  it('lower-cases e-mail addresses and drops plus-tags', () => {
    expect(normalizeEmail(' Anna.Schaefer+CRM@Example.DE ')).toBe('anna.schaefer@example.de');
    expect(normalizeEmail('not-an-address')).toBe('not-an-address');
  });

  it('brings phone numbers to E.164 with the mailbox country as default', () => {
    const forms = ['030/1234567', '+49 (0)30 1234567', '0049 30 1234567', '(030) 123 45 67'];
    for (const f of forms) expect(normalizePhone(f, 'DE')).toBe('+49301234567');
    expect(normalizePhone('0171 2345678', 'AT')).toBe('+431712345678');
    expect(normalizePhone('', 'DE')).toBe('');
  });
});

describe('similarity', () => {
  it('computes Jaro-Winkler like the reference examples', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('gives Kölner Phonetik codes of the published examples', () => {
    expect(koelnerPhonetik('wikipedia')).toBe('3412');
    expect(koelnerPhonetik(foldText('Müller-Lüdenscheidt').replace(/ /g, ''))).toBe('65752682');
    expect(koelnerPhonetik('meyer')).toBe(koelnerPhonetik('maier'));
  });
});
