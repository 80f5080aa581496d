import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatIssue, FormatIssueCode } from '../../../../src/core/model/index.js';
import { parseVCard, serializeVCard } from '../../../../src/core/formats/index.js';

const dir = new URL('../../../fixtures/vcard/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.vcf'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));

const KNOWN_CODES: ReadonlySet<FormatIssueCode> = new Set<FormatIssueCode>([
  'BAD_FOLDING',
  'BAD_QUOTED_PRINTABLE',
  'UNKNOWN_CHARSET',
  'INVALID_DATE',
  'UNTERMINATED_COMPONENT',
  'MISSING_COMPONENT',
  'NUL_BYTE',
  'TOO_LARGE',
  'BAD_BASE64',
  'FIELD_NOT_REPRESENTABLE',
  'MALFORMED_LINE',
  'MISSING_REQUIRED',
]);

type Mutation = (text: string, at: number, ch: string) => string;

/** The damage real transports and sloppy writers do. `at` is a relative position in [0, 1). */
const MUTATIONS: Readonly<Record<string, Mutation>> = {
  truncate: (t, at) => t.slice(0, Math.floor(t.length * at)),
  flipChar: (t, at, ch) => {
    const i = Math.floor(t.length * at);
    return t.slice(0, i) + ch + t.slice(i + 1);
  },
  insertNul: (t, at) => {
    const i = Math.floor(t.length * at);
    return t.slice(0, i) + '\u0000' + t.slice(i);
  },
  breakQuotedPrintable: (t, at) => {
    const hits = [...t.matchAll(/=[0-9A-F]{2}|=\r\n/g)];
    const hit = hits[Math.floor(hits.length * at)];
    return hit ? t.slice(0, hit.index + 1) + 'Z' + t.slice(hit.index + 2) : t + '=';
  },
  breakFolding: (t, at) => {
    const i = Math.floor(t.length * at);
    return at < 0.5
      ? t.slice(0, i) + '\r\n ' + t.slice(i)
      : t.replace(/\r\n /, ' ').replace(/\r\n(?=[A-Z])/, '\r\n\t');
  },
  dropLine: (t, at) => {
    const lines = t.split('\r\n');
    lines.splice(Math.floor(lines.length * at), 1);
    return lines.join('\r\n');
  },
  duplicateLine: (t, at) => {
    const lines = t.split('\r\n');
    const i = Math.floor(lines.length * at);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\r\n');
  },
  longValue: (t, at) => {
    const i = t.indexOf('\r\n', Math.floor(t.length * at));
    return i < 0 ? t : t.slice(0, i) + 'x;'.repeat(50_000) + t.slice(i);
  },
};

const mutationArb = fc.record({
  fixture: fc.nat({ max: fixtures.length - 1 }),
  steps: fc.array(
    fc.record({
      kind: fc.constantFrom(...Object.keys(MUTATIONS)),
      at: fc.double({ min: 0, max: 0.999, noNaN: true }),
      ch: fc.constantFrom(
        '\u0000',
        ':',
        ';',
        '=',
        '\\',
        ' ',
        '\r',
        '\n',
        'ÿ',
        '\ufffd',
        'BEGIN:VCARD',
        'END:VCARD',
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

function setup(m: { fixture: number; steps: { kind: string; at: number; ch: string }[] }): string {
  return m.steps.reduce((t, s) => MUTATIONS[s.kind]!(t, s.at, s.ch), fixtures[m.fixture]!);
}

function expectWellFormed(issue: FormatIssue, lineCount: number): void {
  expect(KNOWN_CODES.has(issue.code)).toBe(true);
  if (issue.line !== undefined) {
    expect(Number.isInteger(issue.line)).toBe(true);
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(lineCount);
  }
}

describe('vCard fuzz: mutated fixtures keep the error contract', () => {
  it('returns a ParseResult (never throws), typed issues with valid lines, and whole items only', () => {
    fc.assert(
      fc.property(mutationArb, (m) => {
        const text = setup(m);
        const lineCount = text.split(/\r\n|\n|\r/).length;
        const result = parseVCard(text);
        result.warnings.forEach((w) => expectWellFormed(w, lineCount));
        if (!result.ok) {
          expectWellFormed(result.error, lineCount);
          return;
        }
        // A card that parsed is whole: it serialises and reads back to itself.
        for (const version of ['2.1', '3.0'] as const) {
          const again = parseVCard(serializeVCard(result.value, version).text);
          expect(again.ok).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fails a huge value with TOO_LARGE at its line and does not hang on long lines', () => {
    const huge = fixtures[0]!.replace('\r\nEND:VCARD', `\r\nNOTE:${'a;'.repeat(4_300_000)}\r\nEND:VCARD`);
    const r = parseVCard(huge);
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(r.ok ? 0 : r.error.line).toBe(huge.split('\r\n').length - 2);
    const manyFolds = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${'\r\n x'.repeat(200_000)}\r\nEND:VCARD`;
    expect(parseVCard(manyFolds).ok).toBe(true);
    const manyEquals = `BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;QUOTED-PRINTABLE:${'=\r\n'.repeat(200_000)}x\r\nFN:A\r\nEND:VCARD`;
    expect(parseVCard(manyEquals).ok).toBe(true);
  });
});
