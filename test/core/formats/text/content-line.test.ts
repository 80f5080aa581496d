import { describe, expect, it } from 'vitest';
import { parseContentLine, typesOf } from '../../../../src/core/formats/text/index.js';

function setup(text: string) {
  return parseContentLine({ text, line: 7 });
}

describe('parseContentLine', () => {
  it('parses bare 2.1 parameters', () => {
    const r = setup('TEL;CELL;HOME:+49 171 1234567');
    expect(r).toEqual({
      ok: true,
      value: { name: 'TEL', params: {}, bareParams: ['CELL', 'HOME'], rawValue: '+49 171 1234567', line: 7 },
    });
  });

  it('parses groups, TYPE lists, repeated TYPE and quoted values with ":" inside', () => {
    const r = setup('item1.EMAIL;type=INTERNET,work;TYPE=pref;X-LABEL="a:b;c":anna@example.de');
    expect(r.ok && r.value).toMatchObject({
      name: 'EMAIL',
      group: 'item1',
      params: { TYPE: ['INTERNET', 'work', 'pref'], 'X-LABEL': ['a:b;c'] },
      rawValue: 'anna@example.de',
    });
    expect(r.ok && typesOf(r.value)).toEqual(['INTERNET', 'WORK', 'PREF']);
  });

  it('keeps colons in the value', () => {
    const r = setup('URL:https://example.de:8443/x');
    expect(r.ok && r.value.rawValue).toBe('https://example.de:8443/x');
  });

  it('gives MALFORMED_LINE with the line for a line without colon or with a bad name', () => {
    expect(setup('no colon here')).toMatchObject({ ok: false, issue: { code: 'MALFORMED_LINE', line: 7 } });
    expect(setup('BAD NAME:x')).toMatchObject({ ok: false, issue: { code: 'MALFORMED_LINE', line: 7 } });
  });
});
