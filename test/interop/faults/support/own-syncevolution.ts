/**
 * A SyncEvolution server of the fault suite's own, one per test file, started and stopped with the shared
 * scripts like global-setup.ts does. Why not the project's shared instance: its HTTP front end leaks one D-Bus
 * match rule per session and refuses new sessions (HTTP 500) after dbus-daemon's 512 per connection; the fault
 * suite's many short sessions pushed the whole interop project past that (decision record 0100).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InteropServer, ServerHandle } from '../../servers.js';
import { fileItemStore } from '../../support/file-item-store.js';
import { INTEROP_DEVICE_IDS } from '../../support/syncevolution-info.js';
import { runPeerScript } from '../../support/syncml-peer.js';
import { freePort } from '../../../support/free-port.js';

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
    await runPeerScript('start-syncml-server.sh', [dataDir], env);
    return {
      url: `http://127.0.0.1:${port}/syncevolution`,
      user: 'test',
      password: 'test',
      deviceIds: INTEROP_DEVICE_IDS,
      dataDir,
      remoteUris: { contacts: 'addressbook', events: 'calendar', tasks: 'todo' },
      items: fileItemStore(`${dataDir}/data`),
      stop: async () => void (await runPeerScript('stop-syncml-server.sh', [dataDir], env)),
    };
  },
};
