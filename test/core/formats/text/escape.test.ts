import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeText,
  joinStructured,
  splitAndUnescape,
  unescapeText,
} from '../../../../src/core/formats/text/index.js';

describe('escaping', () => {
  it('unescapes RFC escapes', () => {
    expect(unescapeText('a\\,b\\;c\\nd\\\\e\\Nf', 'rfc')).toBe('a,b;c\nd\\e\nf');
  });

  it('leaves lone backslashes literal in versit syntax', () => {
    expect(unescapeText('C:\\new\\temp', 'versit')).toBe('C:\\new\\temp');
  });

  it('splits structured values at unescaped separators only', () => {
    expect(splitAndUnescape('Müller\\; Söhne;Jürgen;;Dr.;', 'versit', ';')).toEqual([
      'Müller; Söhne',
      'Jürgen',
      '',
      'Dr.',
      '',
    ]);
  });

  it.each(['versit', 'rfc'] as const)('round-trips any component list in %s syntax', (syntax) => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), (parts) => {
        const clean = syntax === 'rfc' ? parts.map((p) => p.replace(/\r\n?/g, '\n')) : parts;
        expect(splitAndUnescape(joinStructured(clean, syntax), syntax, ';')).toEqual(clean);
      }),
    );
  });

  it('escapes list separators on request', () => {
    expect(escapeText('A, B', 'versit', ',')).toBe('A\\, B');
    expect(splitAndUnescape('A\\, B,C', 'versit', ',')).toEqual(['A, B', 'C']);
  });
});
