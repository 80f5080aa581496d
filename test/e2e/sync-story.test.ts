/**
 * Issue 6's story in the real task pane (the shell's development build from the e2e global setup) on the sandbox
 * mailbox, against a demo CRM of this file's own (seeded, password required) behind the add-in host's SyncML
 * proxy, in headless Chromium. In order, as a user does it:
 * Settings (password for this session only) → Folders: switch on "Kunden" and "Kalender" (the duplicate check
 * opens for each; decisions saved, sync later) → Sync: preview, confirm → the CRM page: edit a contact and an
 * appointment by clicking → sync → both edits in the mailbox → History: undo → cancel a slow run mid-way → delete
 * half the contacts on the CRM page → the guard asks, Stop deletes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCrmServer, type RunningCrmServer } from '../../src/server/crm/http/crm-server.js';
import type { RunningHost } from '../../src/server/host/host-server.js';
import { startTestHost } from './support/host.js';
import { launchChromium, seriousAxeViolations } from './support/browser.js';
import { cancelSlowRun, graphItemsIn, nextOutcome } from './support/pane-sync.js';
import { person } from './support/people.js';

const PASSWORD = 'Story-Geheim-61';
let crm: RunningCrmServer;
let host: RunningHost;
let work: string;
let browser: Browser;
let pane: Page;
let crmPage: Page;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sync-story-'));
  crm = await startCrmServer({ port: 0, dataDir: join(work, 'crm'), users: { anna: PASSWORD } });
  host = await startTestHost(crm.syncUrl, inject('distDir'));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
  pane = await context.newPage();
  pane.setDefaultTimeout(30_000);
  pane.on('pageerror', (e) => console.error('[pane error]', e.message));
  await pane.goto(`${host.url}/taskpane.html?lang=en`);
  crmPage = await (await browser.newContext()).newPage();
  crmPage.setDefaultTimeout(30_000);
  // Deleting on the CRM page asks "Diesen Eintrag im CRM löschen?"; the user says yes.
  crmPage.on('dialog', (d) => void d.accept());
  await crmPage.goto(`${crm.url}/?lang=de`);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await crm?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

type CrmRecord = { guid: string; fields: Record<string, string> };
const crmRecords = async (datastore: 'addressbook' | 'calendar') =>
  (await (await fetch(`${crm.url}/api/records?datastore=${datastore}`)).json()) as CrmRecord[];
type GraphContact = { givenName?: string; surname?: string; companyName?: string };
type GraphEvent = { subject?: string; location?: { displayName?: string } };
const kunden = () => graphItemsIn<GraphContact>(pane, 'contactFolders', 'Kunden');
const kalender = () => graphItemsIn<GraphEvent>(pane, 'calendars', 'Kalender');

const everyoneOnce = (names: string[]) => expect(new Set(names.map(person)).size).toBe(names.length);

async function syncNow() {
  await pane.getByRole('tab', { name: 'Sync' }).click();
  expect(await nextOutcome(pane)).toBe('completed');
}

/** Opens a record on the CRM page by clicking its line, changes one field, saves. */
async function editOnCrmPage(tab: 'Kontakte' | 'Termine', line: string, field: string, value: string) {
  await crmPage.getByRole('tab', { name: tab }).click();
  await crmPage.locator('#records li', { hasText: line }).first().click();
  const form = crmPage.locator('#form');
  await form.getByLabel(field, { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => crmPage.locator('#bar').textContent()).toBe('Gespeichert.');
}

describe('sync story in the task pane', () => {
  it('keeps the password for this session only and checks the connection', async () => {
    await pane.getByRole('tab', { name: 'Settings' }).click();
    await pane.getByLabel(/^CRM address/).fill(crm.syncUrl);
    await pane.getByLabel(/^User name/).fill('anna');
    await pane.getByLabel(/^Password/).fill(PASSWORD);
    expect(await pane.getByLabel('Remember password').isChecked()).toBe(false);
    await pane.getByRole('button', { name: 'Save' }).click();
    await pane.getByRole('button', { name: 'Check connection' }).click();
    await expect.poll(() => pane.getByText('Connected.').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await pane.evaluate(() => JSON.stringify(localStorage))).not.toContain(PASSWORD);
  });

  it('switches on contacts and calendar; the duplicate check opens with the session password', async () => {
    const crmBefore = (await crmRecords('addressbook')).length;
    const outlookBefore = (await kunden()).length;
    await pane.getByRole('tab', { name: 'Folders' }).click();
    await pane.getByRole('switch', { name: 'Sync Kunden' }).click();
    // The check reads the CRM with the password typed under Settings (not remembered): one holder per pane.
    const grid = pane.getByRole('grid');
    await grid.waitFor({ timeout: 60_000 });
    await expect.poll(() => grid.getByText('Hannah Wagner', { exact: true }).count()).toBeGreaterThan(0);
    await pane.getByRole('button', { name: 'Link all with score ≥ 90' }).click();
    await pane.getByLabel('Decision for Jürgen Müller').selectOption('link');
    await pane.getByRole('button', { name: 'Save decisions, sync later' }).click();
    await expect.poll(() => pane.getByRole('grid').count(), { timeout: 30_000 }).toBe(0);
    expect(await pane.getByRole('switch', { name: 'Sync Kunden' }).isChecked()).toBe(true);

    await pane.getByRole('switch', { name: 'Sync Kalender' }).click();
    const save = pane.getByRole('button', { name: 'Save decisions, sync later' });
    await save.waitFor({ timeout: 60_000 });
    const linkAll = pane.getByRole('button', { name: 'Link all with score ≥ 90' });
    if ((await linkAll.count()) > 0 && (await linkAll.isEnabled())) await linkAll.click();
    await save.click();
    await expect.poll(() => save.count(), { timeout: 30_000 }).toBe(0);
    expect(await pane.getByRole('switch', { name: 'Sync Kalender' }).isChecked()).toBe(true);
    // Saving decisions writes nothing: the CRM and the folder are as they were.
    expect((await crmRecords('addressbook')).length).toBe(crmBefore);
    expect((await kunden()).length).toBe(outlookBefore);
  });

  it('previews both folders without writing, then syncs on Confirm: every person once on both sides', async () => {
    const crmBefore = (await crmRecords('addressbook')).length;
    const outlookBefore = (await kunden()).length;
    await pane.getByRole('tab', { name: 'Sync' }).click();
    await pane.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => pane.getByText('What a sync would do').count(), { timeout: 120_000 }).toBe(1);
    expect(await pane.getByText(/new in the CRM/).count()).toBeGreaterThan(0);
    expect(await pane.getByText(/new in Outlook/).count()).toBeGreaterThan(0);
    expect((await crmRecords('addressbook')).length).toBe(crmBefore);
    expect((await kunden()).length).toBe(outlookBefore);
    expect(await seriousAxeViolations(pane)).toEqual([]);

    const outcome = await nextOutcome(pane, () =>
      pane.getByRole('button', { name: 'Confirm and sync' }).click(),
    );
    expect(outcome).toBe('completed');
    const outlook = (await kunden()).map((c) => `${c.givenName ?? ''} ${c.surname ?? ''}`);
    const inCrm = (await crmRecords('addressbook')).map(
      (r) => `${r.fields['given'] ?? ''} ${r.fields['family'] ?? ''}`,
    );
    everyoneOnce(outlook);
    everyoneOnce(inCrm);
    expect(outlook.length).toBe(inCrm.length);
    for (const name of ['hannah wagner', 'juergen mueller'])
      expect(outlook.map(person).filter((n) => n === name)).toHaveLength(1);
    expect((await crmRecords('calendar')).length).toBeGreaterThan(0);
  });

  it('a contact and an appointment edited on the CRM page arrive in the mailbox with the next sync', async () => {
    await crmPage.reload();
    await editOnCrmPage('Kontakte', 'Hannah Wagner', 'Firma', 'Wagner Immobilien Neu GmbH');
    const appointment = (await kalender()).find((e) => e.subject && !/Team/i.test(e.subject))!;
    await editOnCrmPage('Termine', appointment.subject!, 'Ort', 'Neuer Treffpunkt, Marienplatz 1');
    await syncNow();
    const hannah = (await kunden()).filter((c) => c.givenName === 'Hannah' && c.surname === 'Wagner');
    expect(hannah.map((c) => c.companyName)).toEqual(['Wagner Immobilien Neu GmbH']);
    const moved = (await kalender()).filter((e) => e.subject === appointment.subject);
    expect(moved.map((e) => e.location?.displayName)).toEqual(['Neuer Treffpunkt, Marienplatz 1']);
  });

  it('undoes that run from the history; the next sync brings the CRM in line', async () => {
    await pane.getByRole('tab', { name: 'History' }).click();
    await pane.getByRole('button', { name: 'Undo this run' }).click();
    await expect.poll(() => pane.getByText(/Outlook changes undone/).count(), { timeout: 60_000 }).toBe(1);
    const hannah = (await kunden()).filter((c) => c.givenName === 'Hannah' && c.surname === 'Wagner');
    expect(hannah).toHaveLength(1);
    expect(hannah[0]!.companyName).not.toBe('Wagner Immobilien Neu GmbH');
    await syncNow();
    const inCrm = (await crmRecords('addressbook')).filter(
      (r) => r.fields['given'] === 'Hannah' && r.fields['family'] === 'Wagner',
    );
    expect(inCrm.map((r) => r.fields['company'])).toEqual([hannah[0]!.companyName ?? '']);
  });

  it('cancels a slow run mid-way: nothing is committed, the next run brings everything once', async () => {
    for (let i = 0; i < 20; i++) {
      await fetch(`${crm.url}/api/records?datastore=addressbook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields: { given: `Interessent${i}`, family: 'Neukunde' } }),
      });
    }
    await pane.getByRole('tab', { name: 'Sync' }).click();
    expect(await cancelSlowRun(pane)).toBe('cancelled');
    await syncNow();
    expect((await kunden()).filter((c) => c.surname === 'Neukunde')).toHaveLength(20);
    everyoneOnce((await kunden()).map((c) => `${c.givenName ?? ''} ${c.surname ?? ''}`));
  });

  it('asks before half the contacts deleted on the CRM page go from Outlook; Stop deletes nothing', async () => {
    await crmPage.reload();
    await crmPage.getByRole('tab', { name: 'Kontakte' }).click();
    const lines = crmPage.locator('#records li');
    await expect.poll(() => lines.count()).toBeGreaterThan(10);
    const total = await lines.count();
    const half = Math.ceil(total / 2);
    for (let left = total; left > total - half; left--) {
      await lines.first().click();
      await crmPage.locator('#form').getByRole('button', { name: 'Löschen' }).click();
      await expect.poll(() => lines.count()).toBe(left - 1);
    }
    const before = (await kunden()).length;
    await pane.getByRole('tab', { name: 'Sync' }).click();
    const outcome = await nextOutcome(pane, async () => {
      await pane.getByRole('button', { name: 'Sync now' }).click();
      const dialog = pane.getByRole('alertdialog');
      await dialog.waitFor({ timeout: 120_000 });
      expect(await dialog.getByText(`would delete ${half} of`).count()).toBe(1);
      await dialog.getByRole('button', { name: 'Stop' }).click();
    });
    expect(outcome).toBe('stopped-by-guard');
    expect((await kunden()).length).toBe(before);
  });
});
