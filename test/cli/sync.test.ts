/** The CLI end to end: the real bin against the sandbox CRM and a sandbox mailbox file. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, exportedNames, setupWorld, vcards, type World } from './support.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function setup() {
  world = await setupWorld();
  const w = world;
  const people = w.file(
    'kunden.vcf',
    vcards([
      { given: 'Anna', family: 'Alt', email: 'anna@example.de' },
      { given: 'Bert', family: 'Berg', tel: '+49 171 1234567' },
    ]),
  );
  const sync = (...extra: string[]) =>
    cli(['sync', '--mailbox', w.mailbox, ...w.conn(), '--pair', 'Kunden=addressbook', ...extra], w.env);
  const exported = async () => {
    const run = await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Kunden']);
    expect(run.code).toBe(0);
    return run.stdout;
  };
  return { w, people, sync, exported };
}

describe('outlook-crm-sync sync', { timeout: 120_000 }, () => {
  it('imports, syncs, carries a CRM edit back to the mailbox, and a dry run changes nothing', async () => {
    const { w, people, sync, exported } = await setup();
    const imported = await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', people]);
    expect(imported.code).toBe(0);
    w.crm.store.createRecord('addressbook', vcards([{ given: 'Carla', family: 'Crm' }]), 'text/vcard', 'web');

    const preview = await sync('--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('1 new in Outlook, 2 new in the CRM');
    expect(w.crmNames()).toEqual(['Carla Crm']);

    const first = await sync('--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      outcome: 'completed',
      folders: [{ committed: true, toOutlook: { creates: 1 }, toCrm: { adds: 2 } }],
    });
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg', 'Carla Crm']);
    expect(exportedNames(await exported())).toEqual(['Anna Alt', 'Bert Berg', 'Carla Crm']);

    // An edit on the CRM page (its JSON API) reaches the mailbox with the next sync.
    const records = (await w.api('GET', '/api/records?datastore=addressbook')) as {
      guid: string;
      fields: Record<string, string>;
    }[];
    const bert = records.find((r) => r.fields['given'] === 'Bert')!;
    await w.api('PUT', `/api/records/${bert.guid}?datastore=addressbook`, {
      fields: { ...bert.fields, family: 'Bergmann', company: 'Bergmann Bau GmbH' },
    });
    const before = readFileSync(w.mailbox, 'utf8');
    const dry = await sync('--dry-run');
    expect(dry.stdout).toContain('1 changed in Outlook');
    expect(readFileSync(w.mailbox, 'utf8')).toBe(before);

    expect((await sync()).code).toBe(0);
    const vcf = await exported();
    expect(exportedNames(vcf)).toEqual(['Anna Alt', 'Bert Bergmann', 'Carla Crm']);
    expect(vcf).toContain('ORG:Bergmann Bau GmbH');

    const again = await sync('--json');
    expect(JSON.parse(again.stdout)).toMatchObject({
      folders: [
        { toOutlook: { creates: 0, updates: 0, deletes: 0 }, toCrm: { adds: 0, replaces: 0, deletes: 0 } },
      ],
    });
  });

  it('lists runs in history and undoes the newest on the Outlook side', async () => {
    const { w, people, sync, exported } = await setup();
    await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', people]);
    w.crm.store.createRecord('addressbook', vcards([{ given: 'Carla', family: 'Crm' }]), 'text/vcard', 'web');
    expect((await sync()).code).toBe(0);

    const history = await cli(['history', '--mailbox', w.mailbox, '--json']);
    expect(history.code).toBe(0);
    const runs = JSON.parse(history.stdout) as { runId: string; outcome: string; counts: unknown }[];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      outcome: 'completed',
      counts: { outlook: { created: 1 }, crm: { added: 2 } },
    });
    const detail = await cli(['history', '--mailbox', w.mailbox, '--run', runs[0]!.runId]);
    expect(detail.stdout).toContain('Carla Crm');

    const wrong = await cli(['undo', '--mailbox', w.mailbox, '--run', 'not-a-run']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('[RUN_NOT_UNDOABLE]');

    const undo = await cli(['undo', '--mailbox', w.mailbox, '--run', runs[0]!.runId, '--json']);
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ runId: runs[0]!.runId, restored: 1, failed: [] });
    expect(exportedNames(await exported())).toEqual(['Anna Alt', 'Bert Berg']);

    const nothing = await cli(['undo', '--mailbox', w.mailbox]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('[NOTHING_TO_UNDO]');

    // The undo is an Outlook change like any other: the next sync takes the deletion to the CRM (past the guard).
    const guarded = await sync();
    expect(guarded.code).toBe(3);
    expect(guarded.stderr).toContain('[GUARD_STOPPED]');
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg', 'Carla Crm']);
    expect((await sync('--yes')).code).toBe(0);
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg']);
  });
});
