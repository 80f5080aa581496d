/**
 * The sync screens mounted in the real task pane (the shell's development build from the e2e global setup):
 * they load lazily on their tabs, the password typed under Settings reaches the Sync tab (one service per pane),
 * the admin's endpoint is preset, and errors come as a MessageBar that says what to do. German and English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPane, seriousAxeViolations } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function connect(page: Page, tabs: { settings: string }, labels: { user: RegExp; password: RegExp }) {
  await page.getByRole('tab', { name: tabs.settings }).click();
  await page.getByLabel(labels.user).fill('anna');
  await page.getByLabel(labels.password).fill('Pane-Secret-7');
}

describe('sync screens in the task pane shell', () => {
  it('keeps the session password across tabs and says no folder is switched on (English)', async () => {
    const page = await openPane(browser, 'lang=en');
    await connect(page, { settings: 'Settings' }, { user: /^User name/, password: /^Password/ });
    // The development build presets the endpoint (the admin's CRM_SYNCML_URL).
    expect(await page.getByLabel(/^CRM address/).inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/syncml$/);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Check connection' }).click();
    await expect.poll(() => page.getByText('Connected.').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Sync' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const alert = page.locator('[data-code]');
    await alert.waitFor({ timeout: 30_000 });
    // The password typed under Settings was kept: what is missing is a folder, not the connection.
    expect(await alert.getAttribute('data-code')).toBe('NO_FOLDERS');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('Pane-Secret-7');

    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => page.getByText('No sync has run yet.').count(), { timeout: 30_000 }).toBe(1);
    await page.context().close();
  });

  it('speaks German', async () => {
    const page = await openPane(browser, 'lang=de');
    await page.getByRole('tab', { name: 'Synchronisieren' }).click();
    await page.getByRole('button', { name: 'Jetzt synchronisieren' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    await expect.poll(() => page.locator('[data-code]').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText(/Öffnen Sie die Einstellungen/).count()).toBe(1);
    await page.context().close();
  });
});
