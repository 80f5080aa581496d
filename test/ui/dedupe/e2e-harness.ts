/**
 * What the duplicate check's e2e files share: the page (e2e-page.tsx) bundled with esbuild, the demo CRM, the
 * add-in host (static files + same-origin SyncML proxy), headless Chromium with a narrow pane.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { startCrmServer, type RunningCrmServer } from '../../../src/server/crm/http/crm-server.js';
import type { RunningHost } from '../../../src/server/host/host-server.js';
import { launchChromium } from '../../e2e/support/browser.js';
import { startTestHost } from '../../e2e/support/host.js';
import { bundleTestPage } from '../../e2e/support/test-page.js';

const PASSWORD = 'E2e-Dubletten-7';

export interface DedupeE2e {
  readonly crm: RunningCrmServer;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** The demo CRM (seeded), the host, and a 380 px wide page showing the check of the "Kunden" folder. */
export async function startDedupeE2e(lang: 'de' | 'en' = 'en'): Promise<DedupeE2e> {
  const crm = await startCrmServer({ port: 0, users: { anna: PASSWORD } });
  const dir = await bundleTestPage('test/ui/dedupe/e2e-page.tsx', 'Duplicate check');
  const host: RunningHost = await startTestHost(crm.syncUrl, dir);
  const browser = await launchChromium();
  // A task pane is narrow: both versions of a pair stack in one column.
  const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(
    (config) => {
      window.dedupeE2e = config;
    },
    { endpoint: crm.syncUrl, user: 'anna', password: PASSWORD, lang },
  );
  await page.goto(`${host.url}/index.html`);
  return {
    crm,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
      await crm.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Given + family name of each contact in a folder of the page's sandbox mailbox. */
export function contactNamesIn(page: Page, folderName: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const headers = { Authorization: 'Bearer sandbox-token' };
    const base = 'https://graph.microsoft.com/v1.0/me/contactFolders';
    const folders = (await (await fetch(base, { headers })).json()) as {
      value: { id: string; displayName: string }[];
    };
    const folder = folders.value.find((f) => f.displayName === name);
    if (!folder) return [];
    const res = await fetch(`${base}/${folder.id}/contacts?$top=999`, { headers });
    return ((await res.json()) as { value: { givenName?: string; surname?: string }[] }).value.map(
      (c) => `${c.givenName ?? ''} ${c.surname ?? ''}`,
    );
  }, folderName);
}
