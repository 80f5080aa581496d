/**
 * Time for the emulator. The real clock sleeps; the simulated clock advances virtual time so that
 * benchmarks can measure how long a run *would* take against Graph's limits without waiting for it.
 *
 * Simulated sleeps overlap like real ones do: a sleep started at virtual time t for d ms ends at
 * t + d, and the clock shows the latest end reached so far. Concurrent requests that each sleep
 * 50 ms from the same start therefore cost 50 ms, sequential ones 50 ms each.
 */
export interface SandboxClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  readonly simulated: boolean;
}

const abortReason = (signal: AbortSignal) =>
  signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

export const realClock: SandboxClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  simulated: false,
};

export interface SimulatedClock extends SandboxClock {
  /** Moves virtual time forward (e.g. a client waiting out a Retry-After). */
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function createSimulatedClock(startMs = Date.parse('2026-01-15T09:00:00Z')): SimulatedClock {
  let time = startMs;
  return {
    simulated: true,
    now: () => time,
    advance(ms) {
      time += Math.max(0, ms);
    },
    set(epochMs) {
      time = epochMs;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortReason(signal);
      const end = time + Math.max(0, ms);
      // Yield to the event loop so concurrent work interleaves as it would in real time.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) throw abortReason(signal);
      time = Math.max(time, end);
    },
  };
}
