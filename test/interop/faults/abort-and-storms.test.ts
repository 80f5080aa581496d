/**
 * Issue 6, "Faults it survives", on the Outlook side: a run aborted (AbortSignal) in the middle of its Outlook
 * writes — the in-process twin of the CLI killed mid-run — and a Graph storm of 429 (also inside $batch) and
 * 503 for a fifth of the requests. Either way the next run (or the same one) leaves one copy of every item on
 * each side.
 */
import { describe, expect, it } from 'vitest';
import type { GraphServer } from '../../../src/sandbox/graph/node.js';
import { FAULT_SERVERS, useFaultServer, useGraphEmulator } from './support/suite.js';
import { expectConverged, FAULT_KINDS } from './support/world.js';

const graph = useGraphEmulator();
/** Calls `onFirstAnswer` when the first $batch has answered; `settled()` waits until the emulator is idle. */
function watchBatches(graph: GraphServer, onFirstAnswer: () => void) {
  let answered = 0;
  const onAnswer = ({ request }: { request: Request }) => {
    if (request.method !== 'POST' || !request.url.endsWith('/$batch')) return;
    if (++answered === 1) onFirstAnswer();
  };
  graph.server.events.on('response:mocked', onAnswer);
  return {
    async settled(): Promise<void> {
      graph.server.events.removeListener('response:mocked', onAnswer);
      // Idle three polls in a row: between two items of a batch the count may touch zero for a moment.
      for (let idle = 0, polls = 0; idle < 3 && polls < 500; polls++) {
        await new Promise((r) => setTimeout(r, 20));
        idle = graph.control.requestsInFlight === 0 ? idle + 1 : 0;
      }
    },
  };
}

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} Item${i + 1}`);

describe.each(FAULT_SERVERS.map((s) => [s.name, s] as const))(
  'Outlook-side faults against %s',
  (_name, server) => {
    const servers = useFaultServer(graph, server, 65);

    it.each(FAULT_KINDS.map((k) => [k] as const))(
      '%s: a run aborted during the Outlook writes commits nothing, and the next run converges',
      async (kind) => {
        const w = await servers.world(kind);
        const fromServer = keys('Server', 90);
        for (const key of fromServer) await w.writeOnServer(key);
        await w.createInOutlook('Outlook Own');
        // 90 creates are five $batch requests, at most four in flight: abort when the first one has answered.
        graph.control.setFaults({ latencyMs: 40 });
        const controller = new AbortController();
        const batches = watchBatches(graph, () => controller.abort());
        const aborted = await w.sync({ signal: controller.signal });
        // Like Graph, the emulator finishes a batch it has received even when the client is gone; a killed run's
        // successor starts after that. Wait for it, so the next run sees what the aborted one left behind.
        await batches.settled();
        graph.control.clearFaults();
        expect(aborted.outcome).toBe('cancelled');
        const written = (await w.outlookItems()).length - 1;
        expect(written).toBeGreaterThan(0);
        expect(written).toBeLessThan(fromServer.length);
        expect((await w.ports.stateStore.load(w.folderId))?.checkpoint.lastAnchor).toBeUndefined();

        const next = await w.sync();
        expect(next.outcome).toBe('completed');
        await expectConverged(w, [...fromServer, 'Outlook Own']);
        const quiet = await w.sync();
        expect(quiet.folders[0]).toMatchObject({
          toOutlook: { creates: 0, updates: 0, deletes: 0 },
          toCrm: { adds: 0, replaces: 0, deletes: 0 },
        });
      },
    );

    it.each(FAULT_KINDS.map((k) => [k] as const))(
      '%s: completes with everything synced while Graph answers 429 (also in batches) and 503 to a fifth of the requests',
      async (kind) => {
        const w = await servers.world(kind);
        const fromServer = keys('Server', 30);
        for (const key of fromServer) await w.writeOnServer(key);
        const fromOutlook = keys('Outlook', 10);
        for (const key of fromOutlook) await w.createInOutlook(key);
        const before = { ...graph.control.counters };
        graph.control.setFaults({
          throttleRate: 0.2,
          batchItemThrottleRate: 0.2,
          serviceUnavailableRate: 0.2,
          retryAfterSeconds: 0.01,
          seed: kind.length,
        });
        try {
          expect((await w.sync()).outcome).toBe('completed');
          await w.createInOutlook('Outlook Later');
          await w.writeOnServer('Server Later');
          expect((await w.sync()).outcome).toBe('completed');
          const hit = graph.control.counters;
          expect(hit.throttled).toBeGreaterThan(before.throttled); // the storm did blow
          expect(hit.serviceUnavailable).toBeGreaterThan(before.serviceUnavailable);
        } finally {
          graph.control.clearFaults();
        }
        await expectConverged(w, [...fromServer, ...fromOutlook, 'Outlook Later', 'Server Later']);
      },
    );
  },
);
