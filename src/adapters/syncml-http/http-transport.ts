/**
 * The one HTTP chokepoint to a SyncML server (CONVENTIONS.md rule 8): POST with the SyncML media
 * type, a timeout per request through AbortSignal, the caller's cancel signal, and one resend of
 * the identical message (same MsgID) when the request got no answer at all — SyncEvolution's
 * HTTP server recognises such resends (../shared/reference/syncml.md §6.3). An answer of any
 * kind (HTML, HTTP 500) is returned as is; the core classifies it. Works in Node and in the
 * browser; there the base URL is the same-origin proxy path (e.g. `/syncml-proxy`), since
 * SyncML servers send no CORS headers.
 */
import {
  SyncMLError,
  type CancelSignal,
  type SyncMLTransport,
  type TransportReply,
} from '../../core/syncml/index.js';

export const SYNCML_REQUEST_CONTENT_TYPE = 'application/vnd.syncml+xml; charset=UTF-8';

export interface HttpTransportOptions {
  /** Injectable fetch (tests, proxies); defaults to the global one. */
  readonly fetch?: typeof fetch;
  /** Per request; a big slow sync's package 4 can take a while on the server (§6.6). */
  readonly timeoutMs?: number;
  /** Resends of a message that got no answer (network error or timeout). */
  readonly resends?: number;
  /**
   * Maps the SyncML URL (server URL or RespURI) to the URL actually fetched, e.g. through a
   * same-origin proxy: `(url) => '/syncml-proxy?target=' + encodeURIComponent(url)`.
   */
  readonly rewriteUrl?: (url: string) => string;
  readonly headers?: Readonly<Record<string, string>>;
}

export function createHttpTransport(options: HttpTransportOptions = {}): SyncMLTransport {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const resends = options.resends ?? 1;
  return {
    async send(body: string, url: string, signal?: CancelSignal): Promise<TransportReply> {
      const target = options.rewriteUrl ? options.rewriteUrl(url) : url;
      for (let attempt = 0; ; attempt++) {
        try {
          return await postOnce(
            fetchFn,
            target,
            body,
            timeoutMs,
            signal as AbortSignal | undefined,
            options.headers,
          );
        } catch (e) {
          const error = toTransportError(e, target, signal);
          if (error.code === 'CANCELLED' || attempt >= resends) throw error;
        }
      }
    },
  };
}

async function postOnce(
  fetchFn: typeof fetch,
  url: string,
  body: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  headers: Readonly<Record<string, string>> | undefined,
): Promise<TransportReply> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? anySignal([signal, timeout]) : timeout;
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'Content-Type': SYNCML_REQUEST_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
    body,
    signal: combined,
  });
  // Bytes, not text: a server may cut a large object inside a UTF-8 character (the core joins chunks first).
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    body: new TextDecoder('utf-8').decode(bytes),
    bytes,
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
  };
}

function toTransportError(e: unknown, url: string, signal: CancelSignal | undefined): SyncMLError {
  if (e instanceof SyncMLError) return e;
  if (signal?.aborted) return new SyncMLError('CANCELLED', 'the sync was cancelled', { url });
  const name = e instanceof Error ? e.name : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return new SyncMLError('TIMEOUT', `no answer from ${url} in time`, { url });
  return new SyncMLError(
    'UNREACHABLE',
    `cannot reach ${url}: ${e instanceof Error ? e.message : String(e)}`,
    { url },
  );
}

/** AbortSignal.any where the webview has it (older Safari does not). */
function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([...signals]);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}
