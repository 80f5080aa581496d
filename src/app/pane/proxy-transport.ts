/**
 * The pane reaches the CRM only through the same-origin proxy, so "the CRM is unreachable" arrives as the
 * proxy's own answer (502/504, JSON or a dev-server text page) rather than as a network error. This wrapper
 * turns those answers into UNREACHABLE/TIMEOUT, so "Check connection" and a failed run say what happened.
 */
import { SyncMLError, type SyncMLTransport } from '../../core/syncml/index.js';

const UPSTREAM_DOWN = new Set([502, 504]);

export function proxyAwareTransport(inner: SyncMLTransport): SyncMLTransport {
  return {
    async send(body, url, signal) {
      const reply = await inner.send(body, url, signal);
      if (!UPSTREAM_DOWN.has(reply.status) || /vnd\.syncml/i.test(reply.contentType)) return reply;
      const code = proxyErrorCode(reply.body);
      if (code === 'UPSTREAM_TIMEOUT' || (code === undefined && reply.status === 504)) {
        throw new SyncMLError('TIMEOUT', 'the CRM did not answer the proxy in time', {
          httpStatus: reply.status,
        });
      }
      if (code === undefined || code === 'UPSTREAM_UNREACHABLE') {
        throw new SyncMLError('UNREACHABLE', 'the proxy cannot reach the CRM', { httpStatus: reply.status });
      }
      return reply;
    },
  };
}

function proxyErrorCode(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
}
