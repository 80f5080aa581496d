import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Semaphore, TokenBucket } from '../../../src/adapters/graph/pacing.js';
import { fakeClock } from './fake-clock.js';

describe('TokenBucket', () => {
  it('never lets more than the limit through in any window (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 21, max: 200 }),
        fc.array(fc.integer({ min: 1, max: 21 }), { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat({ max: 5_000 }), { minLength: 1, maxLength: 120 }),
        async (burstPart, costs, gaps) => {
          const limit = { requests: 300, windowMs: 60_000, burst: Math.min(burstPart, 150) };
          const clock = fakeClock();
          const bucket = new TokenBucket(limit, clock);
          const granted: Array<{ at: number; cost: number }> = [];
          for (const [i, cost] of costs.entries()) {
            await clock.sleep(gaps[i % gaps.length] ?? 0);
            await bucket.take(cost);
            granted.push({ at: clock.now(), cost });
          }
          for (const start of granted) {
            const inWindow = granted
              .filter((g) => g.at >= start.at && g.at < start.at + limit.windowMs)
              .reduce((sum, g) => sum + g.cost, 0);
            expect(inWindow).toBeLessThanOrEqual(limit.requests);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lets a take larger than the burst through once full, then makes the next wait the debt off', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ requests: 20, windowMs: 1000, burst: 10 }, clock);
    await bucket.take(15);
    expect(clock.now()).toBe(0);
    await bucket.take(1); // 10 − 15 = −5 tokens: wait for 6 at 10 per second
    expect(clock.now()).toBe(600);
  });

  it('rejects with ABORTED when the signal fires while waiting', async () => {
    const bucket = new TokenBucket({ requests: 10, windowMs: 1000, burst: 1 }, fakeClock());
    await bucket.take(1);
    const controller = new AbortController();
    controller.abort();
    await expect(bucket.take(1, controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('Semaphore', () => {
  it('never grants more permits than it has, and serves waiters in order', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const release = await semaphore.acquire();
        order.push(i);
        running++;
        peak = Math.max(peak, running);
        await Promise.resolve();
        running--;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(semaphore.inUse).toBe(0);
  });
});
