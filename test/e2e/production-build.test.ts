/**
 * `npm run build` as production: the pane page loads office.js from Microsoft's CDN (never
 * bundled, never from the npm package), the built manifest points at ADDIN_PUBLIC_URL and passes
 * the offline checks with every URL served by a file of the build, the sandbox's service worker
 * is not shipped, and the first screen's JavaScript stays within its gzip budget.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS checker shared with the unit test
import { checkManifest } from '../../scripts/manifest-check.mjs';

const PUBLIC_URL = 'https://crm-sync.example.org';
let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'pane-prod-'));
  execFileSync(
    process.execPath,
    ['node_modules/webpack/bin/webpack.js', '--mode', 'production', '--env', `outDir=${out}`],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        ADDIN_PUBLIC_URL: PUBLIC_URL,
        ADDIN_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
      },
    },
  );
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('production build', () => {
  it('loads office.js from the CDN by a script tag', () => {
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    // Minified HTML drops the quotes; match the tag either way.
    expect(html).toMatch(
      /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/,
    );
    expect(html).not.toContain('/office-js/');
  });

  it('builds a manifest for the public URL that passes the offline checks against the build', () => {
    const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(manifest).toContain(`${PUBLIC_URL}/taskpane.html`);
    expect(
      (checkManifest as (x: string, o: object) => string[])(manifest, {
        buildDir: out,
        publicUrl: PUBLIC_URL,
      }),
    ).toEqual([]);
  });

  it('ships no sandbox service worker and keeps the first screen within 250 KiB gzip', () => {
    expect(existsSync(join(out, 'mockServiceWorker.js'))).toBe(false);
    const size = JSON.parse(readFileSync(join(out, 'first-screen.json'), 'utf8')) as { gzipKiB: number };
    console.log(`first screen: ${size.gzipKiB} KiB gzip`);
    expect(size.gzipKiB).toBeLessThanOrEqual(250);
  });
});
