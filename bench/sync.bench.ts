/**
 * Sync cost against Graph's limits (issue 6): a first sync of N CRM contacts into an empty Outlook folder, then a
 * sync with no change, through the CLI's wiring (src/cli/ports.ts: the pane's use cases, Graph stores, SyncML
 * client over HTTP) on the Graph emulator with 50 ms latency and Graph's limits enforced (4 concurrent, 10,000
 * requests per 10 minutes) on a simulated clock, so 10 simulated minutes take seconds. The SyncML server is the
 * sandbox CRM in this process (in-memory, loopback).
 *
 * Graph requests are what Graph counts against the budget (every $batch item, every lone request); HTTP
 * requests are round trips ($batch envelopes included).
 *
 * With SYNC_BENCH_PHOTOS=1 every contact has a photo, which costs one more request per contact written.
 *
 * Floors: a written item costs at least one Graph request; at Graph's sustained 10,000 per 10 minutes that is
 * 60 ms per item (the window's first 10,000 may go faster, so a small run can beat it).
 */
import { GraphClient, createFolder } from '../src/adapters/graph/index.js';
import { runSync } from '../src/app/sync/index.js';
import { emulatorFetch } from '../src/cli/emulator-fetch.js';
import { buildSyncPorts } from '../src/cli/ports.js';
import { emptySettings } from '../src/cli/settings.js';
import type { Workspace } from '../src/cli/workspace.js';
import { serializeVCard } from '../src/core/formats/index.js';
import { emptyContact, type Contact } from '../src/core/model/index.js';
import { createSimulatedClock } from '../src/sandbox/graph/clock.js';
import { GraphEmulatorControl } from '../src/sandbox/graph/control.js';
import { MailboxStore } from '../src/sandbox/graph/store/mailbox-store.js';
import { startCrmServer } from '../src/server/crm/http/crm-server.js';
import { printTable, withPeakMemory, writeResults } from './report.js';

const LATENCY_MS = 50;
const SUSTAINED_MS_PER_REQUEST = 600_000 / 10_000;
/** SYNC_BENCH_PHOTOS=1 gives every CRM contact a small photo (decision 0171: one PUT per photo). */
const PHOTO =
  process.env['SYNC_BENCH_PHOTOS'] === '1'
    ? { mediaType: 'image/jpeg', base64: '/9j/4AAQSkZJRg==' }
    : undefined;

function contact(i: number): Contact {
  return {
    ...emptyContact(),
    ...(PHOTO ? { photo: PHOTO } : {}),
    name: { given: `Kunde${i}`, family: 'Benchmark' },
    displayName: `Kunde${i} Benchmark`,
    company: `Firma ${i % 97} GmbH`,
    phones: [{ kind: 'mobile', number: `+49 171 ${String(1_000_000 + i)}` }],
    emails: [{ kind: 'work', address: `kunde${i}@example.de` }],
  };
}

async function measure(n: number) {
  const crm = await startCrmServer({ port: 0, seed: false, users: { bench: 'bench' } });
  for (let i = 0; i < n; i++) {
    crm.store.createRecord('addressbook', serializeVCard(contact(i), '3.0').text, 'text/vcard', 'web');
  }
  const clock = createSimulatedClock();
  const store = new MailboxStore({ clock });
  const control = new GraphEmulatorControl({ clock, faults: { latencyMs: LATENCY_MS } });
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'bench-token' },
    fetch: emulatorFetch(store, control),
    clock: { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms, signal) },
    maxRetries: 20,
  });
  const folder = await createFolder(client, 'contacts', 'Benchmark');
  const workspace: Workspace = {
    client,
    settings: emptySettings(),
    timeZone: 'Europe/Berlin',
    country: 'DE',
    save: () => undefined,
  };
  const connection = {
    url: crm.syncUrl,
    user: 'bench',
    password: 'bench',
    deviceId: `bench-${n}`,
    auth: 'md5' as const,
  };
  const ports = buildSyncPorts(workspace, connection);
  const request = {
    folders: [
      {
        folderId: folder.id,
        kind: 'contact' as const,
        datastore: 'addressbook',
        direction: 'two-way' as const,
        policy: 'crm-wins' as const,
      },
    ],
  };
  const run = async () => {
    control.resetCounters();
    const throttledBefore = client.stats.throttled;
    const started = clock.now();
    const wallStarted = performance.now();
    const result = await runSync(ports, request);
    return {
      result,
      requests: control.counters.total,
      httpRequests: control.counters.httpRequests,
      throttled: control.counters.throttled + (client.stats.throttled - throttledBefore),
      simulatedS: (clock.now() - started) / 1000,
      wallS: (performance.now() - wallStarted) / 1000,
    };
  };
  const { result: first, peakMiB } = await withPeakMemory(run);
  const written = first.result.folders[0]?.toOutlook.creates ?? 0;
  const second = await run();
  await crm.close();
  const floorS = (written * SUSTAINED_MS_PER_REQUEST) / 1000;
  return {
    contacts: n,
    outcome:
      first.result.outcome +
      (first.result.error ? ` ${first.result.error.code} ${first.result.error.detail ?? ''}` : ''),
    written,
    graphRequests: first.requests,
    httpRequests: first.httpRequests,
    requestsPerItem: +(first.requests / Math.max(1, written)).toFixed(3),
    simulatedS: +first.simulatedS.toFixed(1),
    floorS: +floorS.toFixed(1),
    vsFloor: +(first.simulatedS / floorS).toFixed(2),
    throttled429: first.throttled,
    wallS: +first.wallS.toFixed(1),
    noChangeRequests: second.requests,
    noChangeSimulatedS: +second.simulatedS.toFixed(2),
    noChangeOutcome: second.result.outcome,
    noChangeWrites:
      (second.result.folders[0]?.toOutlook.creates ?? 0) + (second.result.folders[0]?.toOutlook.updates ?? 0),
    noChangeSent: Object.values(second.result.folders[0]?.toCrm ?? {}).reduce((a, b) => a + b, 0),
    peakMiB,
  };
}

const rows = [];
for (const n of (process.env['SYNC_BENCH_SIZES'] ?? '1000,10000').split(',').map(Number))
  rows.push(await measure(n));
printTable(rows);
writeResults('sync', {
  latencyMs: LATENCY_MS,
  limits: '4 concurrent, 10,000 requests / 10 min (emulator enforced, simulated clock)',
  floor: 'items written × 60 ms (one request per item at the sustained 10,000 / 10 min)',
  rows,
});
