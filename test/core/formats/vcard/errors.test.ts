import { describe, expect, it } from 'vitest';
import { emptyContact, type Contact } from '../../../../src/core/model/index.js';
import { parseVCard, serializeVCard } from '../../../../src/core/formats/index.js';

function setup(lines: string[], version = '2.1') {
  return parseVCard(['BEGIN:VCARD', `VERSION:${version}`, ...lines, 'END:VCARD', ''].join('\r\n'));
}

const codes = (r: { warnings: readonly { code: string; line?: number }[] }) =>
  r.warnings.map((w) => [w.code, w.line]);

describe('parseVCard errors and warnings', () => {
  it('fails a card with nothing to identify it (no half-empty item)', () => {
    expect(setup(['TITLE:', 'NOTE:just a note'])).toMatchObject({
      ok: false,
      error: { code: 'MISSING_REQUIRED', line: 1 },
    });
  });

  it('fails text without a vCard', () => {
    expect(parseVCard('hello')).toMatchObject({ ok: false, error: { code: 'MISSING_COMPONENT' } });
    expect(parseVCard('')).toMatchObject({ ok: false, error: { code: 'MISSING_COMPONENT' } });
  });

  it('fails an unterminated BEGIN with its line', () => {
    const r = parseVCard('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n');
    expect(r).toMatchObject({ ok: false, error: { code: 'UNTERMINATED_COMPONENT', line: 1 } });
  });

  it('fails a NUL byte with its line', () => {
    expect(setup(['FN:A\u0000B'])).toMatchObject({ ok: false, error: { code: 'NUL_BYTE', line: 3 } });
  });

  it('keeps a year-less or invalid BDAY in extra with INVALID_DATE', () => {
    const r = setup(['FN:A', 'BDAY:--0517', 'BDAY:2023-02-30'], '3.0');
    expect(r.ok && r.value.extra).toEqual({ BDAY: '--0517', 'BDAY#2': '2023-02-30' });
    expect(codes(r)).toEqual([
      ['INVALID_DATE', 4],
      ['INVALID_DATE', 5],
    ]);
  });

  it('drops a broken base64 PHOTO with BAD_BASE64 and keeps the rest', () => {
    const r = setup(['FN:A', 'PHOTO;ENCODING=BASE64;TYPE=JPEG:abc!'], '2.1');
    expect(r.ok && r.value.photo).toBeUndefined();
    expect(codes(r)).toEqual([['BAD_BASE64', 4]]);
  });

  it('keeps a 5 MB PHOTO intact and fails one above the cap with TOO_LARGE', () => {
    const fiveMb = 'A'.repeat(Math.ceil((5 * 1024 * 1024) / 3) * 4);
    const ok = setup(['FN:A', `PHOTO;ENCODING=b;TYPE=JPEG:${fiveMb}`], '3.0');
    expect(ok.ok && ok.value.photo?.base64.length).toBe(fiveMb.length);
    const huge = setup(['FN:A', `PHOTO;ENCODING=b;TYPE=JPEG:${'A'.repeat(9 * 1024 * 1024)}`], '3.0');
    expect(huge).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', line: 4 } });
  });

  it('reports an unknown charset and still reads the value', () => {
    const r = setup(['N;CHARSET=X-UNKNOWN;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Anna']);
    expect(r.ok && r.value.name).toEqual({ family: 'Müller', given: 'Anna' });
    expect(codes(r)).toEqual([['UNKNOWN_CHARSET', 3]]);
  });

  it('treats empty properties as absent fields', () => {
    const r = setup([
      'N:Muster;Max',
      'TEL;CELL:',
      'ADR;HOME:;;;;;;',
      'PHOTO:',
      'EMAIL:',
      'GEO:;',
      'X-GENDER:',
      'ORG:;;;',
    ]);
    expect(r.ok && r.value).toEqual({ ...emptyContact(), name: { family: 'Muster', given: 'Max' } });
  });

  it('reads a vCard 4.0 data-URI PHOTO', () => {
    const r = setup(['FN:A', 'PHOTO:data:image/png;base64,iVBORw0KGgo='], '4.0');
    expect(r.ok && r.value.photo).toEqual({ mediaType: 'image/png', base64: 'iVBORw0KGgo=' });
  });

  it('reads QP outside 2.1 and bare types inside 3.0, as sloppy writers send them', () => {
    const r = setup(['N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:K=C3=B6nig;Eva', 'TEL;CELL:+49 1'], '3.0');
    expect(r.ok && r.value).toMatchObject({
      name: { family: 'König', given: 'Eva' },
      phones: [{ kind: 'mobile' }],
    });
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseVCard('\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n')).toMatchObject({
      ok: true,
      value: { displayName: 'A' },
    });
  });

  it('never throws on odd input', () => {
    for (const text of [
      'BEGIN:VCARD',
      'END:VCARD',
      ':::',
      'BEGIN:VCARD\r\n\tfoo\r\nEND:VCARD',
      '=\r\n='.repeat(1000),
    ]) {
      expect(() => parseVCard(text)).not.toThrow();
    }
  });
});

describe('serializeVCard', () => {
  const base: Contact = { ...emptyContact(), name: { given: 'Jürgen', family: 'Groß' } };

  it('writes FN in 3.0 when the contact has no display name, not in 2.1', () => {
    expect(serializeVCard(base, '3.0').text).toContain('\r\nFN:Jürgen Groß\r\n');
    expect(serializeVCard(base, '2.1').text).not.toContain('FN');
  });

  it('writes 2.1 non-ASCII as UTF-8 QP with CHARSET and 3.0 as plain text', () => {
    expect(serializeVCard(base, '2.1').text).toContain(
      'N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Gro=C3=9F;J=C3=BCrgen;;;',
    );
    expect(serializeVCard(base, '3.0').text).toContain('\r\nN:Groß;Jürgen;;;\r\n');
  });

  it('warns when an e-mail display name cannot be carried', () => {
    const c: Contact = { ...base, emails: [{ kind: 'work', address: 'a@b.de', name: 'Büro Groß' }] };
    expect(serializeVCard(c, '3.0').warnings.map((w) => [w.code, w.property])).toEqual([
      ['FIELD_NOT_REPRESENTABLE', 'EMAIL'],
    ]);
  });
});

describe('serializeVCard robustness', () => {
  it('removes a NUL from the model with NUL_BYTE instead of writing an unreadable card', () => {
    const c: Contact = { ...emptyContact(), displayName: 'A\u0000B' };
    const written = serializeVCard(c, '3.0');
    expect(written.warnings.map((w) => [w.code, w.property])).toEqual([['NUL_BYTE', 'FN']]);
    expect(parseVCard(written.text)).toMatchObject({ ok: true, value: { displayName: 'AB' } });
  });

  it('writes a long 2.1 value without blanks as QP so lines stay within 75 octets', () => {
    const url = `https://example.de/${'x'.repeat(120)}`;
    const { text } = serializeVCard({ ...emptyContact(), displayName: 'A', urls: [url] }, '2.1');
    expect(text).toContain('URL;ENCODING=QUOTED-PRINTABLE:https://');
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(parseVCard(text)).toMatchObject({ ok: true, value: { urls: [url] } });
  });
});
