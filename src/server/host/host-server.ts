/**
 * The add-in's production host: serves the build and the same-origin SyncML proxy, over HTTPS
 * when certificate files are configured.
 */
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { sendText } from '../crm/http/http-util.js';
import type { HostConfig } from './config.js';
import { serveStatic } from './static-files.js';
import { PROXY_PATH, handleSyncmlProxy } from './syncml-proxy.js';

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startHostServer(config: HostConfig): Promise<RunningHost> {
  const scheme = config.tls === undefined ? 'http' : 'https';
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
    const publicOrigin = `${scheme}://${req.headers.host ?? `localhost:${config.port}`}`;
    const work =
      url.pathname === PROXY_PATH || url.pathname.startsWith(`${PROXY_PATH}/`)
        ? handleSyncmlProxy(config, req, res, url, publicOrigin)
        : serveStatic(config.distDir, req, res, url.pathname);
    work.catch((e: unknown) => {
      if (!res.headersSent)
        sendText(res, 500, `internal error: ${e instanceof Error ? e.message : String(e)}`);
      else res.destroy();
    });
  };
  const server: Server =
    config.tls === undefined
      ? createHttpServer(handler)
      : createHttpsServer(
          { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
          handler,
        );
  server.requestTimeout = config.timeoutMs + 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    url: `${scheme}://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
