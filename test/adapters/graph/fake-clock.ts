import { abortError, type Clock } from '../../../src/adapters/graph/pacing.js';

/** Simulated time: sleeping advances the clock at once and is recorded. */
export function fakeClock(): Clock & { readonly sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw abortError(signal);
      sleeps.push(ms);
      now += ms;
    },
  };
}
