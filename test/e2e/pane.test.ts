/**
 * The task pane end to end in headless Chromium on the sandbox mailbox: folders with counts, a
 * switch that survives a reload, sync folders created, a Graph 503 shown as a readable error,
 * German and English, light and dark theme without serious accessibility violations.
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

const rows = (page: Page) => page.getByTestId('folder-row');

describe('task pane (English)', () => {
  it('lists the three groups of folders with their item counts', async () => {
    const page = await openPane(browser, 'lang=en');
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBeGreaterThan(3);
    for (const group of ['Contacts', 'Calendars', 'Tasks']) {
      await expect(page.getByRole('heading', { name: group, level: 2 }).isVisible()).resolves.toBe(true);
    }
    const kunden = rows(page).filter({ hasText: 'Kunden' });
    await expect(kunden.getByTestId('item-count').textContent()).resolves.toMatch(/^\d+ items?$/);
    expect(await page.getByTestId('sandbox-note').isVisible()).toBe(true);
    await page.screenshot({ path: 'docs/screenshots/taskpane.png', fullPage: false });
    await page.context().close();
  });

  it('keeps a switch on after a reload, with the default datastore and direction', async () => {
    const page = await openPane(browser, 'lang=en');
    const sw = page.getByRole('switch', { name: 'Sync Kunden' });
    await sw.waitFor({ timeout: 30_000 });
    await sw.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => sw.isChecked()).toBe(true);
    await expect(page.getByLabel('CRM datastore').first().inputValue()).resolves.toBe('addressbook');
    await page.reload();
    const again = page.getByRole('switch', { name: 'Sync Kunden' });
    await again.waitFor({ timeout: 30_000 });
    await expect.poll(() => again.isChecked()).toBe(true);
    await page.context().close();
  });

  it('creates a "CRM Sync" contact folder, calendar and To Do list, and refuses a taken name', async () => {
    const page = await openPane(browser, 'lang=en');
    await rows(page).first().waitFor({ timeout: 30_000 });
    for (const group of ['Contacts', 'Calendars', 'Tasks']) {
      await page.getByRole('button', { name: `Create sync folder: ${group}` }).click();
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      const section = page.getByRole('region', { name: group });
      await expect
        .poll(() => section.getByRole('switch', { name: 'Sync CRM Sync' }).isChecked(), { timeout: 20_000 })
        .toBe(true);
    }
    await page.getByRole('button', { name: 'Create sync folder: Contacts' }).click();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => page.getByText('A folder with this name already exists').isVisible()).toBe(true);
    await page.reload();
    await rows(page).first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('switch', { name: 'Sync CRM Sync' }).count()).toBe(3);
    await page.context().close();
  });

  it('shows a Graph 503 as a readable error with what to do', async () => {
    const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
    await context.addInitScript(() =>
      localStorage.setItem(
        'outlook-crm-sync.sandbox-mailbox.faults',
        JSON.stringify({ serviceUnavailableRate: 1 }),
      ),
    );
    const page = await context.newPage();
    const { inject } = await import('vitest');
    await page.goto(`${inject('paneUrl')}?lang=en`);
    const bar = page.locator('[data-error-code="UNAVAILABLE"]');
    await bar.waitFor({ timeout: 60_000 });
    expect(await bar.textContent()).toContain('not available right now');
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    await context.close();
  });

  it('has no serious accessibility violations in light and dark theme', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await openPane(browser, `lang=en&theme=${theme}`);
      await rows(page).first().waitFor({ timeout: 30_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      if (theme === 'dark') await page.screenshot({ path: 'docs/screenshots/taskpane-dark.png' });
      await page.context().close();
    }
  });
});

describe('task pane (German)', () => {
  it('speaks German with Outlook’s own terms', async () => {
    const page = await openPane(browser, 'lang=de');
    await rows(page).first().waitFor({ timeout: 30_000 });
    for (const name of ['Ordner', 'Synchronisieren', 'Verlauf', 'Einstellungen']) {
      expect(await page.getByRole('tab', { name }).isVisible()).toBe(true);
    }
    for (const group of ['Kontakte', 'Kalender', 'Aufgaben']) {
      expect(await page.getByRole('heading', { name: group, level: 2 }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('switch', { name: 'Kunden synchronisieren' }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
