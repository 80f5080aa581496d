/**
 * The client's token bucket against the emulator's enforced request budget, on one simulated clock:
 * a write far larger than the budget completes without a single budget rejection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { createFolder } from '../../../src/adapters/graph/folders.js';
import { emptyContact, luid } from '../../../src/core/model/index.js';
import type { WriteOp } from '../../../src/core/sync/outlook-store.js';
import { createSimulatedClock } from '../../../src/sandbox/graph/clock.js';
import { MailboxStore, setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { testContactCodec } from './test-codecs.js';

const budget = { requests: 120, windowMs: 60_000 };
const clock = createSimulatedClock();
const graph = setupGraphServer({
  store: new MailboxStore({ clock }),
  emulator: { clock, limits: { requestBudget: budget } },
});
beforeAll(() => graph.listen());
afterAll(() => graph.close());

describe('pacing under the mailbox budget', () => {
  it('writes 400 contacts under a 120-per-minute budget without a budget rejection', async () => {
    const client = new GraphClient({
      tokenProvider: { getToken: async () => 'sandbox-token' },
      clock: { now: () => clock.now(), sleep: (ms) => clock.sleep(ms) },
      rateLimit: { ...budget, burst: 30 },
      // One request at a time keeps the simulated timeline exact: on a shared virtual clock a
      // waiter's sleep would move time on under a request still in flight.
      maxConcurrent: 1,
    });
    const folder = await createFolder(client, 'contacts', 'Pacing');
    const store = new GraphContactStore(client, testContactCodec);
    const started = clock.now();
    const ops: WriteOp[] = Array.from({ length: 400 }, (_, i) => ({
      op: 'create',
      item: { ...emptyContact(), displayName: `Kontakt ${i}` },
      link: { luid: luid(`P${i}`), fingerprint: `f${i}` },
    }));
    const results = await store.writeBatch(folder.id, ops);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(graph.control.counters.budgetRejections).toBe(0);
    // ~420 counted requests at 90 per simulated minute after the burst: the run had to wait.
    expect(clock.now() - started).toBeGreaterThan(3 * budget.windowMs);
    expect(client.stats.waitedMs).toBeGreaterThan(0);
  });
});
