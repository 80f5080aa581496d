/**
 * `--graph` with a device-code sign-in: msal-node itself, talking to a stand-in for the identity platform
 * that really listens on 127.0.0.1 (entra-server.ts); Graph is the emulator behind msw in this process (as in
 * real-graph.test.ts), the CRM the sandbox CRM on a loopback port. Runs go through runCli in this process.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, passthrough } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { startCrmServer, type RunningCrmServer } from '../../src/server/crm/http/crm-server.js';
import { setupGraphServer, type GraphServer } from '../../src/sandbox/graph/node.js';
import { startEntraServer, USER_CODE, USERNAME, VERIFICATION_URL, type EntraServer } from './entra-server.js';
import { cli, PASSWORD } from './support.js';

const CLIENT_ID = '3f0c7a52-9b1e-4d8a-8c6f-2e5a7d9b1c40';

let dir: string;
let entra: EntraServer;
let crm: RunningCrmServer;
let graph: GraphServer;
/** The bearer token of every Graph request, in order. */
const graphBearers: string[] = [];
/** When set, the identity platform forgets all refresh tokens as this Graph request starts (1 = the first). */
const revoke = { atGraphRequest: 0 };

function setup() {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-cli-device-code-'));
    entra = await startEntraServer();
    crm = await startCrmServer({ port: 0, seed: false, users: { test: PASSWORD } });
    // The loopback servers (CRM, identity stand-in) are real; only graph.microsoft.com is emulated.
    graph = setupGraphServer({
      extraHandlers: [http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough())],
    });
    graph.server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).host === 'graph.microsoft.com') {
        graphBearers.push((request.headers.get('authorization') ?? '').replace(/^Bearer /, ''));
        if (revoke.atGraphRequest > 0 && --revoke.atGraphRequest === 0) entra.revokeRefreshTokens();
      }
    });
    graph.listen();
  });
  afterAll(async () => {
    graph.close();
    await crm.close();
    await entra.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

interface RunOptions {
  readonly interactive?: boolean;
  readonly env?: Record<string, string>;
  /** Ctrl-C as soon as the device code is shown. */
  readonly cancelAtCode?: boolean;
}

async function run(argv: string[], io: RunOptions = {}) {
  const controller = new AbortController();
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => {
      err.push(t);
      if (io.cancelAtCode && t.includes(USER_CODE)) controller.abort();
    },
    env: { LANG: 'C', CRM_PASSWORD: PASSWORD, ...io.env },
    signal: controller.signal,
    identityFetch: entra.identityFetch,
    ...(io.interactive === undefined ? {} : { interactive: io.interactive }),
  });
  const result = { code, stdout: out.join('\n'), stderr: err.join('\n') };
  // Every run, whatever it tests: no access token, refresh token or CRM password in what it printed.
  for (const secret of [...entra.issued, PASSWORD])
    expect(`${result.stdout}\n${result.stderr}`).not.toContain(secret);
  return result;
}

const graphFlags = (state: string, ...more: string[]) => [
  '--graph',
  '--client-id',
  CLIENT_ID,
  '--state',
  join(dir, state),
  ...more,
];
const crmNames = () =>
  crm.store
    .listRecords('addressbook')
    .filter((r) => !r.deleted)
    .map((r) => /^FN:(.*)$/m.exec(r.content)?.[1]?.trim())
    .sort();
const since = (mark: number) => entra.requests.slice(mark);
const deviceCodeRequests = (mark: number) => since(mark).filter((r) => r.path.endsWith('/devicecode'));
const grants = (mark: number, grant: string) => since(mark).filter((r) => r.grant === grant).length;

function sync(state: string, more: string[] = [], io: Parameters<typeof run>[1] = {}) {
  const conn = ['--crm', crm.syncUrl, '--user', 'test', '--device-id', 'outlook-cli-device-code'];
  return run(['sync', ...graphFlags(state, ...more), ...conn, '--pair', 'Kontakte=addressbook'], io);
}

function addContact(given: string, family: string) {
  graph.store.createItem('contact', graph.store.defaultFolder('contacts').id, {
    givenName: given,
    surname: family,
    displayName: `${given} ${family}`,
  });
}

