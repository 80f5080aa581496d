/**
 * The CLI process killed (SIGKILL) during the Outlook writes: nothing half-written is saved, and the next run
 * converges with no item lost or duplicated on either side.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, exportedNames, setupWorld, spawnCli, vcards, type World } from './support.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const people = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    given: `${prefix}${i + 1}`,
    family: 'Test',
    email: `${prefix}${i + 1}@example.de`,
  }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a killed sync', { timeout: 120_000 }, () => {
  it('leaves the mailbox file as it was, and the next run converges without losing or doubling items', async () => {
    world = await setupWorld();
    const w = world;
    const sync = (...extra: string[]) =>
      cli(['sync', '--mailbox', w.mailbox, ...w.conn(), '--pair', 'Kunden=addressbook', ...extra], w.env);
    await cli([
      'mailbox',
      'import',
      '--mailbox',
      w.mailbox,
      '--folder',
      'Kunden',
      w.file('a.vcf', vcards(people('Alt', 3))),
    ]);
    for (const p of people('Crm', 2))
      w.crm.store.createRecord('addressbook', vcards([p]), 'text/vcard', 'web');
    expect((await sync()).code).toBe(0);

    // New on both sides: 4 in Outlook (go up in package 3), 30 in the CRM (come down in package 4).
    await cli([
      'mailbox',
      'import',
      '--mailbox',
      w.mailbox,
      '--folder',
      'Kunden',
      w.file('b.vcf', vcards(people('Neu', 4))),
    ]);
    for (const p of people('Web', 30)) {
      await w.api('POST', '/api/records?datastore=addressbook', {
        fields: { given: p.given, family: p.family, email: p.email },
      });
    }
    const before = readFileSync(w.mailbox, 'utf8');
    // Every emulated Graph request takes 800 ms: the Outlook writes take seconds, a wide window for the kill.
    const run = spawnCli(
      [
        'sync',
        '--mailbox',
        w.mailbox,
        ...w.conn(),
        '--pair',
        'Kunden=addressbook',
        '--sandbox-latency',
        '400',
      ],
      w.env,
    );
    // The CRM has our 4 Adds once it answered package 3 with its 30 changes: the client is writing to Outlook now.
    while (!w.crmNames().includes('Neu4 Test')) {
      expect(run.child.exitCode).toBeNull();
      await sleep(20);
    }
    await sleep(200);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.code).toBeNull();
    // Nothing of the killed run reached the file but its mark (saved before the run started).
    const after = JSON.parse(readFileSync(w.mailbox, 'utf8')) as {
      items: unknown[];
      addinSettings: { runInProgress?: unknown };
    };
    expect(after.items).toHaveLength((JSON.parse(before) as { items: unknown[] }).items.length);
    expect(after.addinSettings.runInProgress).toBeDefined();

    const resumed = await sync();
    expect(resumed.code).toBe(0);
    const exported = exportedNames(
      (await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Kunden'])).stdout,
    );
    const expected = [...people('Alt', 3), ...people('Crm', 2), ...people('Neu', 4), ...people('Web', 30)]
      .map((p) => `${p.given} ${p.family}`)
      .sort();
    expect(exported).toEqual(expected);
    expect(w.crmNames()).toEqual(expected);

    const quiet = await sync('--json');
    expect(JSON.parse(quiet.stdout)).toMatchObject({
      outcome: 'completed',
      folders: [
        { toOutlook: { creates: 0, updates: 0, deletes: 0 }, toCrm: { adds: 0, replaces: 0, deletes: 0 } },
      ],
    });
  });

  it('stops cleanly on Ctrl-C during the Outlook writes (exit 1), and the next run converges', async () => {
    world = await setupWorld();
    const w = world;
    const sync = (...extra: string[]) =>
      cli(['sync', '--mailbox', w.mailbox, ...w.conn(), '--pair', 'Kunden=addressbook', ...extra], w.env);
    await cli([
      'mailbox',
      'import',
      '--mailbox',
      w.mailbox,
      '--folder',
      'Kunden',
      w.file('a.vcf', vcards(people('Alt', 2))),
    ]);
    expect((await sync()).code).toBe(0);
    await cli([
      'mailbox',
      'import',
      '--mailbox',
      w.mailbox,
      '--folder',
      'Kunden',
      w.file('b.vcf', vcards(people('Neu', 3))),
    ]);
    for (const p of people('Web', 25))
      w.crm.store.createRecord('addressbook', vcards([p]), 'text/vcard', 'web');
    const run = spawnCli(
      [
        'sync',
        '--mailbox',
        w.mailbox,
        ...w.conn(),
        '--pair',
        'Kunden=addressbook',
        '--sandbox-latency',
        '800',
      ],
      w.env,
    );
    while (!w.crmNames().includes('Neu3 Test')) {
      expect(run.child.exitCode).toBeNull();
      await sleep(20);
    }
    await sleep(200);
    run.child.kill('SIGINT');
    const cancelled = await run.done;
    expect(cancelled.code).toBe(1);
    expect(cancelled.stderr).toContain('[RUN_CANCELLED]');
    const saved = JSON.parse(readFileSync(w.mailbox, 'utf8')) as {
      addinSettings: { runInProgress?: unknown };
    };
    expect(saved.addinSettings.runInProgress).toBeUndefined();

    expect((await sync()).code).toBe(0);
    const expected = [...people('Alt', 2), ...people('Neu', 3), ...people('Web', 25)]
      .map((p) => `${p.given} ${p.family}`)
      .sort();
    const exported = exportedNames(
      (await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Kunden'])).stdout,
    );
    expect(exported).toEqual(expected);
    expect(w.crmNames()).toEqual(expected);
    const quiet = await sync('--json');
    expect(JSON.parse(quiet.stdout)).toMatchObject({
      folders: [
        { toOutlook: { creates: 0, updates: 0, deletes: 0 }, toCrm: { adds: 0, replaces: 0, deletes: 0 } },
      ],
    });
  });
});
