/**
 * Pacing for one mailbox: a semaphore for Outlook's 4-concurrent-requests limit and a token bucket
 * that keeps a run under 10,000 requests per 10 minutes. Both run on an injectable clock so tests
 * and benches can simulate time.
 */
import { GraphError } from './errors.js';

export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with GraphError ABORTED when the signal fires first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function abortError(signal?: AbortSignal): GraphError {
  return new GraphError('ABORTED', 'the request was cancelled', {}, { cause: signal?.reason });
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

/** FIFO counting semaphore. */
export class Semaphore {
  private available: number;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly permits: number) {
    this.available = permits;
  }

  get inUse(): number {
    return this.permits - this.available;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    throwIfAborted(signal);
    if (this.available > 0) {
      this.available--;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = this.waiters.indexOf(grant);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(abortError(signal));
      };
      this.waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next)
        next(); // hand the permit over directly
      else this.available++;
    };
  }
}

export interface RateLimit {
  /** Requests allowed in any window of `windowMs` (Graph: 10,000 per 600,000 ms per app and mailbox). */
  readonly requests: number;
  readonly windowMs: number;
  /** Tokens available at once. The refill rate is (requests − burst) / window, so burst + refill over
   *  any window never exceeds `requests`: a long run settles at the limit's own pace. */
  readonly burst: number;
}

/**
 * Graph's Outlook budget is 10,000 per 10 minutes; we pace to 9,500 so that network latency, which
 * shifts when Graph sees a request, can't push a window over the limit.
 */
export const GRAPH_OUTLOOK_RATE_LIMIT: RateLimit = { requests: 9_500, windowMs: 600_000, burst: 1_000 };

/** Token bucket: `take(n)` waits until n tokens are there. Callers are served in order. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly perMs: number;
  private queue: Promise<void> = Promise.resolve();
  /** Total time callers waited for tokens (for benches). */
  waitedMs = 0;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {
    this.tokens = limit.burst;
    this.last = clock.now();
    this.perMs = (limit.requests - limit.burst) / limit.windowMs;
  }

  /** Waits for n tokens. A take larger than the burst waits for a full bucket and leaves a debt. */
  take(n: number, signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.takeNow(n, signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(n: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      throwIfAborted(signal);
      this.refill();
      const needed = Math.min(n, this.limit.burst);
      if (this.tokens >= needed) {
        this.tokens -= n; // may go below zero: the next callers wait the debt off
        return;
      }
      const waitMs = Math.ceil((needed - this.tokens) / this.perMs);
      this.waitedMs += waitMs;
      await this.clock.sleep(waitMs, signal);
    }
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
  }
}
