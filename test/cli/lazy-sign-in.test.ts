/**
 * Sandbox runs and `--token-env` must not load msal-node (decision 0160): it is reached only through the
 * dynamic import in graph-tokens.ts. This walks the CLI's static imports from its entry and checks that.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENTRY = resolve(import.meta.dirname, '../../src/cli/entry.ts');
/** `import x from 'y'` and `export … from 'y'`, not `import type` and not `import('y')`. */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)[^'";]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm;

function setup() {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) walk(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  walk(ENTRY);
  return { seen, packages };
}

describe('the CLI loads msal-node lazily', () => {
  it('reaches msal-node from its entry through no static import, and the sign-in module only dynamically', () => {
    const { seen, packages } = setup();
    expect(seen.size).toBeGreaterThan(20);
    expect([...packages].filter((p) => p.startsWith('@azure/'))).toEqual([]);
    expect([...seen].some((f) => f.endsWith('sign-in/device-code.ts'))).toBe(false);
    const graphTokens = readFileSync(resolve(dirname(ENTRY), 'graph-tokens.ts'), 'utf8');
    expect(graphTokens).toContain("await import('./sign-in/device-code.js')");
  });
});
