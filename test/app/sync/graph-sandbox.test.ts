/**
 * The sync use cases over every real piece but Outlook itself: the Graph contact store against the Graph emulator
 * (msw), the SyncML client over HTTP, the formats, and the sandbox CRM on loopback.
 */
import { describe, expect, it } from 'vitest';
import { graphCodecs } from '../../../src/adapters/graph/codecs.js';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { createFolder } from '../../../src/adapters/graph/folders.js';
import { runSync } from '../../../src/app/sync/index.js';
import { serializeVCard } from '../../../src/core/formats/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import {
  crmContactNames,
  emulatorClient,
  graphSyncPorts,
  twoWayRequest,
  useGraphEmulator,
} from './graph-world.js';
import { person } from './sandbox-world.js';

const { graph, startCrm } = useGraphEmulator();

/** A CRM customer: besides name and e-mail, a company and a mobile phone for the Graph mapping to carry. */
const customer = (given: string, family: string): Contact =>
  person(given, family, {
    company: 'Weiß Immobilien GmbH',
    phones: [{ kind: 'mobile', number: '+49 171 7654321' }],
  });

let serial = 0;

async function setup() {
  const crm = await startCrm();
  const client = emulatorClient({ maxRetries: 10 });
  const folder = (await createFolder(client, 'contacts', `Sync ${++serial}`)).id;
  const store = new GraphContactStore(client, graphCodecs({ timeZone: 'Europe/Berlin' }).contact);
  const ports = graphSyncPorts({
    crm,
    outlook: { contact: store },
    deviceId: `outlook-graph-${serial}`,
    codecOptions: { timeZone: 'Europe/Berlin' },
  });
  const request = twoWayRequest(folder, 'contact', 'addressbook');
  const names = async () => (await store.readAll(folder)).map((s) => (s.item as Contact).displayName).sort();
  return {
    crm,
    client,
    folder,
    store,
    ports,
    request,
    names,
    crmNames: () => crmContactNames(crm),
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
      serializeVCard(customer('Bert', 'Berg'), '3.0').text,
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
        serializeVCard(customer(`Kunde${i}`, 'Test'), '3.0').text,
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
      serializeVCard(customer('Bert', 'Berg'), '3.0').text,
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
        serializeVCard(customer(given, family), '3.0').text,
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
