/**
 * Takes the README's screenshot of the CRM page (docs/screenshots/crm.png) in headless Chromium:
 * `npx tsx src/server/crm/screenshot.ts`. A fresh in-memory CRM with the demo data, one contact open.
 */
import { chromium } from 'playwright-core';
import { startCrmServer } from './http/crm-server.js';

const crm = await startCrmServer({ port: 0 });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 860 }, locale: 'de-DE' });
  await page.goto(`${crm.url}/?lang=de`);
  await page.getByText('Juergen Mueller').click();
  await page.locator('form pre').waitFor();
  await page.screenshot({ path: 'docs/screenshots/crm.png', fullPage: false });
  console.log('docs/screenshots/crm.png written');
} finally {
  await browser.close();
  await crm.close();
}
