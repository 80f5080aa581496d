/**
 * The sandbox CRM as a Node HTTP server on loopback: the SyncML endpoint (`POST /syncml`), the
 * CRM page (`/`), its JSON API (`/api/*`) and the fault hooks (`/admin/faults`, loopback only).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FormatConverter } from '../content/convert.js';
import { CrmStore } from '../store/crm-store.js';
import { seedIfFirstStart } from '../store/seed.js';
import type { CrmUsers } from '../syncml/auth.js';
import { SyncEndpoint } from '../syncml/sync-endpoint.js';
import { crmPageHtml } from '../web/page.js';
import { FaultInjector, parseFault, type Fault } from './faults.js';
import {
  BodyTooLargeError,
  isLoopback,
  mediaType,
  readBody,
  sendJson,
  sendText,
  sendTooLarge,
} from './http-util.js';
import { handleRecordsApi } from './records-api.js';

export interface CrmServerOptions {
  /** Data folder (SQLite file inside); omit for an in-memory CRM (tests). */
  readonly dataDir?: string;
  readonly host?: string;
  /** 0 = any free port. Default 8085. */
  readonly port?: number;
  readonly users?: CrmUsers;
  readonly maxMsgSize?: number;
  readonly maxObjSize?: number;
  readonly sessionTimeoutMs?: number;
  /** Seed the demo data on first start (default true). */
  readonly seed?: boolean;
  readonly faults?: readonly Fault[];
  readonly convert?: FormatConverter;
  readonly now?: () => Date;
  /** One line per completed SyncML session. */
  readonly log?: (line: string) => void;
}

export interface RunningCrmServer {
  /** Base URL, e.g. http://127.0.0.1:8085 */
  readonly url: string;
  /** The SyncML endpoint, e.g. http://127.0.0.1:8085/syncml */
  readonly syncUrl: string;
  readonly port: number;
  readonly store: CrmStore;
  readonly endpoint: SyncEndpoint;
  readonly faults: FaultInjector;
  close(): Promise<void>;
}

export const SYNCML_PATH = '/syncml';
export const DEFAULT_CRM_PORT = 8085;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim() || undefined;
};

/**
 * The endpoint URL as the client sees it, for RespURIs. Behind a proxy on this machine (the
 * webpack dev server's `/syncml-proxy`), X-Forwarded-Proto/-Host/-Prefix say where that is, so
 * the RespURI leads back through the proxy; such headers from anywhere else are ignored.
 */
function publicSyncUrl(req: IncomingMessage, url: URL): string {
  const forwardedHost = isLoopback(req) ? header(req, 'x-forwarded-host') : undefined;
  if (forwardedHost === undefined || !/^[\w.:[\]-]+$/.test(forwardedHost))
    return `http://${req.headers.host ?? url.host}${SYNCML_PATH}`;
  const proto = header(req, 'x-forwarded-proto') === 'https' ? 'https' : 'http';
  const prefix = header(req, 'x-forwarded-prefix') ?? '';
  return `${proto}://${forwardedHost}${/^(\/[\w-]+)*$/.test(prefix) ? prefix : ''}${SYNCML_PATH}`;
}

async function handleSyncml(
  endpoint: SyncEndpoint,
  faults: FaultInjector,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'SyncML needs POST', { allow: 'POST' });
  const type = mediaType(req);
  if (type !== 'application/vnd.syncml+xml')
    return sendText(res, 415, `unsupported content type ${type || '(none)'}; use application/vnd.syncml+xml`);
  const httpError = faults.take('http-error');
  if (httpError !== undefined) return sendText(res, httpError.status, 'injected fault');
  let body: Buffer;
  try {
    body = await readBody(req, endpoint.maxMsgSize);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return sendTooLarge(res, e.limit);
    throw e;
  }
  const delay = faults.take('delay');
  if (delay !== undefined) await sleep(delay.ms);
  const sessionId = url.searchParams.get('sessionid');
  endpoint.forceRefresh = sessionId === null && faults.take('refresh-required') !== undefined;
  const reply = endpoint.handle(body.toString('utf8'), publicSyncUrl(req, url), sessionId);
  endpoint.forceRefresh = false;
  const n = reply.session?.messagesIn ?? 0;
  if (faults.take('drop-connection', (f) => f.afterMessage === n) !== undefined) {
    req.socket.destroy();
    return;
  }
  const malformed = faults.take(
    'malformed-reply',
    (f) => f.afterMessage === undefined || f.afterMessage === n,
  );
  const out =
    malformed === undefined
      ? reply.body
      : reply.body.slice(0, Math.floor(reply.body.length / 2)) + '<Status><CmdID>';
  res.writeHead(reply.httpStatus, { 'content-type': reply.contentType, 'cache-control': 'no-store' });
  res.end(out);
}

async function handleAdmin(faults: FaultInjector, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isLoopback(req)) return sendJson(res, 403, { error: { code: 'LOOPBACK_ONLY' } });
  if (req.method === 'GET') return sendJson(res, 200, faults.list());
  if (req.method === 'DELETE') {
    faults.clear();
    return sendJson(res, 200, []);
  }
  if (req.method !== 'POST' || mediaType(req) !== 'application/json')
    return sendJson(res, 400, { error: { code: 'BAD_REQUEST' } });
  let fault: Fault | undefined;
  try {
    fault = parseFault(JSON.parse((await readBody(req, 10_000)).toString('utf8')));
  } catch {
    fault = undefined;
  }
  if (fault === undefined) return sendJson(res, 400, { error: { code: 'INVALID_FAULT' } });
  faults.add(fault);
  sendJson(res, 201, faults.list());
}

export async function startCrmServer(options: CrmServerOptions = {}): Promise<RunningCrmServer> {
  const now = options.now ?? (() => new Date());
  const store = new CrmStore({ ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}), now });
  if (options.seed !== false) seedIfFirstStart(store, now());
  const endpoint = new SyncEndpoint({ store, ...options, now });
  const faults = new FaultInjector(options.faults);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === SYNCML_PATH) return handleSyncml(endpoint, faults, req, res, url);
      if (url.pathname === '/admin/faults') return handleAdmin(faults, req, res);
      if (url.pathname.startsWith('/api/') && (await handleRecordsApi(store, req, res, url, now))) return;
      if (url.pathname === '/' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(crmPageHtml());
        return;
      }
      sendText(res, 404, 'not found');
    };
    route().catch((e: unknown) => {
      if (!res.headersSent)
        sendText(res, 500, `internal error: ${e instanceof Error ? e.message : String(e)}`);
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_CRM_PORT, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  return {
    url,
    syncUrl: `${url}${SYNCML_PATH}`,
    port,
    store,
    endpoint,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}
