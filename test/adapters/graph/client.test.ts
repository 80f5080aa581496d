import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_BASE_URL, GraphClient, type GraphClientOptions } from '../../../src/adapters/graph/client.js';
import { fakeClock } from './fake-clock.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const url = (path: string) => `${GRAPH_BASE_URL}${path}`;
const graphError = (status: number, code: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ error: { code, message: `${code} happened` } }, { status, headers });

function setup(options: Partial<GraphClientOptions> = {}) {
  const clock = fakeClock();
  const scopesAsked: string[][] = [];
  const client = new GraphClient({
    tokenProvider: {
      getToken: async (scopes) => {
        scopesAsked.push([...scopes]);
        return 'token-1';
      },
    },
    clock,
    maxRetries: 3,
    random: () => 0.5,
    ...options,
  });
  return { client, clock, scopesAsked };
}

describe('GraphClient requests', () => {
  it('sends the token, immutable ids and page size, and follows nextLink to the delta link', async () => {
    const seen: Array<{ auth: string | null; prefer: string | null; page: string | null }> = [];
    server.use(
      http.get(url('/me/contactFolders/f1/contacts/delta'), ({ request }) => {
        const page = new URL(request.url).searchParams.get('$skiptoken');
        seen.push({
          auth: request.headers.get('authorization'),
          prefer: request.headers.get('prefer'),
          page,
        });
        return page === null
          ? HttpResponse.json({
              value: [{ id: 'a' }],
              '@odata.nextLink': url('/me/contactFolders/f1/contacts/delta?$skiptoken=2'),
            })
          : HttpResponse.json({
              value: [{ id: 'b' }],
              '@odata.deltaLink': url('/me/contactFolders/f1/contacts/delta?$deltatoken=9'),
            });
      }),
    );
    const { client, scopesAsked } = setup({ maxPageSize: 50 });
    const all = await client.getAll<{ id: string }>('/me/contactFolders/f1/contacts/delta');
    expect(all).toEqual({
      items: [{ id: 'a' }, { id: 'b' }],
      deltaLink: url('/me/contactFolders/f1/contacts/delta?$deltatoken=9'),
    });
    expect(seen.map((s) => s.page)).toEqual([null, '2']);
    for (const s of seen) {
      expect(s.auth).toBe('Bearer token-1');
      expect(s.prefer).toContain('IdType="ImmutableId"');
      expect(s.prefer).toContain('odata.maxpagesize=50');
    }
    expect(scopesAsked[0]).toContain('Contacts.ReadWrite');
    expect(client.stats).toMatchObject({ httpRequests: 2, graphRequests: 2, throttled: 0 });
  });

  it('waits Retry-After (fractional seconds) on 429 and 503, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(url('/me/calendars'), () => {
        calls++;
        if (calls === 1) return graphError(429, 'ApplicationThrottled', { 'Retry-After': '2.5' });
        if (calls === 2) return graphError(503, 'ServiceUnavailable', { 'retry-after': '1' });
        return HttpResponse.json({ value: [] });
      }),
    );
    const { client, clock } = setup();
    await expect(client.get('/me/calendars')).resolves.toEqual({ value: [] });
    expect(clock.sleeps).toEqual([2500, 1000]);
    expect(client.stats).toMatchObject({ httpRequests: 3, throttled: 1, retries: 2 });
  });

  it('backs off exponentially when a 429 has no Retry-After, and gives up with THROTTLED', async () => {
    server.use(http.get(url('/me/calendars'), () => graphError(429, 'TooManyRequests')));
    const { client, clock } = setup();
    await expect(client.get('/me/calendars')).rejects.toMatchObject({
      code: 'THROTTLED',
      details: { status: 429, graphCode: 'TooManyRequests', path: '/me/calendars' },
    });
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
    expect(client.stats.httpRequests).toBe(4);
  });

  it.each([
    [400, 'ErrorInvalidRequest', 'BAD_REQUEST'],
    [401, 'InvalidAuthenticationToken', 'UNAUTHENTICATED'],
    [403, 'ErrorAccessDenied', 'FORBIDDEN'],
    [404, 'ErrorItemNotFound', 'NOT_FOUND'],
    [409, 'ErrorFolderExists', 'FOLDER_EXISTS'],
    [409, 'ErrorIrresolvableConflict', 'CONFLICT'],
    [410, 'SyncStateNotFound', 'SYNC_STATE_NOT_FOUND'],
    [400, 'resyncRequired', 'SYNC_STATE_NOT_FOUND'],
    [500, 'InternalServerError', 'UNAVAILABLE'],
    [503, 'ServiceUnavailable', 'UNAVAILABLE'],
  ] as const)('maps %i %s to %s with the Graph code in details', async (status, graphCode, code) => {
    server.use(http.get(url('/me/todo/lists'), () => graphError(status, graphCode, { 'Retry-After': '0' })));
    const { client } = setup({ maxRetries: 1 });
    await expect(client.get('/me/todo/lists?$top=5')).rejects.toMatchObject({
      name: 'GraphError',
      code,
      details: { status, graphCode, method: 'GET', path: '/me/todo/lists' },
    });
  });

  it('asks for a token once more after a 401, then gives up with UNAUTHENTICATED', async () => {
    let calls = 0;
    server.use(
      http.get(url('/me/calendars'), () => {
        calls++;
        return calls === 1 ? graphError(401, 'InvalidAuthenticationToken') : HttpResponse.json({ value: [] });
      }),
      http.get(url('/me/contactFolders'), () => graphError(401, 'InvalidAuthenticationToken')),
    );
    const { client, scopesAsked } = setup();
    await expect(client.get('/me/calendars')).resolves.toEqual({ value: [] });
    expect(scopesAsked).toHaveLength(2);
    await expect(client.get('/me/contactFolders')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(client.stats.httpRequests).toBe(4);
  });

  it('reports a network failure as OFFLINE', async () => {
    server.use(http.get(url('/me/calendars'), () => HttpResponse.error()));
    const { client } = setup();
    await expect(client.get('/me/calendars')).rejects.toMatchObject({ code: 'OFFLINE' });
  });

  it('reports a failing token provider as UNAUTHENTICATED without sending anything', async () => {
    const client = new GraphClient({
      tokenProvider: { getToken: () => Promise.reject(new Error('interaction required')) },
      clock: fakeClock(),
    });
    await expect(client.get('/me/calendars')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(client.stats.httpRequests).toBe(0);
  });

  it('stops with ABORTED when the signal fires during a Retry-After wait', async () => {
    const controller = new AbortController();
    server.use(
      http.get(url('/me/calendars'), () => {
        controller.abort();
        return graphError(429, 'ApplicationThrottled', { 'Retry-After': '30' });
      }),
    );
    const { client } = setup();
    await expect(client.get('/me/calendars', { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(client.stats.httpRequests).toBe(1);
  });

  it('refuses to send the token to a link outside the Graph base URL', async () => {
    const { client } = setup();
    await expect(client.get('https://evil.example/v1.0/me')).rejects.toMatchObject({ code: 'UNEXPECTED' });
    expect(client.stats.httpRequests).toBe(0);
  });

  it('paces requests with the token bucket so no window exceeds the limit', async () => {
    const { client, clock } = setup({ rateLimit: { requests: 4, windowMs: 1000, burst: 2 } });
    const sentAt: number[] = [];
    server.use(
      http.get(url('/me'), () => {
        sentAt.push(clock.now());
        return HttpResponse.json({ id: 'me' });
      }),
    );
    for (let i = 0; i < 12; i++) await client.get('/me');
    for (const start of sentAt) {
      expect(sentAt.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(4);
    }
    expect(client.stats.waitedMs).toBeGreaterThan(0);
  });
});

describe('GraphClient $batch', () => {
  type Item = {
    id: string;
    method: string;
    url: string;
    dependsOn?: string[];
    headers?: Record<string, string>;
  };

  it('splits into chained batches of at most 20 and returns results in order', async () => {
    const batches: Item[][] = [];
    server.use(
      http.post(url('/$batch'), async ({ request }) => {
        const { requests } = (await request.json()) as { requests: Item[] };
        batches.push(requests);
        return HttpResponse.json({
          responses: [...requests].reverse().map((r) => ({ id: r.id, status: 200, body: { echo: r.url } })),
        });
      }),
    );
    const { client } = setup();
    const requests = Array.from({ length: 45 }, (_, i) => ({
      method: 'GET' as const,
      url: `/me/contacts/c${i}`,
    }));
    const results = await client.batch(requests);
    expect(batches.map((b) => b.length).sort((a, b) => b - a)).toEqual([20, 20, 5]);
    for (const batch of batches) {
      batch.forEach((item, i) => {
        expect(item.dependsOn).toEqual(i === 0 ? undefined : [batch[i - 1]!.id]);
        expect(item.headers?.Prefer).toContain('IdType="ImmutableId"');
      });
    }
    expect(results.map((r) => (r.body as { echo: string }).echo)).toEqual(requests.map((r) => r.url));
    expect(client.stats).toMatchObject({ httpRequests: 3, graphRequests: 48 });
  });

  it('retries a per-item 429 after its Retry-After and resends the 424s behind it', async () => {
    let round = 0;
    server.use(
      http.post(url('/$batch'), async ({ request }) => {
        const { requests } = (await request.json()) as { requests: Item[] };
        round++;
        return HttpResponse.json({
          responses: requests.map((r, i) => {
            if (round === 1 && i === 2)
              return { id: r.id, status: 429, headers: { 'retry-after': '3' }, body: {} };
            if (round === 1 && i > 2) return { id: r.id, status: 424, body: {} };
            return { id: r.id, status: 201, body: { id: `new-${r.url}` } };
          }),
        });
      }),
    );
    const { client, clock } = setup();
    const requests = Array.from({ length: 6 }, (_, i) => ({
      method: 'POST' as const,
      url: `/x${i}`,
      body: { n: i },
    }));
    const results = await client.batch(requests);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(clock.sleeps).toEqual([3000]);
    expect(client.stats).toMatchObject({ httpRequests: 2, throttled: 1 });
  });

  it('returns final item errors typed, without failing the rest', async () => {
    server.use(
      http.post(url('/$batch'), async ({ request }) => {
        const { requests } = (await request.json()) as { requests: Item[] };
        return HttpResponse.json({
          responses: requests.map((r) =>
            r.url.endsWith('missing')
              ? { id: r.id, status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'gone' } } }
              : { id: r.id, status: 204 },
          ),
        });
      }),
    );
    const { client } = setup();
    const results = await client.batch([
      { method: 'DELETE', url: '/me/contacts/a' },
      { method: 'DELETE', url: '/me/contacts/missing' },
    ]);
    expect(results[0]).toMatchObject({ status: 204 });
    expect(results[1]?.error).toMatchObject({
      code: 'NOT_FOUND',
      details: { graphCode: 'ErrorItemNotFound' },
    });
  });

  it('never has more than 4 requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    server.use(
      http.post(url('/$batch'), async ({ request }) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        const { requests } = (await request.json()) as { requests: Item[] };
        await delay(5);
        inFlight--;
        return HttpResponse.json({ responses: requests.map((r) => ({ id: r.id, status: 200, body: {} })) });
      }),
    );
    const { client } = setup();
    const requests = Array.from({ length: 200 }, (_, i) => ({
      method: 'GET' as const,
      url: `/me/contacts/c${i}`,
    }));
    await client.batch(requests);
    expect(client.stats.httpRequests).toBe(10);
    expect(peak).toBe(4);
  });

  it('retries a $batch refused as a whole (429 or 424) after its Retry-After', async () => {
    let calls = 0;
    server.use(
      http.post(url('/$batch'), async ({ request }) => {
        calls++;
        if (calls === 1) return graphError(429, 'ApplicationThrottled', { 'Retry-After': '1.5' });
        if (calls === 2) return graphError(424, 'FailedDependency');
        const { requests } = (await request.json()) as { requests: Item[] };
        return HttpResponse.json({ responses: requests.map((r) => ({ id: r.id, status: 200, body: {} })) });
      }),
    );
    const { client, clock } = setup();
    const results = await client.batch([
      { method: 'GET', url: '/me/contacts/a' },
      { method: 'GET', url: '/me/contacts/b' },
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(clock.sleeps[0]).toBe(1500);
  });

  it('gives up on an item still unavailable after the retries, with its typed error', async () => {
    server.use(
      // Left alone after the first round, the item goes out on its own.
      http.get(url('/me/contacts/sick'), () => graphError(503, 'ServiceUnavailable', { 'Retry-After': '1' })),
      http.post(url('/$batch'), async ({ request }) => {
        const { requests } = (await request.json()) as { requests: Item[] };
        return HttpResponse.json({
          responses: requests.map((r) =>
            r.url.endsWith('sick')
              ? {
                  id: r.id,
                  status: 503,
                  headers: { 'Retry-After': '1' },
                  body: { error: { code: 'ServiceUnavailable' } },
                }
              : { id: r.id, status: 200, body: {} },
          ),
        });
      }),
    );
    const { client } = setup();
    const results = await client.batch([
      { method: 'GET', url: '/me/contacts/sick' },
      { method: 'GET', url: '/me/contacts/fine' },
    ]);
    expect(results[0]?.error).toMatchObject({
      code: 'UNAVAILABLE',
      details: { status: 503, retryAfterSeconds: 1 },
    });
    expect(results[1]).toMatchObject({ status: 200 });
  });

  it('resends items the server left out of its answer, then reports them UNEXPECTED', async () => {
    server.use(http.post(url('/$batch'), () => HttpResponse.json({ responses: [] })));
    const { client } = setup();
    const results = await client.batch([
      { method: 'GET', url: '/me/contacts/a' },
      { method: 'GET', url: '/me/contacts/b' },
    ]);
    expect(results.map((r) => r.error?.code)).toEqual(['UNEXPECTED', 'UNEXPECTED']);
  });

  it('stops waiting for a free slot when the signal fires', async () => {
    const controller = new AbortController();
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const firstInFlight = new Promise<void>((resolve) => (entered = resolve));
    server.use(
      http.get(url('/me/calendars'), () => {
        entered();
        return new Promise<Response>(
          (resolve) => (release = () => resolve(HttpResponse.json({ value: [] }))),
        );
      }),
    );
    const { client } = setup({ maxConcurrent: 1 });
    const first = client.get('/me/calendars');
    await firstInFlight;
    const second = client.get('/me/calendars', { signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'ABORTED' });
    release();
    await expect(first).resolves.toEqual({ value: [] });
    expect(client.stats.httpRequests).toBe(1);
  });
});
