/**
 * The dedicated sync folder wizard end to end (German pane, 380 px): from the duplicate review, "sync into a
 * new folder instead": a taken name is refused as the user types, the new folder is created, two chosen
 * customers are moved in (create + delete in Graph), and sync is switched on for it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactNamesIn, startDedupeE2e, type DedupeE2e } from '../ui/dedupe/e2e-harness.js';

let e2e: DedupeE2e;
let page: Page;

beforeAll(async () => {
  e2e = await startDedupeE2e('de');
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
});

describe('sync folder wizard in the task pane', () => {
  it('refuses a taken name, creates the folder, moves the chosen items in and enables sync', async () => {
    await page.getByRole('grid').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Stattdessen in einen neuen Ordner synchronisieren…' }).click();
    const name = page.getByLabel('Ordnername');
    await name.fill('kunden');
    await expect.poll(() => page.getByText('Ein Ordner mit diesem Namen existiert bereits.').count()).toBe(1);
    await name.fill('CRM-Kontakte');
    expect(await page.getByText('Ein Ordner mit diesem Namen existiert bereits.').count()).toBe(0);

    await page.getByLabel('Ausgewählte Elemente hineinverschieben').check();
    const list = page.getByRole('group', { name: 'Zu verschiebende Elemente' });
    await list.getByLabel('Hannah Wagner').check();
    await list.getByLabel('Lena Schröder').check();
    await page.getByRole('button', { name: 'Erstellen und Synchronisierung einschalten' }).click();
    await expect
      .poll(() => page.getByText(/„CRM-Kontakte“ ist bereit und wird synchronisiert; 2 Elemente/).count(), {
        timeout: 60_000,
      })
      .toBe(1);
    expect(await page.getByText('Sync enabled for CRM-Kontakte').count()).toBe(1);

    expect((await contactNamesIn(page, 'CRM-Kontakte')).sort()).toEqual(['Hannah Wagner', 'Lena Schröder']);
    const kunden = await contactNamesIn(page, 'Kunden');
    expect(kunden).not.toContain('Hannah Wagner');
    expect(kunden).not.toContain('Lena Schröder');
    expect(kunden).toContain('Jürgen Müller');
  });
});
