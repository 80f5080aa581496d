import { describe, expect, it } from 'vitest';
import { restoreVersion, runSync, undoLastRun } from '../../../src/app/sync/index.js';
import type { JournalEntry, OutlookStore } from '../../../src/core/sync/index.js';
import { createWorld } from './harness.js';

async function setup(names: string[] = ['Anna', 'Bert', 'Cleo']) {
  const world = createWorld();
  const sync = (options: Parameters<typeof runSync>[2] = {}) => runSync(world.ports, world.request, options);
  for (const name of names) world.crmCreate(name);
  if (names.length > 0) await sync();
  return { ...world, sync };
}

describe('cancel', () => {
  it('commits nothing when cancelled before anything was written', async () => {
    const w = await setup();
    w.crmCreate('Dora');
    w.outlook.userCreate(w.folder, w.person('Emil'));
    const before = await w.stateStore.load(w.folder);
    const controller = new AbortController();
    const result = await w.sync({ signal: controller.signal, onProgress: () => controller.abort() });
    expect(result.outcome).toBe('cancelled');
    expect((await w.stateStore.load(w.folder))?.items).toEqual(before?.items);
    expect((await w.stateStore.load(w.folder))?.checkpoint.lastAnchor).toBe(before?.checkpoint.lastAnchor);
  });

  it('commits nothing when cancelled after the Outlook writes, and the next run converges without duplicates', async () => {
    const w = await setup();
    w.crmCreate('Dora');
    w.outlook.userCreate(w.folder, w.person('Emil'));
    const before = await w.stateStore.load(w.folder);
    const controller = new AbortController();
    const result = await w.sync({
      signal: controller.signal,
      onProgress: (p) => p.done > 0 && controller.abort(),
    });
    expect(result.outcome).toBe('cancelled');
    const after = await w.stateStore.load(w.folder);
    expect(after?.items).toEqual(before?.items);
    expect(after?.checkpoint.lastAnchor).toBe(before?.checkpoint.lastAnchor);
    expect(after?.checkpoint.needsSlowSync).toBe(true); // our Add may sit on the server unmapped
    const [journaled] = await w.journal.list(); // Outlook was written: the journal says what, for undo
    expect(journaled).toMatchObject({ outcome: 'cancelled' });
    expect(journaled?.folders[0]?.entries.some((e) => e.result === 'created' && e.name === 'Dora Test')).toBe(
      true,
    );

    const next = await w.sync();
    expect(next.outcome).toBe('completed');
    expect(w.outlookNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test', 'Dora Test', 'Emil Test']);
    expect(w.crmNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test', 'Dora Test', 'Emil Test']);
  });

  it('converges after the connection breaks right after our changes reached the server', async () => {
    const w = await setup();
    w.outlook.userCreate(w.folder, w.person('Emil'));
    w.crm.cutAfterClientChanges = true;
    const broken = await w.sync();
    expect(broken.outcome).toBe('failed');
    expect(broken.error?.code).toBe('SESSION_FAILED');
    await w.sync();
    expect(w.crmNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test', 'Emil Test']);
    expect(w.outlookNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test', 'Emil Test']);
  });
});

describe('deletion guard', () => {
  it('stops the run when the CRM reports all items deleted, and deletes nothing', async () => {
    const w = await setup();
    w.crm.deleteAll();
    const before = await w.stateStore.load(w.folder);
    const asked: unknown[] = [];
    const result = await w.sync({ confirmDeletions: async (trip) => (asked.push(trip), 'stop') });
    expect(result.outcome).toBe('stopped-by-guard');
    expect(result.guardTrip).toMatchObject({
      reason: 'FOLDER_WOULD_EMPTY',
      target: 'outlook',
      folderItemCount: 3,
    });
    expect(result.guardTrip?.deletions.map((d) => d.name).sort()).toEqual([
      'Anna Test',
      'Bert Test',
      'Cleo Test',
    ]);
    expect(asked).toHaveLength(1);
    expect(w.outlookNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test']);
    expect(await w.stateStore.load(w.folder)).toEqual(before);
  });

  it('stops without asking when no one can answer, and goes on when the user says continue', async () => {
    const w = await setup();
    w.crm.delete(w.crmGuidOf('Anna Test'));
    expect((await w.sync()).outcome).toBe('stopped-by-guard');
    const result = await w.sync({ confirmDeletions: async () => 'continue' });
    expect(result.outcome).toBe('completed');
    expect(w.outlookNames()).toEqual(['Bert Test', 'Cleo Test']);
  });

  it('guards Outlook-side deletions before they are sent to the CRM', async () => {
    const w = await setup();
    for (const name of ['Anna Test', 'Bert Test']) w.outlook.userDelete(w.folder, w.outlookIdOf(name));
    const result = await w.sync({ confirmDeletions: async () => 'stop' });
    expect(result.guardTrip).toMatchObject({ reason: 'SHARE_EXCEEDED', target: 'crm' });
    expect(result.guardTrip?.deletions.map((d) => d.name).sort()).toEqual(['Anna Test', 'Bert Test']);
    expect(w.crmNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test']);
  });
});

describe('conflicts', () => {
  it('lets the policy decide an edit on both sides and keeps the loser restorable', async () => {
    const w = await setup();
    w.outlook.userUpdate(
      w.folder,
      w.outlookIdOf('Anna Test'),
      w.person('Anna', { jobTitle: 'Outlook edit' }),
    );
    w.crm.update(w.crmGuidOf('Anna Test'), JSON.stringify(w.person('Anna', { jobTitle: 'CRM edit' })));
    const result = await w.sync();
    expect(result.folders[0]?.conflicts).toBe(1);
    expect(w.outlookItem('Anna Test')?.jobTitle).toBe('CRM edit'); // default: CRM wins

    const [run] = await w.journal.list();
    const entry = run!.folders[0]!.entries.find(
      (e): e is Extract<JournalEntry, { result: 'conflict' }> => e.result === 'conflict',
    )!;
    expect(entry.conflict).toMatchObject({ winner: 'crm', policy: 'crm-wins' });
    expect(entry.conflict.outlookVersion).toMatchObject({ jobTitle: 'Outlook edit' });
    expect(entry.conflict.crmVersion).toMatchObject({ jobTitle: 'CRM edit' });

    await restoreVersion(w.ports, run!.runId, entry.entryId);
    expect(w.outlookItem('Anna Test')?.jobTitle).toBe('Outlook edit');
    await w.sync();
    expect(w.crmItem('Anna Test')?.jobTitle).toBe('Outlook edit');
  });

  it('keeps the Outlook version under "Outlook wins" and sends it to the CRM', async () => {
    const w = await setup();
    const request = { folders: [{ ...w.pair, policy: 'outlook-wins' as const }] };
    w.outlook.userUpdate(
      w.folder,
      w.outlookIdOf('Anna Test'),
      w.person('Anna', { jobTitle: 'Outlook edit' }),
    );
    w.crm.update(w.crmGuidOf('Anna Test'), JSON.stringify(w.person('Anna', { jobTitle: 'CRM edit' })));
    await runSync(w.ports, request);
    expect(w.outlookItem('Anna Test')?.jobTitle).toBe('Outlook edit');
    await runSync(w.ports, request);
    expect(w.crmItem('Anna Test')?.jobTitle).toBe('Outlook edit');
  });
});

describe('an Outlook-won conflict the server answered 200', () => {
  it('is sent again next run, so the CRM ends with the Outlook version (libsynthesis keeps its own and says 200)', async () => {
    const w = await setup();
    w.crm.conflictStatus = 200;
    const request = { folders: [{ ...w.pair, policy: 'outlook-wins' as const }] };
    w.outlook.userUpdate(
      w.folder,
      w.outlookIdOf('Anna Test'),
      w.person('Anna', { jobTitle: 'Outlook edit' }),
    );
    w.crm.update(w.crmGuidOf('Anna Test'), JSON.stringify(w.person('Anna', { jobTitle: 'CRM edit' })));
    expect((await runSync(w.ports, request)).folders[0]?.conflicts).toBe(1);
    expect(w.outlookItem('Anna Test')?.jobTitle).toBe('Outlook edit');
    expect(Object.values((await w.stateStore.load(w.folder))!.checkpoint.pending)).toEqual(['resend']);
    await runSync(w.ports, request);
    expect(w.crmItem('Anna Test')?.jobTitle).toBe('Outlook edit');
  });
});

describe('undoLastRun', () => {
  it('restores the Outlook side as it was before the run', async () => {
    const w = await setup();
    w.crm.update(w.crmGuidOf('Anna Test'), JSON.stringify(w.person('Anna', { jobTitle: 'CRM edit' })));
    w.crm.delete(w.crmGuidOf('Bert Test'));
    w.crmCreate('Dora');
    w.crmCreate('Emil');
    w.crmCreate('Fritz');
    const result = await w.sync({ confirmDeletions: async () => 'continue' });
    expect(result.outcome).toBe('completed');
    expect(w.outlookNames()).toEqual(['Anna Test', 'Cleo Test', 'Dora Test', 'Emil Test', 'Fritz Test']);

    const undo = await undoLastRun(w.ports);
    expect(undo.failed).toEqual([]);
    expect(w.outlookNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test']);
    expect(w.outlookItem('Anna Test')?.jobTitle).toBeUndefined();
    expect((await w.journal.get(undo.runId))?.undoneAt).toBeDefined();
  });

  it('says so with a typed error when there is nothing to undo', async () => {
    const w = await setup([]);
    await expect(undoLastRun(w.ports)).rejects.toMatchObject({ code: 'JOURNAL_NOT_FOUND' });
  });

  it('undoes only the newest run, and only once', async () => {
    const w = await setup(['Anna']);
    await undoLastRun(w.ports);
    await expect(undoLastRun(w.ports)).rejects.toMatchObject({ code: 'JOURNAL_NOT_FOUND' });
    const w2 = await setup(['Anna']);
    w2.outlook.userCreate(w2.folder, w2.person('Emil'));
    await w2.sync(); // the newest run only sent Emil to the CRM
    await expect(undoLastRun(w2.ports)).rejects.toMatchObject({ code: 'NOT_RESTORABLE' });
    expect(w2.outlookNames()).toEqual(['Anna Test', 'Emil Test']);
  });
});

describe('journal', () => {
  it('reports a journal that could not be saved instead of a clean run', async () => {
    const w = await setup([]);
    w.crmCreate('Anna');
    const ports = {
      ...w.ports,
      journal: { ...w.journal, append: async () => Promise.reject(new Error('quota')) },
    };
    const result = await runSync(ports, w.request);
    expect(result.outcome).toBe('completed');
    expect(result.error).toEqual({ code: 'STORAGE_FAILED', detail: 'journal' });
    expect(w.outlookNames()).toEqual(['Anna Test']);
  });
});

describe('a cancel that lands while Outlook is being written', () => {
  it('still journals the writes that happened (regression: result events go before later ones)', async () => {
    const w = await setup([]);
    w.crmCreate('Anna');
    const controller = new AbortController();
    const inner = w.outlook;
    const store: OutlookStore = {
      kind: inner.kind,
      readChanges: (f, c, s) => inner.readChanges(f, c, s),
      readAll: (f, s) => inner.readAll(f, s),
      findByLuid: (f, l, s) => inner.findByLuid(f, l, s),
      async writeBatch(f, ops, s) {
        const results = await inner.writeBatch(f, ops, s);
        controller.abort(); // the user presses Cancel while the batch was in flight
        return results;
      },
    };
    const result = await runSync({ ...w.ports, outlook: { contact: store } }, w.request, {
      signal: controller.signal,
    });
    expect(result.outcome).toBe('cancelled');
    const [run] = await w.journal.list();
    expect(run?.folders[0]?.entries.map((e) => [e.result, e.name])).toEqual([['created', 'Anna Test']]);
  });
});
