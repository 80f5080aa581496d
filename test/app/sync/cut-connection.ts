/**
 * A connection that breaks at one SyncML message, made on the client side so it works against any server.
 * Two ways a cut can fall: `reply` delivers message N and loses the server's answer (the server acted on it);
 * `request` loses message N on its way (a proxy that dropped it): the server never sees what it carried, while
 * the client has already packed it (decision record 0102). Also the runs that follow a cut.
 */
import { expect } from 'vitest';
import type { RunResult } from '../../../src/core/sync/index.js';
import { SyncMLError, type SyncMLTransport } from '../../../src/core/syncml/index.js';

export type CutKind = 'reply' | 'request';

export function cutConnection(
  inner: SyncMLTransport,
  at: number,
  lose: CutKind,
): SyncMLTransport & { readonly sent: () => number } {
  let sent = 0;
  const cut = () => new SyncMLError('UNREACHABLE', 'connection cut by the test', { at, lose });
  return {
    sent: () => sent,
    async send(body, url, signal) {
      sent += 1;
      if (sent === at && lose === 'request') throw cut();
      const reply = await inner.send(body, url, signal);
      if (sent === at) throw cut();
      return reply;
    },
  };
}

/**
 * The runs after a cut: until a two-way run has nothing more to send (at most `max`), each completing; then one
 * more run must change nothing on either side.
 */
export async function syncUntilQuiet(sync: () => Promise<RunResult>, max = 3): Promise<void> {
  for (let run = 0; run < max; run++) {
    const result = await sync();
    expect(result.outcome).toBe('completed');
    const folder = result.folders[0]!;
    if (folder.sessionMode === 'two-way' && folder.toCrm.adds + folder.toCrm.replaces === 0) break;
  }
  const quiet = await sync();
  expect(quiet.folders[0]).toMatchObject({
    sessionMode: 'two-way',
    toOutlook: { creates: 0, updates: 0, deletes: 0 },
    toCrm: { adds: 0, replaces: 0, deletes: 0 },
    failed: 0,
  });
}
