import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memorySettings } from '../../../src/adapters/storage/index.js';
import { defaultConnection, PaneError } from '../../../src/app/pane/index.js';
import { closeWorldsAfterEach, createPaneWorld, PASSWORD } from './pane-world.js';

closeWorldsAfterEach();
const never = new AbortController().signal;
const noProgress = () => undefined;
const keepGoing = async () => 'continue' as const;

async function setup() {
  const world = await createPaneWorld();
  await world.addContact(world.contacts, 'Anna', 'Weiß');
  await world.addContact(world.contacts, 'Bernd', 'Krüger');
  return world;
}

describe('createPaneSync', () => {
  it('previews without writing, then syncs through the same-origin proxy and journals the run', async () => {
    const world = await setup();
    const pane = await world.openPane();
    const preview = await pane.preview(never, noProgress);
    expect(preview.outcome).toBe('completed');
    expect(preview.previews[0]?.toCrm.creates).toBe(2);
    expect(world.crmCount()).toBe(0);

    const progress: number[] = [];
    const run = await pane.run(never, (p) => progress.push(p.done), keepGoing);
    expect(run.outcome).toBe('completed');
    expect(run.folders[0]?.toCrm.adds).toBe(2);
    expect(world.crmCount()).toBe(2);
    expect(progress.length).toBeGreaterThan(0);
    expect((await pane.history())[0]?.runId).toBe(run.runId);
  });

  it('a second device (fresh IndexedDB, same roaming settings) creates no duplicates', async () => {
    const world = await setup();
    const roaming = memorySettings();
    await (await world.openPane({ settings: roaming })).run(never, noProgress, keepGoing);

    const second = await world.openPane({ settings: roaming, indexedDB: new IDBFactory() });
    const run = await second.run(never, noProgress, keepGoing);
    expect(run.outcome).toBe('completed');
    expect(world.crmCount()).toBe(2);
    expect(await world.outlookNames(world.contacts)).toEqual(['Anna', 'Bernd']);
  });

  it('runs one sync at a time per pane, also from two services (Sync tab and duplicate check)', async () => {
    const world = await setup();
    const settings = memorySettings();
    const indexedDB = new IDBFactory();
    const order: string[] = [];
    const tagged =
      (tag: string): typeof fetch =>
      (input, init) => {
        order.push(tag);
        return fetch(input, init);
      };
    const syncTab = await world.openPane({ settings, indexedDB }, { syncmlFetch: tagged('tab') });
    const firstSync = await world.openPane({ settings, indexedDB }, { syncmlFetch: tagged('check') });
    const [a, b] = await Promise.all([
      syncTab.run(never, noProgress, keepGoing),
      firstSync.run(never, noProgress, keepGoing),
    ]);
    expect([a.outcome, b.outcome]).toEqual(['completed', 'completed']);
    // The second run's messages all come after the first run's: no interleaved sessions.
    const switches = order.filter((tag, i) => i > 0 && tag !== order[i - 1]).length;
    expect(order).toContain('check');
    expect(switches).toBe(1);
    expect(world.crmCount()).toBe(2);
    expect(await world.outlookNames(world.contacts)).toEqual(['Anna', 'Bernd']);
  });

  it('a reinstall (fresh IndexedDB and fresh settings) creates no duplicates either', async () => {
    const world = await setup();
    await (await world.openPane()).run(never, noProgress, keepGoing);
    const reinstalled = await world.openPane({ settings: memorySettings(), indexedDB: new IDBFactory() });
    const run = await reinstalled.run(never, noProgress, keepGoing);
    expect(run.outcome).toBe('completed');
    expect(world.crmCount()).toBe(2);
    expect(await world.outlookNames(world.contacts)).toEqual(['Anna', 'Bernd']);
  });

  it('undoes the newest run on the Outlook side', async () => {
    const world = await setup();
    const pane = await world.openPane();
    await pane.run(never, noProgress, keepGoing);
    const carla = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Berger;Carla\r\nFN:Carla Berger\r\nEND:VCARD\r\n';
    world.crm.store.createRecord('addressbook', carla, 'text/x-vcard', 'web');
    await pane.run(never, noProgress, keepGoing);
    expect(await world.outlookNames(world.contacts)).toEqual(['Anna', 'Bernd', 'Carla']);

    const undone = await pane.undoLast();
    expect(undone).toMatchObject({ restored: 1, failed: [] });
    expect(await world.outlookNames(world.contacts)).toEqual(['Anna', 'Bernd']);
    expect((await pane.history())[0]?.undoneAt).toBeDefined();
  });

  it('refuses to sync with no folder switched on, or with an unusable connection', async () => {
    const world = await setup();
    const none = await world.openPane({}, { folders: async () => [] });
    await expect(none.preview(never, noProgress)).rejects.toMatchObject({ code: 'NO_FOLDERS' });
    world.setConnection({ password: '' });
    const error = await (await world.openPane()).run(never, noProgress, keepGoing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaneError);
    expect(error).toMatchObject({ code: 'CONNECTION_INVALID', details: { field: 'password' } });
  });
});

describe('check connection', () => {
  it('says ok, wrong password, unreachable — and never shows the password', async () => {
    const world = await setup();
    const pane = await world.openPane();
    const settings = {
      ...defaultConnection({}, 'pane-test-device'),
      endpoint: world.crm.syncUrl,
      user: 'anna',
      password: PASSWORD,
    };
    expect((await pane.checkConnection(settings)).kind).toBe('ok');

    const wrong = await pane.checkConnection({ ...settings, password: `${PASSWORD}-typo` });
    expect(wrong.kind).toBe('wrong-password');
    expect(JSON.stringify(wrong)).not.toContain(PASSWORD);

    await world.crm.close();
    const down = await pane.checkConnection(settings);
    expect(down.kind).toBe('unreachable');
    const shown = down.kind === 'ok' ? '' : `${down.error.message} ${JSON.stringify(down.error.details)}`;
    expect(shown).not.toContain(PASSWORD);
  });
});
