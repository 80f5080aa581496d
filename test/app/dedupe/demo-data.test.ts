/**
 * The demo data (sandbox mailbox ⇄ sandbox CRM, src/sandbox/demo-*) through every real piece but Outlook: the
 * Graph contact store against the emulator, the SyncML client over HTTP, the CRM on loopback. Its deliberate
 * near-duplicates are found, and the linked first sync leaves every person once on each side.
 */
import { http, passthrough } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphStores,
  GraphClient,
  listFoldersOfKind,
  outlookShapes,
} from '../../../src/adapters/graph/index.js';
import { createHttpTransport } from '../../../src/adapters/syncml-http/index.js';
import {
  applyReview,
  checkDuplicates,
  memoryDecisionStore,
  runSyncWithDecisions,
} from '../../../src/app/dedupe/index.js';
import { formatsItemCodec, type SyncPorts } from '../../../src/app/sync/index.js';
import { decide, linkAllAbove, startReview } from '../../../src/core/dedupe/index.js';
import { fingerprint, parseVCard } from '../../../src/core/formats/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import { createMemoryJournalStore, createMemorySyncStateStore } from '../../../src/core/sync/index.js';
import { memoryNonceStore, runSyncSession } from '../../../src/core/syncml/index.js';
import { DEMO_CRM_PEOPLE } from '../../../src/sandbox/demo-crm/people.js';
import { seedDemoMailbox } from '../../../src/sandbox/demo-mailbox/seed.js';
import { MailboxStore, setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { startCrmServer, type RunningCrmServer } from '../../../src/server/crm/http/crm-server.js';
import { fakeClock } from '../../adapters/graph/fake-clock.js';

const graph = setupGraphServer({ store: seedDemoMailbox(new MailboxStore()) });
beforeAll(() => graph.listen());
afterAll(() => graph.close());
const servers: RunningCrmServer[] = [];
afterEach(async () => {
  graph.server.resetHandlers();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup() {
  const crm = await startCrmServer({ port: 0, users: { demo: 'demo' } });
  servers.push(crm);
  graph.server.use(http.all(`${crm.url}/*`, () => passthrough()));
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    clock: fakeClock(),
  });
  // "Kunden" (customers) holds three of the people the demo CRM deliberately near-duplicates.
  const folder = (await listFoldersOfKind(client, 'contacts')).find((f) => f.name === 'Kunden');
  const shape = { timeZone: 'Europe/Berlin' };
  const nonceStore = memoryNonceStore();
  const transport = createHttpTransport({ timeoutMs: 20_000 });
  const ports: SyncPorts & { decisions: ReturnType<typeof memoryDecisionStore> } = {
    outlook: createGraphStores(client, shape),
    runSession: (o) =>
      runSyncSession({
        ...o,
        transport,
        serverUrl: crm.syncUrl,
        user: 'demo',
        password: 'demo',
        auth: 'md5',
        deviceId: 'dedupe-demo',
        nonceStore,
      }),
    stateStore: createMemorySyncStateStore(),
    journal: createMemoryJournalStore(),
    codec: formatsItemCodec,
    fingerprint,
    outlookShape: outlookShapes(shape),
    now: () => new Date().toISOString(),
    newRunId: () => `run-${Date.now()}`,
    decisions: memoryDecisionStore(),
  };
  const request = {
    folders: [
      {
        folderId: folder!.id,
        kind: 'contact' as const,
        datastore: 'addressbook',
        direction: 'two-way' as const,
        policy: 'crm-wins' as const,
      },
    ],
  };
  const crmPeople = () =>
    crm.store
      .listRecords('addressbook')
      .filter((r) => !r.deleted)
      .flatMap((r) => {
        const p = parseVCard(r.content);
        return p.ok ? [p.value] : [];
      });
  const outlookPeople = async () =>
    (await ports.outlook.contact!.readAll(folder!.id)).map((s) => s.item as Contact);
  return { ports, request, folder: folder!, crmPeople, outlookPeople };
}

const personKey = (c: Contact) =>
  `${c.name.given ?? ''} ${c.name.family ?? ''}`
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

describe('the demo data', () => {
  it('finds the deliberate near-duplicates; linking them (two in bulk, one by hand) leaves every person once on each side', async () => {
    const { ports, request, folder, crmPeople, outlookPeople } = await setup();
    const check = await checkDuplicates(ports, {
      folder: folder.id,
      kind: 'contact',
      datastore: 'addressbook',
      country: 'DE',
    });
    // Each deliberate near-duplicate of this folder's people is found; two are certain (e-mail and mobile),
    // Jürgen Müller (the CRM has only his landline, as "Juergen Mueller") is a suggestion below 90.
    const nearDuplicates = DEMO_CRM_PEOPLE.filter((p) => p.nearDuplicateOf).map((p) => p.nearDuplicateOf!);
    const found = check.pairs.filter((p) => nearDuplicates.includes(p.outlook.name));
    expect(found.map((p) => [p.outlook.name, p.score >= 90]).sort()).toEqual([
      ['Hannah Wagner', true],
      ['Jürgen Müller', false],
      ['Lena Schröder', true],
    ]);
    expect(found.find((p) => p.outlook.name === 'Jürgen Müller')!.reasons).toEqual([
      'same-phone',
      'same-name',
    ]);
    const juergen = check.pairs.findIndex((p) => p.outlook.name === 'Jürgen Müller');
    const review = decide(linkAllAbove(startReview(check.pairs), 90), juergen, {
      action: 'link',
      fields: 'newer',
    });
    await applyReview(ports, check, review);
    const runs = await runSyncWithDecisions(ports, request);
    expect(runs.every((r) => r.outcome === 'completed')).toBe(true);
    const outlook = await outlookPeople();
    const crm = crmPeople();
    const people = new Set([...check.outlook.map((o) => o.item as Contact), ...crm].map(personKey));
    expect(outlook.map(personKey).sort()).toEqual([...people].sort());
    expect(crm.map(personKey).sort()).toEqual([...people].sort());
    expect(outlook.length).toBe(check.outlookItems + check.crmItems - 3);
  });
});
