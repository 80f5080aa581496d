/**
 * The sync screens end to end in headless Chromium: the sandbox mailbox (msw service worker) in the page, the
 * sandbox CRM on loopback behind the add-in host's same-origin SyncML proxy. The page (sync-page.tsx) is bundled
 * here with esbuild, so these tests need nothing from the shell's build. One story, in order: connect, check,
 * preview, confirm, CRM edit arrives in Outlook, undo, cancel mid-run, the guard asks before half a folder goes.
 */
import AxeBuilder from '@axe-core/playwright';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrmServer, type RunningCrmServer } from '../../src/server/crm/http/crm-server.js';
import type { RunningHost } from '../../src/server/host/host-server.js';
import { launchChromium } from './support/browser.js';
import { startTestHost } from './support/host.js';
import { bundleTestPage } from './support/test-page.js';
import { cancelSlowRun, nextOutcome as nextRunOutcome } from './support/pane-sync.js';

const PASSWORD = 'E2e-Geheim-42';
let crm: RunningCrmServer;
let host: RunningHost;
let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  crm = await startCrmServer({ port: 0, seed: false, users: { anna: PASSWORD } });
  dir = await bundleTestPage('test/e2e/sync-page.tsx', 'Sync');
  host = await startTestHost(crm.syncUrl, dir);
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${host.url}/index.html?lang=en&endpoint=${encodeURIComponent(crm.syncUrl)}`);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await crm?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const crmApi = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${crm.url}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
  return res.json() as Promise<unknown>;
};
type ApiRecord = { guid: string; fields: Record<string, string> };
const contactsInCrm = async () => (await crmApi('/api/records?datastore=addressbook')) as ApiRecord[];
const outlookContacts = () =>
  page.evaluate(async () => {
    const res = await fetch('https://graph.microsoft.com/v1.0/me/contacts?$top=999', {
      headers: { Authorization: 'Bearer sandbox-token' },
    });
    return ((await res.json()) as { value: { surname?: string; companyName?: string }[] }).value;
  });

/** Clicks "Sync now" (or runs `start`) and waits for the outcome of THIS run. */
const nextOutcome = (start?: () => Promise<void>) => nextRunOutcome(page, start);

async function syncNow() {
  expect(await nextOutcome()).toBe('completed');
}

describe('sync screens in the task pane', () => {
  it('connects with a password that is never shown, and says the connection works', async () => {
    await page.getByRole('tab', { name: 'CRM connection' }).click();
    await page.getByLabel('User name').fill('anna');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Check connection' }).click();
    await expect.poll(() => page.getByText('Connected.').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(PASSWORD);
    expect(page.url()).not.toContain(PASSWORD);
  });

  it('previews per folder, then syncs on Confirm (keyboard only)', async () => {
    await page.getByRole('tab', { name: 'Sync' }).click();
    await page.getByRole('button', { name: 'Preview' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('What a sync would do').count(), { timeout: 90_000 }).toBe(1);
    expect(await page.getByText(/new in the CRM/).count()).toBeGreaterThan(0);
    expect(await contactsInCrm()).toEqual([]);
    // Fluent's focus manager (tabster) places focusable aria-hidden sentinels on purpose; they are not content.
    const axe = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    expect(serious.map((v) => ({ id: v.id, where: v.nodes.map((n) => n.html) }))).toEqual([]);

    const outcome = await nextOutcome(async () => {
      await page.getByRole('button', { name: 'Confirm and sync' }).focus();
      await page.keyboard.press('Enter');
    });
    expect(outcome).toBe('completed');
    expect((await contactsInCrm()).length).toBe((await outlookContacts()).length);
  });

  it('a record edited in the CRM arrives in the mailbox with the next sync', async () => {
    const [first] = await contactsInCrm();
    const edited = await crmApi(`/api/records/${first!.guid}?datastore=addressbook`, {
      method: 'PUT',
      body: JSON.stringify({ fields: { company: 'Geändert GmbH' } }),
    });
    expect(edited, JSON.stringify(edited)).toMatchObject({ fields: { company: 'Geändert GmbH' } });
    await syncNow();
    expect((await outlookContacts()).filter((c) => c.companyName === 'Geändert GmbH')).toHaveLength(1);
  });

  it('undoes the newest run from the history', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Undo this run' }).click();
    await expect.poll(() => page.getByText(/Outlook changes undone/).count()).toBe(1);
    expect((await outlookContacts()).filter((c) => c.companyName === 'Geändert GmbH')).toHaveLength(0);
    await page.getByRole('tab', { name: 'Sync' }).click();
    await syncNow();
  });

  it('cancels a run mid-way (slow mailbox); nothing is committed and the next run finishes', async () => {
    for (let i = 0; i < 25; i++) {
      await crmApi('/api/records?datastore=addressbook', {
        method: 'POST',
        body: JSON.stringify({ fields: { given: `Neu${i}`, family: 'Kunde' } }),
      });
    }
    expect(await cancelSlowRun(page)).toBe('cancelled');
    await syncNow();
    expect((await outlookContacts()).filter((c) => c.surname === 'Kunde')).toHaveLength(25);
  });

  it('asks before the CRM deletes half the contacts; Stop deletes nothing', async () => {
    const records = await contactsInCrm();
    const half = records.slice(0, Math.ceil(records.length / 2));
    for (const r of half) await crmApi(`/api/records/${r.guid}?datastore=addressbook`, { method: 'DELETE' });
    const before = (await outlookContacts()).length;
    const outcome = await nextOutcome(async () => {
      await page.getByRole('button', { name: 'Sync now' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor({ timeout: 90_000 });
      expect(await dialog.getByText(`would delete ${half.length} of`).count()).toBe(1);
      await dialog.getByRole('button', { name: 'Stop' }).click();
    });
    expect(outcome).toBe('stopped-by-guard');
    expect((await outlookContacts()).length).toBe(before);
  });
});
