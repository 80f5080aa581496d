/** One headless Chromium per test file, started the way this machine allows (Debian's chromium). */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
}

/** A fresh pane (its own storage) at task-pane width; `query` like "lang=de&theme=dark". */
export async function openPane(browser: Browser, query = 'lang=en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(`${inject('paneUrl')}?${query}`);
  return page;
}

/**
 * Serious and critical axe violations (WCAG 2.1 A/AA), as "rule: target" lines. Tabster's focus
 * sentinels (`data-tabster-dummy`, Fluent's keyboard navigation in TabList and DataGrid) are left
 * out: axe reads them as focusable inside aria-hidden, but Tabster moves focus on at once, so a
 * keyboard user never lands on one.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
