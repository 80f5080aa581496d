import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeUtf8,
  foldLine,
  readContentText,
  splitTopLevelBlocks,
  unfoldLines,
  writeContentLine,
  decodePropertyValue,
} from '../../../../src/core/formats/text/index.js';

function octets(s: string) {
  return encodeUtf8(s).length;
}

describe('folding and writing', () => {
  it('folds at 75 octets without splitting UTF-8 characters, and unfolds back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (value) => {
        const clean = value.replace(/[\r\n]/g, '');
        const folded = foldLine(`NOTE:${clean}`);
        for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(unfoldLines(folded, 'rfc').lines[0]?.text ?? '').toBe(`NOTE:${clean}`);
      }),
    );
  });

  it('writes versit values that need it as QP with CHARSET and soft breaks, and reads them back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (value) => {
        const clean = value.replace(/\r\n?/g, '\n');
        const written = writeContentLine({ name: 'NOTE', value: clean }, 'versit');
        for (const physical of written.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(76);
        const logical = readContentText(`BEGIN:VCARD\r\n${written}\r\nEND:VCARD`, 'versit');
        const prop = logical.components[0]!.properties[0]!;
        expect(decodePropertyValue(prop).text.replace(/\r\n/g, '\n')).toBe(clean);
      }),
    );
  });

  it('uses CHARSET=UTF-8 only for non-ASCII', () => {
    expect(writeContentLine({ name: 'NOTE', value: 'a\nb' }, 'versit')).toBe(
      'NOTE;ENCODING=QUOTED-PRINTABLE:a=0D=0Ab',
    );
    expect(writeContentLine({ name: 'N', value: 'Müller;Jürgen' }, 'versit')).toBe(
      'N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=BCller;J=C3=BCrgen',
    );
  });

  it('quotes RFC parameter values with separators', () => {
    expect(writeContentLine({ name: 'X-A', params: [['X-L', 'a:b']], value: 'v' }, 'rfc')).toBe(
      'X-A;X-L="a:b":v',
    );
  });
});

describe('components', () => {
  it('nests components and reports an unterminated BEGIN at its line', () => {
    const tree = readContentText('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n', 'versit');
    expect(tree.components).toEqual([]);
    expect(tree.issues.map((i) => [i.code, i.line])).toEqual([['UNTERMINATED_COMPONENT', 1]]);
  });

  it('reports a mismatched END', () => {
    const tree = readContentText('BEGIN:VCARD\r\nEND:VEVENT\r\nEND:VCARD', 'rfc');
    expect(tree.components.map((c) => [c.name, c.startLine, c.endLine])).toEqual([['VCARD', 1, 3]]);
    expect(tree.issues.map((i) => [i.code, i.line])).toEqual([['MALFORMED_LINE', 2]]);
  });

  it('splits a multi-card file into blocks with start lines', () => {
    const text = 'BEGIN:VCARD\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nFN:B\nEND:VCARD\nBEGIN:VCARD\nFN:C';
    expect(splitTopLevelBlocks(text, 'vcard').map((b) => b.startLine)).toEqual([1, 5, 8]);
  });
});
