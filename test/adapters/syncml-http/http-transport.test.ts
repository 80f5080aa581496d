import { describe, expect, it } from 'vitest';
import { createHttpTransport, SYNCML_REQUEST_CONTENT_TYPE } from '../../../src/adapters/syncml-http/index.js';
import { SyncMLError } from '../../../src/core/syncml/index.js';

function setup(answers: readonly (() => Promise<Response>)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    return answer();
  }) as typeof fetch;
  const syncml = () =>
    Promise.resolve(
      new Response('<SyncML>äö</SyncML>', {
        status: 200,
        headers: { 'content-type': 'application/vnd.syncml+xml' },
      }),
    );
  const codeOf = async (p: Promise<unknown>) =>
    p.then(
      () => 'NO_ERROR',
      (e: unknown) => (e instanceof SyncMLError ? e.code : String(e)),
    );
  return { calls, fetchFn, syncml, codeOf };
}

describe('SyncML HTTP transport', () => {
  it('POSTs with the SyncML media type and returns text and bytes', async () => {
    const { calls, fetchFn, syncml } = setup([() => syncml()]);
    const reply = await createHttpTransport({ fetch: fetchFn }).send('<SyncML/>', 'http://crm/sync');
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe(
      SYNCML_REQUEST_CONTENT_TYPE,
    );
    expect(reply).toMatchObject({
      body: '<SyncML>äö</SyncML>',
      status: 200,
      contentType: 'application/vnd.syncml+xml',
    });
    expect(reply.bytes?.length).toBe(21);
  });

  it('resends the identical message once when no answer came, then fails with UNREACHABLE', async () => {
    const lost = () => Promise.reject(new TypeError('fetch failed'));
    const { calls, fetchFn, syncml } = setup([lost, () => syncml()]);
    await createHttpTransport({ fetch: fetchFn }).send('<SyncML>m2</SyncML>', 'http://crm/sync?sessionid=1');
    expect(calls.map((c) => c.init.body)).toEqual(['<SyncML>m2</SyncML>', '<SyncML>m2</SyncML>']);
    const down = setup([lost]);
    expect(await down.codeOf(createHttpTransport({ fetch: down.fetchFn }).send('x', 'http://crm/sync'))).toBe(
      'UNREACHABLE',
    );
    expect(down.calls).toHaveLength(2);
  });

  it('returns an HTTP error page as it is (the core classifies it)', async () => {
    const { fetchFn } = setup([
      () =>
        Promise.resolve(
          new Response('<html>Processing Failed</html>', {
            status: 500,
            headers: { 'content-type': 'text/html' },
          }),
        ),
    ]);
    const reply = await createHttpTransport({ fetch: fetchFn }).send('x', 'http://crm/sync');
    expect(reply.status).toBe(500);
  });

  it('times out with TIMEOUT and stops with CANCELLED without resending', async () => {
    const hang = (init: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init.signal?.addEventListener('abort', () => reject((init.signal as AbortSignal).reason)),
      );
    const calls: RequestInit[] = [];
    const fetchFn = ((_url: string, init: RequestInit) => (
      calls.push(init),
      hang(init)
    )) as unknown as typeof fetch;
    const { codeOf } = setup([]);
    expect(
      await codeOf(
        createHttpTransport({ fetch: fetchFn, timeoutMs: 20, resends: 0 }).send('x', 'http://crm/sync'),
      ),
    ).toBe('TIMEOUT');
    const controller = new AbortController();
    const pending = createHttpTransport({ fetch: fetchFn, timeoutMs: 10_000 }).send(
      'x',
      'http://crm/sync',
      controller.signal,
    );
    controller.abort();
    expect(await codeOf(pending)).toBe('CANCELLED');
  });

  it('goes through a same-origin proxy path when asked', async () => {
    const { calls, fetchFn, syncml } = setup([() => syncml()]);
    await createHttpTransport({
      fetch: fetchFn,
      rewriteUrl: (u) => `/syncml-proxy?target=${encodeURIComponent(u)}`,
    }).send('x', 'http://crm/sync?sessionid=7');
    expect(calls[0]!.url).toBe('/syncml-proxy?target=http%3A%2F%2Fcrm%2Fsync%3Fsessionid%3D7');
  });
});