describe('outlook-crm-sync --graph with a device-code sign-in', () => {
  setup();

  it('shows the code once, syncs, and later scheduled runs refresh silently from the token cache', async () => {
    addContact('Ada', 'Lovelace');
    entra.pollAnswers = ['authorization_pending'];
    const first = await sync('office.state.json');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(USER_CODE);
    expect(first.stderr).toContain(VERIFICATION_URL);
    expect(first.stderr).toContain(USERNAME);
    expect(deviceCodeRequests(0)).toHaveLength(1);
    // authorization_pending answered once, then the person had signed in.
    expect(grants(0, 'device_code')).toBe(2);
    expect(crmNames()).toEqual(['Ada Lovelace']);

    const cacheFile = join(dir, 'office.state.token-cache.json');
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    // Every Graph request carried a token from the identity platform, renewed as it expired (60 s tokens).
    expect(graphBearers.length).toBeGreaterThan(1);
    expect(graphBearers.every((t) => entra.accessTokens.includes(t))).toBe(true);
    expect(new Set(graphBearers).size).toBeGreaterThan(1);
    expect(grants(0, 'refresh_token')).toBeGreaterThan(0);

    const mark = entra.requests.length;
    addContact('Grace', 'Hopper');
    const scheduled = await sync('office.state.json', ['--no-interactive'], { interactive: false });
    expect(scheduled).toMatchObject({ code: 0 });
    expect(scheduled.stderr).not.toContain(USER_CODE);
    expect(deviceCodeRequests(mark)).toEqual([]);
    expect(grants(mark, 'device_code')).toBe(0);
    expect(grants(mark, 'refresh_token')).toBeGreaterThan(0);
    expect(crmNames()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('fails a scheduled run at once (exit 6, one line) when there is no saved sign-in or it is used up', async () => {
    const mark = entra.requests.length;
    const byFlag = await run(['history', ...graphFlags('cron.state.json', '--no-interactive')]);
    const byNoTerminal = await run(['history', ...graphFlags('cron.state.json')], { interactive: false });
    for (const failed of [byFlag, byNoTerminal]) {
      expect(failed.code).toBe(6);
      expect(failed.stderr.split('\n')).toHaveLength(1);
      expect(failed.stderr).toMatch(/no_saved_sign_in.*\[SIGN_IN_REQUIRED\]$/);
    }
    // The real bin from cron: standard input is no terminal, so no flag is needed to fail fast.
    const fromCron = await cli(['history', ...graphFlags('cron.state.json')]);
    expect(fromCron.code).toBe(6);
    expect(fromCron.stderr.trim()).toMatch(/no_saved_sign_in.*\[SIGN_IN_REQUIRED\]$/);
    expect(since(mark)).toEqual([]);
    expect(existsSync(join(dir, 'cron.state.token-cache.json'))).toBe(false);

    // Signed in once; then Entra ID forgets the refresh token (revoked, or 90 days unused).
    expect((await run(['history', ...graphFlags('revoked.state.json')])).code).toBe(0);
    entra.revokeRefreshTokens();
    const revoked = await run(['history', ...graphFlags('revoked.state.json', '--no-interactive')]);
    expect(revoked.code).toBe(6);
    expect(revoked.stderr).toMatch(/invalid_grant.*\[SIGN_IN_REQUIRED\]$/);
  });

  it('ends a run whose refresh is refused midway with SIGN_IN_REQUIRED, not as a Graph failure', async () => {
    expect((await run(['history', ...graphFlags('midway.state.json')])).code).toBe(0);
    revoke.atGraphRequest = 1;
    const midway = await run([
      'mailbox',
      'export',
      ...graphFlags('midway.state.json', '--no-interactive'),
      '--folder',
      'Kontakte',
    ]);
    expect(revoke.atGraphRequest).toBe(0);
    expect(midway.code).toBe(6);
    expect(midway.stderr).toMatch(/invalid_grant.*\[SIGN_IN_REQUIRED\]$/);
  });

  it.each(['authorization_declined', 'expired_token'] as const)(
    'ends with SIGN_IN_FAILED naming %s when the device code is not redeemed (exit 4)',
    async (answer) => {
      entra.pollAnswers = ['authorization_pending', answer];
      const failed = await run(['history', ...graphFlags(`${answer}.state.json`)]);
      expect(failed.code).toBe(4);
      expect(failed.stderr).toContain(USER_CODE);
      expect(failed.stderr.split('\n').at(-1)).toMatch(new RegExp(`${answer}.*\\[SIGN_IN_FAILED\\]$`));
      expect(existsSync(join(dir, `${answer}.state.token-cache.json`))).toBe(false);
    },
  );

  it('stops waiting for the person on Ctrl-C (RUN_CANCELLED), saving no sign-in', async () => {
    const mark = entra.requests.length;
    entra.pollAnswers = ['authorization_pending', 'authorization_pending'];
    const cancelled = await run(['history', ...graphFlags('cancelled.state.json')], { cancelAtCode: true });
    expect(cancelled.code).toBe(1);
    expect(cancelled.stderr).toMatch(/\[RUN_CANCELLED\]$/);
    expect(deviceCodeRequests(mark)).toHaveLength(1);
    expect(grants(mark, 'device_code')).toBe(0);
    expect(existsSync(join(dir, 'cancelled.state.token-cache.json'))).toBe(false);
    entra.pollAnswers = [];
  });

  it('needs a client id (flag or ADDIN_CLIENT_ID) and a plain tenant, as usage errors', async () => {
    const state = ['--state', join(dir, 'usage.state.json')];
    const missing = await run(['history', '--graph', ...state]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ADDIN_CLIENT_ID.*\[MISSING_FLAG\]$/);
    const badTenant = await run(['history', ...graphFlags('usage.state.json', '--tenant', 'a/../b')]);
    expect(badTenant.code).toBe(2);
    expect(badTenant.stderr).toContain('[BAD_FLAG_VALUE]');
    const mark = entra.requests.length;
    entra.pollAnswers = ['authorization_declined'];
    const fromEnv = await run(['history', '--graph', ...state], { env: { ADDIN_CLIENT_ID: CLIENT_ID } });
    expect(fromEnv.stderr).toContain('[SIGN_IN_FAILED]');
    expect(deviceCodeRequests(mark)).toHaveLength(1);
  });
});
