/**
 * The CLI process killed (SIGKILL) during the Outlook writes: nothing half-written is saved, and the next run
 * converges with no item lost or duplicated on either side.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, exportedNames, setupWorld, spawnCli, vcards, type SpawnedCli, type World } from './support.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

type Person = { given: string; family: string; email: string };

const people = (prefix: string, n: number): Person[] =>
  Array.from({ length: n }, (_, i) => ({
    given: `${prefix}${i + 1}`,
    family: 'Test',
    email: `${prefix}${i + 1}@example.de`,
  }));

/** Display names as the export and the CRM list them: sorted. */
const names = (...groups: Person[][]) =>
  groups
    .flat()
    .map((p) => `${p.given} ${p.family}`)
    .sort();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setup() {
  world = await setupWorld();
  const w = world;
  const pairing = ['--mailbox', w.mailbox, ...w.conn(), '--pair', 'Kunden=addressbook'];
  const sync = (...extra: string[]) => cli(['sync', ...pairing, ...extra], w.env);
  return {
    w,
    sync,
    importToOutlook: (file: string, list: Person[]) =>
      cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', w.file(file, vcards(list))]),
    /** The mailbox file as saved: its items and the add-in's settings. */
    savedMailbox: () =>
      JSON.parse(readFileSync(w.mailbox, 'utf8')) as {
        items: unknown[];
        addinSettings: { runInProgress?: unknown };
      },
    /**
     * Starts a sync whose emulated Graph requests each take `latencyMs` (the Outlook writes take seconds, a
     * wide window to interrupt) and returns once the CRM holds `uploaded`: the CRM has answered the client's
     * adds with its own changes, so the client is writing to Outlook now.
     */
    async syncUntilOutlookWrites(latencyMs: number, uploaded: string): Promise<SpawnedCli> {
      const run = spawnCli(['sync', ...pairing, '--sandbox-latency', String(latencyMs)], w.env);
      while (!w.crmNames().includes(uploaded)) {
        expect(run.child.exitCode).toBeNull();
        await sleep(20);
      }
      await sleep(200);
      return run;
    },
    /** Both sides hold exactly `expected`, and one more sync has nothing left to do. */
    async expectConverged(expected: string[]) {
      const exported = exportedNames(
        (await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Kunden'])).stdout,
      );
      expect(exported).toEqual(expected);
      expect(w.crmNames()).toEqual(expected);
      const quiet = await sync('--json');
      expect(JSON.parse(quiet.stdout)).toMatchObject({
        outcome: 'completed',
        folders: [
          { toOutlook: { creates: 0, updates: 0, deletes: 0 }, toCrm: { adds: 0, replaces: 0, deletes: 0 } },
        ],
      });
    },
  };
}

describe('a killed sync', { timeout: 120_000 }, () => {
  it('leaves the mailbox file as it was, and the next run converges without losing or doubling items', async () => {
    const { w, sync, importToOutlook, savedMailbox, syncUntilOutlookWrites, expectConverged } = await setup();
    await importToOutlook('a.vcf', people('Alt', 3));
    for (const p of people('Crm', 2))
      w.crm.store.createRecord('addressbook', vcards([p]), 'text/vcard', 'web');
    expect((await sync()).code).toBe(0);

    // New on both sides: 4 in Outlook (go up in package 3), 30 in the CRM (come down in package 4).
    await importToOutlook('b.vcf', people('Neu', 4));
    for (const p of people('Web', 30)) {
      await w.api('POST', '/api/records?datastore=addressbook', {
        fields: { given: p.given, family: p.family, email: p.email },
      });
    }
    const itemsBefore = savedMailbox().items.length;
    const run = await syncUntilOutlookWrites(400, 'Neu4 Test');
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.code).toBeNull();
    // Nothing of the killed run reached the file but its mark (saved before the run started).
    const after = savedMailbox();
    expect(after.items).toHaveLength(itemsBefore);
    expect(after.addinSettings.runInProgress).toBeDefined();

    const resumed = await sync();
    expect(resumed.code).toBe(0);
    await expectConverged(names(people('Alt', 3), people('Crm', 2), people('Neu', 4), people('Web', 30)));
  });

  it('stops cleanly on Ctrl-C during the Outlook writes (exit 1), and the next run converges', async () => {
    const { w, sync, importToOutlook, savedMailbox, syncUntilOutlookWrites, expectConverged } = await setup();
    await importToOutlook('a.vcf', people('Alt', 2));
    expect((await sync()).code).toBe(0);
    await importToOutlook('b.vcf', people('Neu', 3));
    for (const p of people('Web', 25))
      w.crm.store.createRecord('addressbook', vcards([p]), 'text/vcard', 'web');
    const run = await syncUntilOutlookWrites(800, 'Neu3 Test');
    run.child.kill('SIGINT');
    const cancelled = await run.done;
    expect(cancelled.code).toBe(1);
    expect(cancelled.stderr).toContain('[RUN_CANCELLED]');
    expect(savedMailbox().addinSettings.runInProgress).toBeUndefined();

    expect((await sync()).code).toBe(0);
    await expectConverged(names(people('Alt', 2), people('Neu', 3), people('Web', 25)));
  });
});
