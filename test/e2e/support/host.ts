/** The add-in's own host (static files + same-origin SyncML proxy) on a free loopback port, as the e2e files use it. */
import { startHostServer, type RunningHost } from '../../../src/server/host/host-server.js';

export function startTestHost(crmSyncUrl: string, distDir: string): Promise<RunningHost> {
  return startHostServer({
    crmSyncUrl: new URL(crmSyncUrl),
    host: '127.0.0.1',
    port: 0,
    tls: undefined,
    allowedOrigins: [],
    distDir,
    maxBytes: 2 * 1024 * 1024,
    timeoutMs: 60_000,
  });
}
