/**
 * A SyncEvolution server of the fault suite's own, one per test file, started and stopped with the shared
 * scripts like global-setup.ts does. Why not the project's shared instance: its HTTP front end leaks one D-Bus
 * match rule per session and refuses new sessions (HTTP 500) after dbus-daemon's 512 per connection; the fault
 * suite's many short sessions pushed the whole interop project past that (decision record 0100).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InteropServer, ServerHandle } from '../../servers.js';
import { fileItemStore } from '../../support/file-item-store.js';
import { INTEROP_DEVICE_IDS } from '../../support/syncevolution-info.js';

const PEER_DIR = fileURLToPath(new URL('../../../../../shared/syncml-peer/', import.meta.url));

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

function runScript(script: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [join(PEER_DIR, script), dataDir],
      { env, maxBuffer: 4 * 1024 * 1024, timeout: 900_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${script} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

/** The server configures a peer per id (slow): only the fault suite's block (indices 61–80). */
const FAULT_DEVICE_IDS = INTEROP_DEVICE_IDS.slice(61);

export const OWN_SYNCEVOLUTION: InteropServer = {
  name: 'SyncEvolution',
  async start(): Promise<ServerHandle> {
    const dataDir = mkdtempSync(join(tmpdir(), 'syncml-faults-'));
    const port = await freePort();
    const env = {
      ...process.env,
      SYNCML_PORT: String(port),
      SYNCML_DEVICE_IDS: FAULT_DEVICE_IDS.join(' '),
      SYNCML_SESSION_TIMEOUT: '15',
    };
    await runScript('start-syncml-server.sh', dataDir, env);
    return {
      url: `http://127.0.0.1:${port}/syncevolution`,
      user: 'test',
      password: 'test',
      deviceIds: INTEROP_DEVICE_IDS,
      dataDir,
      remoteUris: { contacts: 'addressbook', events: 'calendar', tasks: 'todo' },
      items: fileItemStore(`${dataDir}/data`),
      stop: () => runScript('stop-syncml-server.sh', dataDir, env),
    };
  },
};
