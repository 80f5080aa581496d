/**
 * Which broken sessions force the next run into a slow sync (decision record 0102): only those that may have
 * delivered our changes. A session that broke before packing them (server unreachable, the reply to the first
 * message lost) left nothing on the server, and a slow sync would only put the user's edits at risk.
 */
import { describe, expect, it } from 'vitest';
import { runSync, type RunSession } from '../../../src/app/sync/index.js';
import { SyncMLError, type SyncProgress } from '../../../src/core/syncml/index.js';
import { createWorld } from './harness.js';

/** A session that reports `phase`, then loses the connection. */
const brokenIn =
  (phase: SyncProgress['phase']): RunSession =>
  async ({ onProgress }) => {
    onProgress?.({ phase, messages: 1, stores: [] });
    throw new SyncMLError('UNREACHABLE', 'connection cut by the test');
  };

async function setup() {
  const w = createWorld();
  w.crmCreate('Anna');
  await runSync(w.ports, w.request);
  w.outlook.userCreate(w.folder, w.person('Emil')); // an Add for the next session
  return w;
}

describe('a session broken before our changes left', () => {
  it('needs no slow sync: the next run is two-way and converges', async () => {
    const w = await setup();
    const broken = await runSync({ ...w.ports, runSession: brokenIn('init') }, w.request);
    expect(broken.outcome).toBe('failed');
    expect((await w.stateStore.load(w.folder))?.checkpoint.needsSlowSync).toBeUndefined();
    const next = await runSync(w.ports, w.request);
    expect(next.folders[0]?.sessionMode).toBe('two-way');
    expect(w.crmNames()).toEqual(['Anna Test', 'Emil Test']);
  });

  it('still forces a slow sync once our changes were packed', async () => {
    const w = await setup();
    await runSync({ ...w.ports, runSession: brokenIn('client-changes') }, w.request);
    expect((await w.stateStore.load(w.folder))?.checkpoint.needsSlowSync).toBe(true);
  });
});
