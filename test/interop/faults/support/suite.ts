/**
 * What every fault test file shares: one Graph emulator per file (msw, unhandled requests are errors), and per
 * server from servers.ts a handle plus a fresh world per test, each with a device id no other test uses
 * (SyncEvolution keeps anchors and maps per device id).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ConflictPolicyName } from '../../../../src/core/sync/index.js';
import { setupGraphServer, type GraphServer } from '../../../../src/sandbox/graph/node.js';
import { SERVERS, type InteropServer, type ServerHandle } from '../../servers.js';
import { OWN_SYNCEVOLUTION } from './own-syncevolution.js';
import { createWorld, type FaultKind, type World } from './world.js';

/** servers.ts's list, with a SyncEvolution server of this file's own (see own-syncevolution.ts). */
export const FAULT_SERVERS: readonly InteropServer[] = SERVERS.map((s) =>
  s.name === OWN_SYNCEVOLUTION.name ? OWN_SYNCEVOLUTION : s,
);

/** Starts the Graph emulator for this file; faults and extra handlers are reset after each test. */
export function useGraphEmulator(): GraphServer {
  const graph = setupGraphServer();
  beforeAll(() => graph.listen());
  afterEach(() => {
    graph.server.resetHandlers();
    graph.control.clearFaults();
  });
  afterAll(() => graph.close());
  return graph;
}

/**
 * Call inside a describe per server. Device ids `firstDevice`, `firstDevice + 1`, … of the server's list go to
 * this file's worlds in order; files must pick ranges that do not overlap (docs/decisions/0100).
 */
export function useFaultServer(graph: GraphServer, server: InteropServer, firstDevice: number) {
  let handle: ServerHandle | undefined;
  let next = firstDevice;
  beforeAll(async () => {
    handle = await server.start();
  });
  afterAll(async () => {
    await handle?.stop();
  });
  return {
    /** A world on an emptied server datastore and a new Outlook folder. */
    async world(kind: FaultKind, policy?: ConflictPolicyName): Promise<World> {
      if (!handle) throw new Error('server not started');
      const deviceId = handle.deviceIds[next++];
      if (!deviceId) throw new Error('out of device ids: add more in ../support/syncevolution-info.ts');
      await handle.items.clear(handle.remoteUris[kind]);
      return createWorld({ graph, server: handle, kind, deviceId, ...(policy ? { policy } : {}) });
    },
  };
}
