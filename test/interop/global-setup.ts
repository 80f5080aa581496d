/**
 * Starts SyncEvolution's SyncML server once for the interop project (installing the Debian
 * packages when missing, as root, like CI) on a temp DATA_DIR and a free port; stops exactly
 * that server afterwards. Scenarios get it through servers.ts (inject('syncevolution')).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../support/free-port.js';
import { runPeerScript } from './support/syncml-peer.js';
import { INTEROP_DEVICE_IDS, type SyncEvolutionInfo } from './support/syncevolution-info.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'syncml-interop-'));
  const port = await freePort();
  const env = {
    ...process.env,
    SYNCML_PORT: String(port),
    SYNCML_DEVICE_IDS: INTEROP_DEVICE_IDS.join(' '),
    SYNCML_SESSION_TIMEOUT: '15',
  };
  await runPeerScript('start-syncml-server.sh', [dataDir], env);
  const info: SyncEvolutionInfo = {
    url: `http://127.0.0.1:${port}/syncevolution`,
    user: 'test',
    password: 'test',
    deviceIds: [...INTEROP_DEVICE_IDS],
    dataDir,
  };
  project.provide('syncevolution', info);
  return async () => {
    await runPeerScript('stop-syncml-server.sh', [dataDir], env);
  };
}
