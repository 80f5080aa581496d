import { describe, expect, it } from 'vitest';
import { previewSync, runSync, undoLastRun } from '../../../src/app/sync/index.js';
import type { OutlookStore } from '../../../src/core/sync/index.js';
import { createWorld } from './harness.js';

function setup() {
  const world = createWorld();
  const sync = (options: Parameters<typeof runSync>[2] = {}) => runSync(world.ports, world.request, options);
  return { ...world, sync };
}

describe('runSync', () => {
  it('syncs both ways on the first run, and a second run changes nothing', async () => {
    const w = setup();
    w.outlook.userCreate(w.folder, w.person('Anna'));
    w.crmCreate('Bert');
    const first = await w.sync();
    expect(first.outcome).toBe('completed');
    expect(w.outlookNames()).toEqual(['Anna Test', 'Bert Test']);
    expect(w.crmNames()).toEqual(['Anna Test', 'Bert Test']);
    expect(first.folders[0]).toMatchObject({
      committed: true,
      toOutlook: { creates: 1 },
      toCrm: { adds: 1 },
    });

    const opsBefore = w.outlook.calls.opsWritten;
    const second = await w.sync();
    expect(second.folders[0]).toMatchObject({ toOutlook: { creates: 0, updates: 0, deletes: 0 } });
    expect(second.folders[0]).toMatchObject({ toCrm: { adds: 0, replaces: 0, deletes: 0 } });
    expect(w.outlook.calls.opsWritten).toBe(opsBefore);
  });

  it('suppresses echoes: our own writes into Outlook are not sent back to the CRM', async () => {
    const w = setup();
    w.crmCreate('Bert');
    await w.sync();
    w.crm.update(w.crmGuidOf('Bert Test'), JSON.stringify(w.person('Bert', { jobTitle: 'Chef' })));
    // writes the CRM edit into Outlook, and sees it come back in the delta round after its writes
    const second = await w.sync();
    expect(second.folders[0]?.echoes).toBeGreaterThan(0);
    const third = await w.sync();
    expect(third.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });
    expect(w.outlookItem('Bert Test')?.jobTitle).toBe('Chef');
  });

  it('keeps items the CRM refused marked as changed, and sends them on the next run', async () => {
    const w = setup();
    w.outlook.userCreate(w.folder, w.person('Anna'));
    w.crm.rejectData = (data) => data.includes('Anna');
    const first = await w.sync();
    expect(first.folders[0]?.failed).toBe(1);
    expect(w.crmNames()).toEqual([]);
    w.crm.rejectData = undefined;
    const second = await w.sync(); // Graph's delta would not report Anna again: the engine remembers
    expect(second.folders[0]?.toCrm.adds).toBe(1);
    expect(w.crmNames()).toEqual(['Anna Test']);
  });

  it('keeps server changes that Outlook refused pending: they arrive on the next run', async () => {
    const w = setup();
    w.crmCreate('Bert');
    w.outlook.failWrites(() => ({ code: 'INVALID_ITEM', message: 'refused' }));
    const first = await w.sync();
    expect(first.folders[0]?.failed).toBe(1);
    w.outlook.failWrites(undefined);
    await w.sync();
    expect(w.outlookNames()).toEqual(['Bert Test']);
  });

  it('reconciles a dead delta cursor (410) by stored ids instead of re-sending everything', async () => {
    const w = setup();
    w.outlook.userCreate(w.folder, w.person('Anna'));
    w.crmCreate('Bert');
    await w.sync();
    w.outlook.expireCursors(w.folder);
    const result = await w.sync();
    expect(result.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });
    expect(w.crmNames()).toEqual(['Anna Test', 'Bert Test']);
  });

  it('twinning: a slow sync of identical data on both sides changes nothing', async () => {
    const w = setup();
    for (const name of ['Anna', 'Bert', 'Cleo']) {
      w.outlook.userCreate(w.folder, w.person(name));
      w.crmCreate(name);
    }
    const result = await w.sync();
    expect(result.folders[0]?.sessionMode).toBe('slow');
    expect(w.outlookNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test']);
    expect(w.crmNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test']);
    expect(result.folders[0]?.toOutlook).toEqual({ creates: 0, updates: 0, deletes: 0 });
  });

  it('answers a slow sync the server demands mid-way (508) with every item, and duplicates nothing', async () => {
    const w = setup();
    w.outlook.userCreate(w.folder, w.person('Anna'));
    w.crmCreate('Bert');
    await w.sync();
    w.crm.demandSlowSync = true;
    const result = await w.sync();
    expect(result.outcome).toBe('completed');
    expect(result.folders[0]?.sessionMode).toBe('slow');
    expect(w.outlookNames()).toEqual(['Anna Test', 'Bert Test']);
    expect(w.crmNames()).toEqual(['Anna Test', 'Bert Test']);
  });
});

