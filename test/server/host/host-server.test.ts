import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCrmServer } from '../../../src/server/crm/http/crm-server.js';
import { hostConfigFromEnv, HostConfigError, type HostConfig } from '../../../src/server/host/config.js';
import { startHostServer } from '../../../src/server/host/host-server.js';
import { ScriptedClient, alert } from '../crm/scripted-client.js';
import { syncOnce } from '../crm/sync-once.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fakeUpstream(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/sync`;
}

async function setup(crmSyncUrl: string | undefined, overrides: Partial<HostConfig> = {}) {
  const distDir = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>task pane</title>');
  cleanups.push(() => rmSync(distDir, { recursive: true, force: true }));
  const config: HostConfig = {
    ...hostConfigFromEnv({
      ...(crmSyncUrl ? { CRM_SYNCML_URL: crmSyncUrl } : {}),
      HOST: '127.0.0.1',
      PORT: '0',
      DIST_DIR: distDir,
    }),
    ...overrides,
  };
  const host = await startHostServer(config);
  cleanups.push(() => host.close());
  return host;
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/vnd.syncml+xml', ...headers }, body });

describe('add-in host: SyncML proxy', () => {
  it('forwards a whole session to the configured CRM and rewrites the RespURI to come back through the proxy', async () => {
    const crm = await startCrmServer({ port: 0 });
    cleanups.push(() => crm.close());
    const host = await setup(crm.syncUrl);
    const client = new ScriptedClient(`${host.url}/syncml-proxy`);
    client.newSession();
    const first = await client.send([alert(201, 'todo', 'T1')]);
    expect(first.msg!.header.respUri).toMatch(
      new RegExp(`^${host.url}/syncml-proxy/syncml\\?sessionid=\\w+$`),
    );
    const r = await syncOnce(client, { datastore: 'todo', code: 201, next: 'T1' });
    expect(r.received).toHaveLength(crm.store.listRecords('todo').length);
  });

  it('refuses a reply whose RespURI points to another host, and does not follow redirects', async () => {
    const evil = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.syncml+xml' });
      res.end('<SyncML><SyncHdr><RespURI>http://evil.example/steal?sessionid=1</RespURI></SyncHdr></SyncML>');
    });
    const hostA = await setup(evil);
    const refused = await post(`${hostA.url}/syncml-proxy`, '<SyncML/>');
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RESPURI_NOT_ALLOWED');
    const redirecting = await fakeUpstream((_req, res) => {
      res.writeHead(302, { location: 'http://evil.example/' });
      res.end();
    });
    const hostB = await setup(redirecting);
    const r = await post(`${hostB.url}/syncml-proxy`, '<SyncML/>');
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('UPSTREAM_REDIRECT');
  });

  it('keeps every proxy path on the configured origin', async () => {
    const seen: string[] = [];
    const upstream = await fakeUpstream((req, res) => {
      seen.push(`${req.headers.host}${req.url}`);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    const host = await setup(upstream);
    await post(`${host.url}/syncml-proxy//evil.example/x?sessionid=7`, '<SyncML/>');
    await post(`${host.url}/syncml-proxy/http://evil.example/`, '<SyncML/>');
    const origin = new URL(upstream).host;
    expect(seen).toHaveLength(2);
    for (const s of seen) expect(s.startsWith(`${origin}/`)).toBe(true);
  });

  it('enforces content type, method, browser origin, size and time limits', async () => {
    const silent = await fakeUpstream(() => undefined);
    const host = await setup(silent, { maxBytes: 1000, timeoutMs: 300 });
    const code = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;
    expect(await code(await post(`${host.url}/syncml-proxy`, '<x/>', { 'content-type': 'text/xml' }))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect((await fetch(`${host.url}/syncml-proxy`)).status).toBe(405);
    expect(
      await code(await post(`${host.url}/syncml-proxy`, '<x/>', { origin: 'https://other.example' })),
    ).toBe('ORIGIN_NOT_ALLOWED');
    const big = await post(`${host.url}/syncml-proxy`, 'x'.repeat(5000));
    expect(big.status).toBe(413);
    const slow = await post(`${host.url}/syncml-proxy`, '<SyncML/>');
    expect(slow.status).toBe(504);
  });

  it('answers 503 when no CRM is configured', async () => {
    const host = await setup(undefined);
    expect((await post(`${host.url}/syncml-proxy`, '<SyncML/>')).status).toBe(503);
  });
});

describe('add-in host: HTTPS', () => {
  it('serves over HTTPS with the configured certificate files', async () => {
    const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
    const host = await setup(undefined, {
      tls: {
        certFile: join(fixtures, 'test-only-localhost.pem'),
        keyFile: join(fixtures, 'test-only-localhost.key'),
      },
    });
    expect(host.url).toMatch(/^https:/);
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpsGet(
        `${host.url}/`,
        { ca: readFileSync(join(fixtures, 'test-only-localhost.pem')) },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
    });
    expect(body).toContain('task pane');
  });
});

describe('add-in host: static files and configuration', () => {
  it('serves the build and refuses paths outside it', async () => {
    const host = await setup(undefined);
    expect(await (await fetch(`${host.url}/`)).text()).toContain('task pane');
    expect((await fetch(`${host.url}/missing.js`)).status).toBe(404);
    expect([400, 404]).toContain((await fetch(`${host.url}/..%2f..%2fetc%2fpasswd`)).status);
  });

  it('rejects half a TLS configuration and a bad CRM URL with typed errors', () => {
    const codeOf = (env: Record<string, string>) => {
      try {
        hostConfigFromEnv(env);
        return undefined;
      } catch (e) {
        return e instanceof HostConfigError ? e.code : 'OTHER';
      }
    };
    expect(codeOf({ TLS_CERT_FILE: '/x.pem' })).toBe('TLS_HALF_CONFIGURED');
    expect(codeOf({ CRM_SYNCML_URL: 'not a url' })).toBe('BAD_CRM_URL');
    expect(codeOf({ CRM_SYNCML_URL: 'ftp://crm.example/sync' })).toBe('BAD_CRM_URL');
    expect(codeOf({ ALLOWED_ORIGINS: 'https://ok.example, nope' })).toBe('BAD_ORIGIN');
    expect(
      codeOf({ CRM_SYNCML_URL: 'https://crm.example/sync', TLS_CERT_FILE: 'c', TLS_KEY_FILE: 'k' }),
    ).toBeUndefined();
  });
});
