/**
 * Starts SyncEvolution's SyncML server once for the interop project (installing the Debian
 * packages when missing, as root, like CI) on a temp DATA_DIR and a free port; stops exactly
 * that server afterwards. Scenarios get it through servers.ts (inject('syncevolution')).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { INTEROP_DEVICE_IDS, type SyncEvolutionInfo } from './support/syncevolution-info.js';

const PEER_DIR = fileURLToPath(new URL('../../../shared/syncml-peer/', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [join(PEER_DIR, script), ...args],
      { env, maxBuffer: 4 * 1024 * 1024, timeout: 900_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${script} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'syncml-interop-'));
  const port = await freePort();
  const env = {
    ...process.env,
    SYNCML_PORT: String(port),
    SYNCML_DEVICE_IDS: INTEROP_DEVICE_IDS.join(' '),
    SYNCML_SESSION_TIMEOUT: '15',
  };
  await run('start-syncml-server.sh', [dataDir], env);
  const info: SyncEvolutionInfo = {
    url: `http://127.0.0.1:${port}/syncevolution`,
    user: 'test',
    password: 'test',
    deviceIds: [...INTEROP_DEVICE_IDS],
    dataDir,
  };
  project.provide('syncevolution', info);
  return async () => {
    await run('stop-syncml-server.sh', [dataDir], env);
  };
}
