/**
 * The sync use cases over every real piece but Outlook itself: the Graph contact store against the Graph emulator
 * (msw), the SyncML client over HTTP, the formats, and the sandbox CRM on loopback.
 */
import { http, passthrough } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { graphCodecs, outlookShapes } from '../../../src/adapters/graph/codecs.js';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { createFolder } from '../../../src/adapters/graph/folders.js';
import { createHttpTransport } from '../../../src/adapters/syncml-http/index.js';
import { formatsItemCodec, runSync, type SyncPorts } from '../../../src/app/sync/index.js';
import { fingerprint, parseVCard, serializeVCard } from '../../../src/core/formats/index.js';
import { emptyContact, type Contact } from '../../../src/core/model/index.js';
import { createMemoryJournalStore, createMemorySyncStateStore } from '../../../src/core/sync/index.js';
import { memoryNonceStore, runSyncSession } from '../../../src/core/syncml/index.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { startCrmServer, type RunningCrmServer } from '../../../src/server/crm/http/crm-server.js';
import { fakeClock } from '../../adapters/graph/fake-clock.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());
const servers: RunningCrmServer[] = [];
afterEach(async () => {
  graph.server.resetHandlers();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const person = (given: string, family: string): Contact => ({
  ...emptyContact(),
  name: { given, family },
  displayName: `${given} ${family}`,
  company: 'Weiß Immobilien GmbH',
  phones: [{ kind: 'mobile', number: '+49 171 7654321' }],
  emails: [{ kind: 'work', address: `${given.toLowerCase()}@example.de` }],
});

let serial = 0;

async function setup() {
  const crm = await startCrmServer({ port: 0, seed: false });
  servers.push(crm);
  // The CRM is a real server on loopback: let its requests through the Graph emulator's interception.
  graph.server.use(http.all(`${crm.url}/*`, () => passthrough()));
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    clock: fakeClock(),
    maxRetries: 10,
  });
  const folder = (await createFolder(client, 'contacts', `Sync ${++serial}`)).id;
  const store = new GraphContactStore(client, graphCodecs({ timeZone: 'Europe/Berlin' }).contact);
  const nonceStore = memoryNonceStore();
  const transport = createHttpTransport({ timeoutMs: 20_000 });
  let tick = 0;
  const ports: SyncPorts = {
    outlook: { contact: store },
    runSession: (o) =>
      runSyncSession({
        ...o,
        transport,
        serverUrl: crm.syncUrl,
        user: 'test',
        password: 'test',
        auth: 'md5',
        deviceId: `outlook-graph-${serial}`,
        nonceStore,
      }),
    stateStore: createMemorySyncStateStore(),
    journal: createMemoryJournalStore(),
    codec: formatsItemCodec,
    fingerprint,
    outlookShape: outlookShapes({ timeZone: 'Europe/Berlin' }),
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newRunId: () => `run-${tick}`,
  };
  const request = {
    folders: [
      {
        folderId: folder,
        kind: 'contact' as const,
        datastore: 'addressbook',
        direction: 'two-way' as const,
        policy: 'crm-wins' as const,
      },
    ],
  };
  const names = async () => (await store.readAll(folder)).map((s) => (s.item as Contact).displayName).sort();
  const crmNames = () =>
    crm.store
      .listRecords('addressbook')
      .filter((r) => !r.deleted)
      .map((r) => parseVCard(r.content))
      .flatMap((r) => (r.ok ? [r.value.displayName] : []))
      .sort();
  return {
    crm,
    client,
    folder,
    store,
    ports,
    request,
    names,
    crmNames,
    sync: (o = {}) => runSync(ports, request, o),
  };
}

describe('sync on the Graph emulator and the sandbox CRM', () => {
  it('syncs both ways, and a second run writes nothing and sends nothing', async () => {
    const w = await setup();
    // The user's own contact, made in Outlook (no link).
    await w.client.request('POST', `/me/contactFolders/${w.folder}/contacts`, {
      body: {
        givenName: 'Anna',
        surname: 'Alt',
        displayName: 'Anna Alt',
        emailAddresses: [{ address: 'anna@example.de' }],
      },
    });
    w.crm.store.createRecord(
      'addressbook',
      serializeVCard(person('Bert', 'Berg'), '3.0').text,
      'text/vcard',
      'web',
    );

    const first = await w.sync();
    expect(first.outcome).toBe('completed');
    expect(await w.names()).toEqual(['Anna Alt', 'Bert Berg']);
    expect(w.crmNames()).toEqual(['Anna Alt', 'Bert Berg']);

    const second = await w.sync();
    expect(second.folders[0]).toMatchObject({
      toOutlook: { creates: 0, updates: 0, deletes: 0 },
      toCrm: { adds: 0, replaces: 0, deletes: 0 },
    });
  });

  it('completes under 429 and 503 for a fifth of the requests, also inside batches, without doubling anything', async () => {
    const w = await setup();
    for (let i = 1; i <= 30; i++) {
      w.crm.store.createRecord(
        'addressbook',
        serializeVCard(person(`Kunde${i}`, 'Test'), '3.0').text,
        'text/vcard',
        'web',
      );
    }
    graph.control.setFaults({
      throttleRate: 0.2,
      batchItemThrottleRate: 0.1,
      serviceUnavailableRate: 0.2,
      retryAfterSeconds: 0.01,
    });
    try {
      const first = await w.sync();
      expect(first.outcome).toBe('completed');
      const second = await w.sync();
      expect(second.outcome).toBe('completed');
      expect(second.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });
      const hit = graph.control.counters;
      expect(hit.throttled + hit.serviceUnavailable).toBeGreaterThan(0); // the storm did blow
    } finally {
      graph.control.clearFaults();
    }
    expect(await w.names()).toHaveLength(30);
    expect(w.crmNames()).toHaveLength(30);
  });

  it('reconciles an expired delta link (410) by the ids stored on the items', async () => {
    const w = await setup();
    w.crm.store.createRecord(
      'addressbook',
      serializeVCard(person('Bert', 'Berg'), '3.0').text,
      'text/vcard',
      'web',
    );
    await w.sync();
    const cursor = (await w.ports.stateStore.load(w.folder))?.checkpoint.deltaCursor;
    expect(cursor && graph.expireDeltaLink(cursor)).toBe(true);
    const result = await w.sync();
    expect(result.outcome).toBe('completed');
    expect(result.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });
    expect(await w.names()).toEqual(['Bert Berg']);
    expect(w.crmNames()).toEqual(['Bert Berg']);
  });

  it('stops and asks when the CRM reports every item deleted', async () => {
    const w = await setup();
    for (const [given, family] of [
      ['Bert', 'Berg'],
      ['Cleo', 'Chen'],
    ] as const) {
      w.crm.store.createRecord(
        'addressbook',
        serializeVCard(person(given, family), '3.0').text,
        'text/vcard',
        'web',
      );
    }
    await w.sync();
    for (const r of w.crm.store.listRecords('addressbook'))
      w.crm.store.deleteRecord('addressbook', r.guid, 'web');
    const result = await w.sync({ confirmDeletions: async () => 'stop' });
    expect(result.outcome).toBe('stopped-by-guard');
    expect(result.guardTrip).toMatchObject({ reason: 'FOLDER_WOULD_EMPTY', target: 'outlook' });
    expect(await w.names()).toEqual(['Bert Berg', 'Cleo Chen']);
  });
});
