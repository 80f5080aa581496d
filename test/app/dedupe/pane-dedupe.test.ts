/**
 * The pane's composition of the duplicate check: the check through the host's same-origin proxy, decisions in
 * IndexedDB, and the pane's own sync service (createPaneSync with decoratePorts) linking on its first run.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memorySettings } from '../../../src/adapters/storage/index.js';
import {
  applyReview,
  checkDuplicates,
  createPaneDedupe,
  idbKeyValue,
} from '../../../src/app/dedupe/index.js';
import { emulatorFetch } from '../../../src/cli/emulator-fetch.js';
import { linkAllAbove, startReview } from '../../../src/core/dedupe/index.js';
import { serializeVCard } from '../../../src/core/formats/index.js';
import { defaultConnection } from '../../../src/app/pane/index.js';
import { closeWorldsAfterEach, createPaneWorld, PASSWORD } from '../pane/pane-world.js';
import { contact } from './world.js';

closeWorldsAfterEach();
const never = new AbortController().signal;
const keepGoing = async () => 'continue' as const;

async function setup() {
  const world = await createPaneWorld();
  const indexedDB = new IDBFactory();
  const settings = memorySettings();
  const graph = {
    tokenProvider: { getToken: async () => 'sandbox-token' },
    fetch: emulatorFetch(world.mailbox, world.control),
  };
  const connection = {
    ...defaultConnection({}, 'pane-dedupe-device'),
    endpoint: world.crm.syncUrl,
    user: 'anna',
    password: PASSWORD,
  };
  const dedupe = await createPaneDedupe({
    graph,
    settings,
    indexedDB,
    connection: () => connection,
    paneOrigin: world.host.url,
    timeZone: 'Europe/Berlin',
  });
  const pane = await world.openPane({ settings, indexedDB }, { decoratePorts: dedupe.decorateSyncPorts });
  return { world, dedupe, pane };
}

describe('createPaneDedupe', () => {
  it('checks through the proxy, stores decisions in IndexedDB, and the pane sync links instead of copying', async () => {
    const { world, dedupe, pane } = await setup();
    world.crm.store.createRecord(
      'addressbook',
      serializeVCard(contact('Mia Kraft', { emails: [{ kind: 'work', address: 'mia@example.de' }] }), '3.0')
        .text,
      'text/vcard',
      'web',
    );
    await world.addContact(world.contacts, 'Mia', 'Kraft');
    const check = await checkDuplicates(dedupe.ports, {
      folder: world.contacts,
      kind: 'contact',
      datastore: 'addressbook',
      country: 'DE',
    });
    expect(check.pairs.map((p) => [p.outlook.name, p.crm.name, p.reasons.includes('same-email')])).toEqual([
      ['Mia Kraft', 'Mia Kraft', true],
    ]);
    await applyReview(dedupe.ports, check, linkAllAbove(startReview(check.pairs), 90));
    const run = await pane.run(never, () => undefined, keepGoing);
    expect(run.outcome).toBe('completed');
    expect(await world.outlookNames(world.contacts)).toEqual(['Mia']);
    expect(world.crmCount()).toBe(1);
    expect(await dedupe.ports.decisions.load(world.contacts)).toBeUndefined();
  });

  it('idbKeyValue keeps values until set to null', async () => {
    const kv = idbKeyValue(new IDBFactory());
    await kv.set('a', { x: 1 });
    expect(await kv.get('a')).toEqual({ x: 1 });
    await kv.set('a', null);
    expect(await kv.get('a')).toBeUndefined();
  });
});
