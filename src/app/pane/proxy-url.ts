/**
 * Where the SyncML bytes go (docs/decisions/0063): the CRM's URL names the server inside the messages, but the
 * browser posts to the same-origin `/syncml-proxy`, which forwards to the one CRM it is configured for. RespURIs
 * come back rewritten to the proxy already; a RespURI on the CRM's own origin is mapped onto the proxy path.
 */
import { SyncMLError } from '../../core/syncml/index.js';

export const SYNCML_PROXY_PATH = '/syncml-proxy';

export function proxyRewrite(endpoint: string, paneOrigin: string, proxyPath = SYNCML_PROXY_PATH) {
  const crm = new URL(endpoint);
  const proxy = new URL(proxyPath, paneOrigin).href;
  return (url: string): string => {
    if (url === endpoint) return proxy;
    const target = new URL(url, paneOrigin);
    if (target.origin === new URL(paneOrigin).origin) return target.href;
    if (target.origin === crm.origin) return `${proxy}${target.pathname}${target.search}`;
    // Never post anywhere else: the proxy refuses foreign origins, and so do we.
    throw new SyncMLError('BAD_CONFIG', 'RespURI points to a foreign origin', { origin: target.origin });
  };
}
