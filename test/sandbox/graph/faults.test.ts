import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulatedClock, type SimulatedClock } from '../../../src/sandbox/graph/clock.js';
import { GraphEmulatorControl } from '../../../src/sandbox/graph/control.js';
import { createGraphHandlers } from '../../../src/sandbox/graph/handlers.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { errorCode, graph } from './graph-client.js';

function setup() {
  const mailbox = setupGraphServer();
  return {
    mailbox,
    reset(clock?: SimulatedClock) {
      const store = new MailboxStore(clock ? { clock } : {});
      const control = new GraphEmulatorControl(clock ? { clock } : {});
      mailbox.server.resetHandlers(...createGraphHandlers(store, control));
      return { store, control };
    },
  };
}

const { mailbox, reset } = setup();
let control: GraphEmulatorControl;
beforeAll(() => mailbox.listen());
beforeEach(() => {
  ({ control } = reset());
});
afterAll(() => mailbox.close());

describe('injected faults', () => {
  it('answers 429 with Retry-After for the configured share of requests and counts them', async () => {
    control.setFaults({ throttleRate: 1, retryAfterSeconds: 1.5 });
    const r = await graph('GET', '/me/contactFolders');
    expect([r.status, errorCode(r)]).toEqual([429, 'TooManyRequests']);
    expect(r.headers.get('retry-after')).toBe('1.5');
    control.clearFaults();
    expect((await graph('GET', '/me/contactFolders')).status).toBe(200);
    expect(control.counters).toMatchObject({
      total: 2,
      throttled: 1,
      byEndpoint: { 'GET /me/contactFolders': 2 },
    });
  });

  it('answers 503 ServiceUnavailable and one-shot failures for matching requests', async () => {
    control.setFaults({ serviceUnavailableRate: 1 });
    const r = await graph('GET', '/me/calendars');
    expect([r.status, errorCode(r)]).toEqual([503, 'ServiceUnavailable']);
    control.clearFaults();
    control.failNext({ status: 503, pathIncludes: '/todo/lists', count: 2 });
    expect((await graph('GET', '/me/calendars')).status).toBe(200);
    expect((await graph('GET', '/me/todo/lists')).status).toBe(503);
    expect((await graph('GET', '/me/todo/lists')).status).toBe(503);
    expect((await graph('GET', '/me/todo/lists')).status).toBe(200);
    expect(control.counters.serviceUnavailable).toBe(3);
  });

  it('rejects requests beyond 4 in flight with 429 ApplicationThrottled', async () => {
    // A clock whose sleeps end only when the test says so keeps the admitted requests in flight.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store = new MailboxStore();
    control = new GraphEmulatorControl({
      clock: { now: () => Date.now(), sleep: () => gate, simulated: false },
    });
    mailbox.server.resetHandlers(...createGraphHandlers(store, control));
    control.setFaults({ latencyMs: 1 });
    const pending = Array.from({ length: 6 }, () => graph('GET', '/me/contactFolders'));
    await vi.waitFor(() => expect(control.counters.total).toBe(6));
    expect(control.requestsInFlight).toBe(4);
    release();
    const statuses = (await Promise.all(pending)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(errorCode((await Promise.all(pending)).find((r) => r.status === 429)!)).toBe(
      'ApplicationThrottled',
    );
    expect(control.counters).toMatchObject({ maxInFlight: 4, concurrencyRejections: 2 });
  });
});

describe('request budget and simulated time', () => {
  it('throttles beyond the budget until the window has passed (simulated clock)', async () => {
    const clock = createSimulatedClock();
    ({ control } = reset(clock));
    control.setLimits({ requestBudget: { requests: 5, windowMs: 600_000 } });
    for (let i = 0; i < 5; i++) expect((await graph('GET', '/me')).status).toBe(200);
    const over = await graph('GET', '/me');
    expect([over.status, errorCode(over)]).toEqual([429, 'ApplicationThrottled']);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBe(600);
    clock.advance(retryAfter * 1000);
    expect((await graph('GET', '/me')).status).toBe(200);
    expect(control.counters.budgetRejections).toBe(1);
  });

  it('adds latency on the simulated clock: sequential requests add up, parallel ones overlap', async () => {
    const clock = createSimulatedClock();
    ({ control } = reset(clock));
    control.setFaults({ latencyMs: 50 });
    const t0 = clock.now();
    for (let i = 0; i < 3; i++) await graph('GET', '/me');
    expect(clock.now() - t0).toBe(150);
    const t1 = clock.now();
    await Promise.all([graph('GET', '/me'), graph('GET', '/me'), graph('GET', '/me')]);
    expect(clock.now() - t1).toBe(50);
  });

  it("charges a $batch one round trip plus its items' server time (chained items in sequence)", async () => {
    const clock = createSimulatedClock();
    ({ control } = reset(clock));
    control.setFaults({ latencyMs: 50, batchItemLatencyMs: 10 });
    const requests = Array.from({ length: 5 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/me',
      ...(i > 0 ? { dependsOn: [String(i - 1)] } : {}),
    }));
    const t0 = clock.now();
    expect((await graph('POST', '/$batch', { requests })).status).toBe(200);
    expect(clock.now() - t0).toBe(50 + 5 * 10);
  });
});
