/**
 * The same-origin SyncML proxy (DESIGN.md §6: SyncML servers send no CORS headers). It forwards
 * `POST /syncml-proxy` to the ONE configured CRM endpoint and `POST /syncml-proxy/<path>?<query>`
 * to `<path>?<query>` on that endpoint's origin (where RespURIs lead). It is no open proxy: the
 * target origin is fixed by configuration, redirects are not followed, a RespURI that points to
 * any other origin is refused, and the CRM's RespURI is rewritten to come back through here.
 * Limits: SyncML content types only, size (both ways) and time.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from '../crm/http/http-util.js';
import type { HostConfig } from './config.js';

export const PROXY_PATH = '/syncml-proxy';
const SYNCML_TYPES = new Set(['application/vnd.syncml+xml', 'application/vnd.syncml+wbxml']);

export type ProxyErrorCode =
  | 'NOT_CONFIGURED'
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_LARGE'
  | 'ORIGIN_NOT_ALLOWED'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNREACHABLE'
  | 'UPSTREAM_REDIRECT'
  | 'UPSTREAM_TOO_LARGE'
  | 'RESPURI_NOT_ALLOWED';

function fail(
  res: ServerResponse,
  status: number,
  code: ProxyErrorCode,
  details: Record<string, string | number> = {},
): void {
  sendJson(res, status, { error: { code, details } });
}

/** The CRM URL a proxy path stands for; undefined when it isn't a proxy path. */
export function upstreamFor(config: HostConfig, requestUrl: URL): URL | undefined {
  const crm = config.crmSyncUrl;
  if (crm === undefined) return undefined;
  if (requestUrl.pathname === PROXY_PATH) return new URL(crm);
  if (!requestUrl.pathname.startsWith(`${PROXY_PATH}/`)) return undefined;
  const target = new URL(crm.origin);
  target.pathname = requestUrl.pathname.slice(PROXY_PATH.length);
  target.search = requestUrl.search;
  return target;
}

/** The RespURI as the browser must see it (through the proxy), or undefined for a foreign origin. */
export function rewriteRespUri(
  config: HostConfig,
  respUri: string,
  publicOrigin: string,
): string | undefined {
  let url: URL;
  try {
    url = new URL(respUri, config.crmSyncUrl);
  } catch {
    return undefined;
  }
  if (config.crmSyncUrl === undefined || url.origin !== config.crmSyncUrl.origin) return undefined;
  return `${publicOrigin}${PROXY_PATH}${url.pathname}${url.search}`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function isAllowedOrigin(config: HostConfig, req: IncomingMessage, publicOrigin: string): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === publicOrigin || config.allowedOrigins.includes(origin);
}

async function readUpstreamBody(response: Response, limit: number): Promise<Buffer | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) return undefined;
  const body = Buffer.from(await response.arrayBuffer());
  return body.length > limit ? undefined : body;
}

export async function handleSyncmlProxy(
  config: HostConfig,
  req: IncomingMessage,
  res: ServerResponse,
  requestUrl: URL,
  publicOrigin: string,
): Promise<void> {
  const target = upstreamFor(config, requestUrl);
  if (target === undefined) return fail(res, 503, 'NOT_CONFIGURED');
  if (req.method !== 'POST') return fail(res, 405, 'METHOD_NOT_ALLOWED');
  if (!isAllowedOrigin(config, req, publicOrigin))
    return fail(res, 403, 'ORIGIN_NOT_ALLOWED', { origin: req.headers.origin ?? '' });
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!SYNCML_TYPES.has(type)) return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', { contentType: type });
  let body: Buffer;
  try {
    body = await readBody(req, config.maxBytes);
  } catch (e) {
    if (e instanceof BodyTooLargeError) {
      res.setHeader('connection', 'close');
      return fail(res, 413, 'TOO_LARGE', { limit: config.maxBytes });
    }
    throw e;
  }
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': req.headers['content-type']!,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      },
      body: new Uint8Array(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    return fail(res, timedOut ? 504 : 502, timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNREACHABLE');
  }
  if (upstream.status >= 300 && upstream.status < 400)
    return fail(res, 502, 'UPSTREAM_REDIRECT', { status: upstream.status });
  const reply = await readUpstreamBody(upstream, config.maxBytes);
  if (reply === undefined) return fail(res, 502, 'UPSTREAM_TOO_LARGE', { limit: config.maxBytes });
  const replyType = upstream.headers.get('content-type') ?? 'application/octet-stream';
  let out: Buffer = reply;
  if (replyType.toLowerCase().startsWith('application/vnd.syncml+xml')) {
    let refused = false;
    const text = reply.toString('utf8').replace(/<RespURI>([^<]*)<\/RespURI>/g, (_m, uri: string) => {
      const rewritten = rewriteRespUri(config, unescapeXml(uri.trim()), publicOrigin);
      if (rewritten === undefined) refused = true;
      return `<RespURI>${escapeXml(rewritten ?? '')}</RespURI>`;
    });
    if (refused) return fail(res, 502, 'RESPURI_NOT_ALLOWED');
    out = Buffer.from(text, 'utf8');
  }
  res.writeHead(upstream.status, { 'content-type': replyType, 'cache-control': 'no-store' });
  res.end(out);
}
