import { describe, expect, it } from 'vitest';
import { crmDevProxy } from '../../../src/server/host/dev-proxy.mjs';

describe("the dev server's /syncml-proxy entry", () => {
  it('sends the proxy path and the RespURI path to the CRM endpoint, with the prefix header for RespURIs', () => {
    const entry = crmDevProxy('http://127.0.0.1:9999');
    expect(entry.target).toBe('http://127.0.0.1:9999');
    expect(entry.xfwd).toBe(true);
    expect(entry.headers['X-Forwarded-Prefix']).toBe('/syncml-proxy');
    expect(entry.pathRewrite('/syncml-proxy')).toBe('/syncml');
    expect(entry.pathRewrite('/syncml-proxy/syncml?sessionid=abc')).toBe('/syncml?sessionid=abc');
    expect(entry.pathRewrite('/syncml-proxy?x=1')).toBe('/syncml?x=1');
  });
});
