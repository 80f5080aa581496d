/** The CRM page in headless Chromium: lists, keyboard tabs, an edit through the form, axe. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startCrmServer, type RunningCrmServer } from '../../../src/server/crm/http/crm-server.js';

const running: { crm?: RunningCrmServer; browser?: Browser }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.browser?.close();
    await r.crm?.close();
  }
});

async function setup() {
  const crm = await startCrmServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  });
  running.push({ crm, browser });
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${crm.url}/?lang=de`);
  return { crm, page };
}

describe('sandbox CRM page', () => {
  it(
    'lists the records, switches datastores by keyboard, saves an edit, and passes axe',
    { timeout: 60_000 },
    async () => {
      const { crm, page } = await setup();
      await expect
        .poll(() => page.locator('#records li').count())
        .toBe(crm.store.listRecords('addressbook').length);
      await page.getByRole('tab', { name: 'Kontakte' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByRole('tab', { name: 'Termine' }).getAttribute('aria-selected'))
        .toBe('true');
      await expect
        .poll(() => page.locator('#records li').count())
        .toBe(crm.store.listRecords('calendar').length);

      await page.getByRole('tab', { name: 'Aufgaben' }).click();
      await page.getByText('Grundbuchauszug Leopoldstraße anfordern').click();
      await page.getByLabel('Status').selectOption('COMPLETED');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => page.locator('#bar').textContent()).toBe('Gespeichert.');
      const task = crm.store.listRecords('todo').find((r) => r.content.includes('Grundbuchauszug'))!;
      expect(task.content).toContain('STATUS:COMPLETED');
      expect(task.origin).toBe('web');

      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
    },
  );
});
