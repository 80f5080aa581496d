import { describe, expect, it } from 'vitest';
import { MAX_LOGICAL_LINE_CHARS, unfoldLines } from '../../../../src/core/formats/text/index.js';

function setup(text: string, syntax: 'versit' | 'rfc' = 'rfc') {
  return unfoldLines(text, syntax);
}

describe('unfoldLines', () => {
  it('joins RFC folding and removes one whitespace character', () => {
    const { lines, issues } = setup('NOTE:Hello\r\n  World\r\n\tagain\r\nFN:X');
    expect(lines).toEqual([
      { text: 'NOTE:Hello Worldagain', line: 1 },
      { text: 'FN:X', line: 4 },
    ]);
    expect(issues).toEqual([]);
  });

  it('keeps the folding whitespace in versit syntax (2.1 folds before existing whitespace)', () => {
    expect(setup('NOTE:Hello\r\n World', 'versit').lines[0]!.text).toBe('NOTE:Hello World');
  });

  it('joins QP soft line breaks without a leading space, then stops', () => {
    const text = 'NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0A=\r\nSecond=\r\n line\r\nFN:X';
    const { lines } = setup(text, 'versit');
    expect(lines[0]).toEqual({ text: 'NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0ASecond line', line: 1 });
    expect(lines[1]).toEqual({ text: 'FN:X', line: 4 });
  });

  it('treats a trailing "=" as data when the property is not QP', () => {
    const { lines } = setup('URL:http://x/?a=\r\nFN:X', 'versit');
    expect(lines.map((l) => l.text)).toEqual(['URL:http://x/?a=', 'FN:X']);
  });

  it('accepts LF and CR line ends and skips blank lines', () => {
    expect(setup('A:1\nB:2\rC:3\n\n').lines.map((l) => l.line)).toEqual([1, 2, 3]);
  });

  it('reports a soft break at the end of the input', () => {
    const { issues } = setup('NOTE;QUOTED-PRINTABLE:abc=', 'versit');
    expect(issues.map((i) => [i.code, i.line])).toEqual([['BAD_QUOTED_PRINTABLE', 1]]);
  });

  it('reports a continuation line with nothing to continue', () => {
    expect(setup(' orphan\r\nFN:X').issues.map((i) => [i.code, i.line])).toEqual([['BAD_FOLDING', 1]]);
  });

  it('reports NUL bytes with their line', () => {
    expect(setup('FN:X\r\nN:a\u0000b').issues.map((i) => [i.code, i.line])).toEqual([['NUL_BYTE', 2]]);
  });

  it('fails a logical line above the cap with TOO_LARGE instead of truncating it', () => {
    const chunk = 'A'.repeat(1024 * 1024);
    const folded = ['PHOTO;ENCODING=b:' + chunk, ...Array.from({ length: 9 }, () => ' ' + chunk), 'FN:X'];
    const { lines, issues } = setup(folded.join('\r\n'));
    expect(issues.map((i) => [i.code, i.line])).toEqual([['TOO_LARGE', 1]]);
    expect(lines.map((l) => l.text)).toEqual(['FN:X']);
    expect(MAX_LOGICAL_LINE_CHARS).toBeGreaterThan(7 * 1024 * 1024);
  });
});