describe('previewSync', () => {
  it('shows the plan and writes nothing, sends nothing, commits nothing', async () => {
    const w = setup();
    w.outlook.userCreate(w.folder, w.person('Anna'));
    w.crmCreate('Bert');
    w.crmCreate('Cleo');
    const preview = await previewSync(w.ports, w.request);
    expect(preview.previews[0]).toMatchObject({
      toOutlook: { creates: 2, updates: 0, deletes: 0 },
      toCrm: { creates: 1, updates: 0, deletes: 0, names: ['Anna Test'] },
    });
    expect(w.outlookNames()).toEqual(['Anna Test']);
    expect(w.crmNames()).toEqual(['Bert Test', 'Cleo Test']);
    expect(await w.stateStore.load(w.folder)).toBeUndefined();
    expect(await w.journal.list()).toEqual([]);

    await w.sync();
    expect(w.outlookNames()).toEqual(['Anna Test', 'Bert Test', 'Cleo Test']);
  });
});

describe('a write Outlook stores only in part', () => {
  it('keeps the item linked and rewrites it when the server sends it again: no second copy', async () => {
    const w = setup();
    const inner = w.outlook;
    let partial = true;
    const store: OutlookStore = {
      kind: inner.kind,
      readChanges: (f, c, s) => inner.readChanges(f, c, s),
      readAll: (f, s) => inner.readAll(f, s),
      findByLuid: (f, l, s) => inner.findByLuid(f, l, s),
      async writeBatch(f, ops, s) {
        const results = await inner.writeBatch(f, ops, s);
        if (!partial) return results;
        // Outlook took the item but not all of it (a series without its exceptions).
        return results.map((r) =>
          r.ok ? { ok: false, op: r.op, id: r.id, error: { code: 'INVALID_ITEM', message: 'partial' } } : r,
        );
      },
    };
    const ports = { ...w.ports, outlook: { contact: store } };
    w.crmCreate('Bert');
    const first = await runSync(ports, w.request);
    expect(first.folders[0]?.failed).toBe(1);
    expect(w.outlookNames()).toEqual(['Bert Test']);
    partial = false;
    const second = await runSync(ports, w.request);
    expect(second.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });
    expect(w.outlookNames()).toEqual(['Bert Test']);
    expect(w.crmNames()).toEqual(['Bert Test']);
    const third = await runSync(ports, w.request);
    expect(third.folders[0]?.toOutlook).toEqual({ creates: 0, updates: 0, deletes: 0 });
  });
});

describe('one run at a time', () => {
  it('refuses a second sync over the same state while one runs, with a typed error', async () => {
    const w = setup();
    w.crmCreate('Bert');
    const first = w.sync();
    await expect(w.sync()).rejects.toMatchObject({ code: 'RUN_IN_PROGRESS' });
    await expect(undoLastRun(w.ports)).rejects.toMatchObject({ code: 'RUN_IN_PROGRESS' });
    await expect(first).resolves.toMatchObject({ outcome: 'completed' });
    await expect(w.sync()).resolves.toMatchObject({ outcome: 'completed' });
  });
});
