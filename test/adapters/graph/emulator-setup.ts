/** Shared setup for the Graph store tests on the emulator: a client with simulated sleeps, a fresh folder. */
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { createFolder, type FolderKind } from '../../../src/adapters/graph/folders.js';
import type { GraphServer } from '../../../src/sandbox/graph/node.js';
import type { OutlookItemId } from '../../../src/core/model/index.js';
import type { WriteResult } from '../../../src/core/sync/outlook-store.js';
import { fakeClock } from './fake-clock.js';

let serial = 0;

export async function emulatorFolder(graph: GraphServer, kind: FolderKind) {
  graph.control.clearFaults();
  graph.control.resetCounters();
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    clock: fakeClock(),
    maxRetries: 10,
  });
  const folder = await createFolder(client, kind, `Test ${kind} ${++serial}`);
  client.stats.httpRequests = 0;
  client.stats.graphRequests = 0;
  return { client, folder: folder.id };
}

/** The id a successful write gave, or a test failure naming the error. */
export function idOf(result: WriteResult | undefined): OutlookItemId {
  if (!result?.ok) throw new Error(`write failed: ${result ? result.error.code : 'no result'}`);
  return result.id;
}
