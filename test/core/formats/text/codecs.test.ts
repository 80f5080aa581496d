import { describe, expect, it } from 'vitest';
import {
  decodeBytes,
  decodePropertyValue,
  decodeQuotedPrintable,
  decodeUtf8,
  encodeQuotedPrintable,
  encodeUtf8,
  parseContentLine,
} from '../../../../src/core/formats/text/index.js';

function setup(line: string) {
  const parsed = parseContentLine({ text: line, line: 3 });
  if (!parsed.ok) throw new Error('test line must parse');
  return decodePropertyValue(parsed.value);
}

describe('charsets', () => {
  it('round-trips UTF-8 including astral characters', () => {
    const text = 'Müller Straße € 😀';
    expect(decodeUtf8(encodeUtf8(text))).toEqual({ text, replaced: false });
  });

  it('encodes a lone surrogate as U+FFFD instead of invalid bytes', () => {
    expect([...encodeUtf8('a\ud800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });

  it('replaces invalid UTF-8 and says so', () => {
    expect(decodeUtf8(Uint8Array.from([0x4d, 0xfc, 0x6c]))).toEqual({ text: 'M\ufffdl', replaced: true });
  });

  it('decodes ISO-8859-1, ISO-8859-15 and Windows-1252', () => {
    const bytes = Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0xdf, 0x80, 0xa4]);
    expect(decodeBytes(bytes, 'iso-8859-1')!.text).toBe('Müller ß\u0080¤');
    expect(decodeBytes(bytes, 'ISO-8859-15')!.text).toBe('Müller ß\u0080€');
    expect(decodeBytes(bytes, 'windows-1252')!.text).toBe('Müller ß€¤');
    expect(decodeBytes(bytes, 'KOI8-R')).toBeUndefined();
  });
});

describe('quoted-printable', () => {
  it('encodes and decodes UTF-8 text with line breaks', () => {
    const text = 'Grüße,\nzweite Zeile = gleich ';
    const encoded = encodeQuotedPrintable(text);
    expect(encoded).toBe('Gr=C3=BC=C3=9Fe,=0D=0Azweite Zeile =3D gleich=20');
    expect(decodeUtf8(decodeQuotedPrintable(encoded).bytes).text).toBe(text.replace('\n', '\r\n'));
  });

  it('keeps a bad "=" sequence and reports its offset', () => {
    const r = decodeQuotedPrintable('a=ZZb=4');
    expect(r.badSequences).toEqual([1, 5]);
  });
});

describe('decodePropertyValue', () => {
  it('decodes QP with CHARSET=ISO-8859-1 (Nokia style)', () => {
    expect(setup('N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen').text).toBe(
      'Müller;Jürgen',
    );
  });

  it('decodes bare QUOTED-PRINTABLE defaulting to UTF-8', () => {
    expect(setup('NOTE;QUOTED-PRINTABLE:Gr=C3=BC=C3=9Fe').text).toBe('Grüße');
  });

  it('falls back to Windows-1252 for undeclared 8-bit QP', () => {
    expect(setup('NOTE;ENCODING=QUOTED-PRINTABLE:Gr=FC=DFe =80').text).toBe('Grüße €');
  });

  it('reports an unknown charset with its line and still decodes', () => {
    const r = setup('NOTE;CHARSET=X-KLINGON;ENCODING=QUOTED-PRINTABLE:abc');
    expect(r.text).toBe('abc');
    expect(r.issues.map((i) => [i.code, i.line, i.property])).toEqual([['UNKNOWN_CHARSET', 3, 'NOTE']]);
  });

  it('reports bad QP', () => {
    expect(setup('NOTE;ENCODING=QUOTED-PRINTABLE:a=XYb').issues.map((i) => i.code)).toEqual([
      'BAD_QUOTED_PRINTABLE',
    ]);
  });

  it('returns base64 without whitespace', () => {
    expect(setup('PHOTO;ENCODING=b;TYPE=JPEG:QUJD REVG')).toMatchObject({
      text: 'QUJDREVG',
      encoding: 'base64',
    });
  });
});
