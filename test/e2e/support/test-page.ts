/**
 * A page of our own for an e2e file (a screen mounted without the shell), bundled with esbuild into a temporary
 * folder with the msw service worker beside it, ready for the add-in host to serve.
 */
import { build } from 'esbuild';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** `entry` like "test/e2e/sync-page.tsx"; the page is `index.html` in the returned folder. */
export async function bundleTestPage(entry: string, title: string): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'e2e-page-'));
  await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: out,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const script = basename(entry).replace(/\.tsx?$/, '.js');
  await writeFile(
    join(out, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body><div id="root"></div><script type="module" src="/${script}"></script></body></html>`,
  );
  await copyFile('public/mockServiceWorker.js', join(out, 'mockServiceWorker.js'));
  return out;
}
