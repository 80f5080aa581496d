import { describe, expect, it } from 'vitest';
import { base64Encode } from '../../../src/core/syncml/bytes.js';
import { basicCredential, md5Digest, memoryNonceStore } from '../../../src/core/syncml/index.js';
import { errorCodeOf, runSyncSession, sessionAgainst } from './support/session-helpers.js';

function setup() {
  const b64 = (s: string) => base64Encode(new TextEncoder().encode(s));
  return { b64 };
}

describe('SyncML authentication', () => {
  it('computes the md5 digest of the spec example and of SyncEvolution', () => {
    const { b64 } = setup();
    expect(md5Digest('Bruce2', 'OhBehave', b64('Nonce'))).toBe('Zz6EivR3yeaaENcRN6lpAQ==');
    expect(md5Digest('test', 'secret', 'QUFAITkkISE=')).toBe('Zm3/5TVXCWRfWYfn1QAM+Q==');
  });

  it('builds basic credentials as base64 of user:password (UTF-8)', () => {
    const { b64 } = setup();
    expect(basicCredential('jürgen', 'pä ss')).toEqual({
      meta: { format: 'b64', type: 'syncml:auth-basic' },
      data: b64('jürgen:pä ss'),
    });
  });

  it('learns the nonce from a 401 challenge, retries once at the base URL and keeps the next nonce', async () => {
    const nonceStore = memoryNonceStore();
    const run = sessionAgainst(
      { nonces: ['Tk9OQ0Ux', 'Tk9OQ0Uy'], stores: { addressbook: {} } },
      { auth: 'md5', nonceStore },
    );
    await runSyncSession(run.options);
    const [first, retry] = run.server.requests;
    expect(first!.header.cred?.meta?.type).toBe('syncml:auth-md5');
    expect(first!.header.source.locName).toBe('test');
    expect(retry!.header.cred?.data).toBe(md5Digest('test', 'test', 'Tk9OQ0Ux'));
    expect(retry!.body.map((c) => c.kind)).toEqual(['Put', 'Get', 'Alert']);
    expect(await nonceStore.get('http://fake/sync', 'dev-1')).toBe('Tk9OQ0Uy');
  });

  it('uses a stored nonce at once', async () => {
    const nonceStore = memoryNonceStore();
    await nonceStore.set('http://fake/sync', 'dev-1', 'Tk9OQ0Ux');
    const run = sessionAgainst(
      { initialNonce: 'Tk9OQ0Ux', nonces: ['Tk9OQ0Uy'], stores: { addressbook: {} } },
      { auth: 'md5', nonceStore },
    );
    await runSyncSession(run.options);
    expect(run.server.requests).toHaveLength(3);
    expect(await nonceStore.get('http://fake/sync', 'dev-1')).toBe('Tk9OQ0Uy');
  });

  it('fails with AUTH_FAILED on a wrong password: basic at once, md5 after the nonce retries', async () => {
    const basic = sessionAgainst({ password: 'right', stores: { addressbook: {} } });
    expect(await errorCodeOf(runSyncSession(basic.options))).toBe('AUTH_FAILED');
    expect(basic.server.requests).toHaveLength(1);
    const md5 = sessionAgainst(
      { password: 'right', nonces: ['MQ==', 'Mg==', 'Mw==', 'NA=='], stores: { addressbook: {} } },
      { auth: 'md5' },
    );
    expect(await errorCodeOf(runSyncSession(md5.options))).toBe('AUTH_FAILED');
    expect(md5.server.requests).toHaveLength(3);
    expect(md5.hookCalls).toHaveLength(0);
  });

  it('fails with AUTH_REQUIRED on 407', async () => {
    const run = sessionAgainst({
      stores: { addressbook: {} },
      tamper: (reply, n) => (n === 1 ? reply.replace('<Data>212</Data>', '<Data>407</Data>') : reply),
    });
    expect(await errorCodeOf(runSyncSession(run.options))).toBe('AUTH_REQUIRED');
  });
});
