/**
 * e2e set-up, once per run: Debian's chromium present (installed as root when missing, else a
 * clear failure naming the package), the sandbox CRM on a free port, a development build of the
 * pane (sandbox mailbox, CRM endpoint preset to that CRM) served by the add-in's own host with
 * its SyncML proxy. Tests get the URLs through `inject`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain JS helper shared with the README's test command
import { ensureChromium } from '../../scripts/system-deps.mjs';
import { startCrmServer } from '../../src/server/crm/http/crm-server.js';
import { startTestHost } from './support/host.js';

declare module 'vitest' {
  export interface ProvidedContext {
    paneUrl: string;
    crmUrl: string;
    chromiumPath: string;
    /** The development build, for files that serve it with a CRM of their own. */
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium() as string;
  const work = mkdtempSync(join(tmpdir(), 'pane-e2e-'));
  const crm = await startCrmServer({ port: 0, dataDir: join(work, 'crm'), users: null });
  const outDir = join(work, 'dist');
  execFileSync(
    process.execPath,
    ['node_modules/webpack/bin/webpack.js', '--mode', 'development', '--env', `outDir=${outDir}`],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CRM_SYNCML_URL: crm.syncUrl },
    },
  );
  // office.js from the npm package, as the dev server serves it (never bundled).
  symlinkSync(resolve('node_modules/@microsoft/office-js/dist'), join(outDir, 'office-js'), 'dir');
  const host = await startTestHost(crm.syncUrl, outDir);
  project.provide('paneUrl', `${host.url}/taskpane.html`);
  project.provide('crmUrl', crm.url);
  project.provide('chromiumPath', chromiumPath);
  project.provide('distDir', outDir);
  return async () => {
    await host.close();
    await crm.close();
    rmSync(work, { recursive: true, force: true });
  };
}
