/**
 * The duplicate check in the real task pane (the shell's development build from the e2e global setup, the demo
 * CRM behind the host's proxy): switching sync on for "Kunden" opens the check, the demo data's duplicates are
 * linked (in bulk, and the one suggestion below 90 by hand), "Start first sync" syncs the folder, and the
 * Outlook folder and the CRM each hold every person once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contactNamesIn } from '../ui/dedupe/e2e-harness.js';
import { launchChromium, openPane, seriousAxeViolations } from './support/browser.js';
import { person } from './support/people.js';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await openPane(browser, 'lang=en');
});
afterAll(async () => {
  await browser?.close();
});

describe('duplicate check from the Folders switch', () => {
  it('opens on switching a never-synced folder on, links, runs the first sync: every person once', async () => {
    // With the password remembered (an office with one fixed CRM user); the story test types it per session.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel(/^User name/).fill('anna');
    await page.getByLabel(/^Password/).fill('Pane-Dedupe-3');
    await page.getByLabel('Remember password').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('tab', { name: 'Folders' }).click();
    await page.getByRole('switch', { name: 'Sync Kunden' }).click();

    const grid = page.getByRole('grid');
    await grid.waitFor({ timeout: 60_000 });
    await expect.poll(() => grid.getByText('Hannah Wagner', { exact: true }).count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Link all with score ≥ 90' }).click();
    await page.getByLabel('Decision for Jürgen Müller').selectOption('link');
    await page.getByRole('button', { name: 'Start first sync' }).click();
    await expect.poll(() => page.getByRole('grid').count(), { timeout: 90_000 }).toBe(0);
    expect(await page.getByRole('switch', { name: 'Sync Kunden' }).isChecked()).toBe(true);

    const outlook = await contactNamesIn(page, 'Kunden');
    const crm = (await (await fetch(`${inject('crmUrl')}/api/records?datastore=addressbook`)).json()) as {
      fields: Record<string, string>;
    }[];
    const crmNames = crm.map((r) => `${r.fields['given'] ?? ''} ${r.fields['family'] ?? ''}`);
    for (const names of [outlook, crmNames]) expect(new Set(names.map(person)).size).toBe(names.length);
    for (const name of ['hannah wagner', 'lena schroeder', 'juergen mueller']) {
      expect(outlook.map(person).filter((n) => n === name)).toHaveLength(1);
      expect(crmNames.map(person).filter((n) => n === name)).toHaveLength(1);
    }
  });
});
