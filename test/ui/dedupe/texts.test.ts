import { describe, expect, it } from 'vitest';
import { loadDedupeTexts } from '../../../src/ui/dedupe/texts.js';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('duplicate check texts', () => {
  it('German and English tables have the same entries, none empty', async () => {
    const [de, en] = await Promise.all([loadDedupeTexts('de'), loadDedupeTexts('en')]);
    expect(keysOf(de).sort()).toEqual(keysOf(en).sort());
    for (const t of [de, en]) {
      for (const key of keysOf(t)) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], t);
        const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)(2, 3, 1, 0) : value;
        expect(typeof text === 'string' && text.length > 0, key).toBe(true);
      }
    }
    expect(de.linkAbove(90)).not.toBe(en.linkAbove(90));
  });
});
