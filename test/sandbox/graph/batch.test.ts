import { describe, expect, it } from 'vitest';
import type { GraphEmulatorControl } from '../../../src/sandbox/graph/control.js';
import type { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { errorCode, graph } from './graph-client.js';
import { useFreshMailbox } from './fresh-mailbox.js';

let store: MailboxStore;
let control: GraphEmulatorControl;
useFreshMailbox((fresh) => ({ store, control } = fresh));

interface BatchResponse {
  responses: {
    id: string;
    status: number;
    headers: Record<string, string>;
    body?: Record<string, unknown>;
  }[];
}
const JSON_HEADERS = { 'Content-Type': 'application/json', Prefer: 'IdType="ImmutableId"' };

function createRequests(n: number, chained: boolean) {
  return Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    method: 'POST',
    url: '/me/contacts',
    headers: JSON_HEADERS,
    body: { givenName: `Batch ${i + 1}` },
    ...(chained && i > 0 ? { dependsOn: [String(i)] } : {}),
  }));
}

const batch = (requests: unknown[]) => graph<BatchResponse>('POST', '/$batch', { requests });

describe('$batch', () => {
  it('runs a dependsOn chain of 20 writes, each item with its own status, headers and body', async () => {
    const r = await batch(createRequests(20, true));
    expect(r.status).toBe(200);
    expect(r.body.responses).toHaveLength(20);
    expect(r.body.responses.every((x) => x.status === 201)).toBe(true);
    const first = r.body.responses.find((x) => x.id === '1')!;
    expect(first.headers['Content-Type']).toContain('application/json');
    expect(store.findItem(String(first.body!.id))?.immutableId).toBe(first.body!.id);
    expect(store.countItems(store.defaultFolder('contacts').id)).toBe(20);
    expect(control.counters).toMatchObject({ batchRequests: 1, batchItems: 20, total: 20, httpRequests: 1 });
  });

  it('refuses 21 requests, duplicate ids, unknown dependencies and a body without Content-Type (400, nothing written)', async () => {
    const bad = [
      createRequests(21, true),
      [...createRequests(2, false), { ...createRequests(1, false)[0]!, id: '1' }],
      [{ ...createRequests(1, false)[0]!, dependsOn: ['nope'] }],
      [{ id: '1', method: 'POST', url: '/me/contacts', body: { givenName: 'x' } }],
    ];
    for (const requests of bad) {
      const r = await batch(requests);
      expect([r.status, errorCode(r)]).toEqual([400, 'BadRequest']);
    }
    expect(store.countItems(store.defaultFolder('contacts').id)).toBe(0);
  });

  it('fails dependants of a failed request with 424, transitively', async () => {
    const r = await batch([
      { id: '1', method: 'GET', url: '/me/contacts/does-not-exist' },
      {
        id: '2',
        method: 'POST',
        url: '/me/contacts',
        headers: JSON_HEADERS,
        body: { givenName: 'x' },
        dependsOn: ['1'],
      },
      { id: '3', method: 'GET', url: '/me/contacts', dependsOn: ['2'] },
    ]);
    const status = Object.fromEntries(r.body.responses.map((x) => [x.id, x.status]));
    expect(status).toEqual({ 1: 404, 2: 424, 3: 424 });
    expect(r.body.responses.find((x) => x.id === '2')!.body).toMatchObject({
      error: { code: 'FailedDependency' },
    });
    expect(store.countItems(store.defaultFolder('contacts').id)).toBe(0);
  });

  it('throttles parallel items beyond the 4-concurrent limit with 429 MailboxConcurrency', async () => {
    const r = await batch(createRequests(6, false));
    const throttled = r.body.responses.filter((x) => x.status === 429);
    expect(r.status).toBe(200);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]!.body).toMatchObject({ error: { code: 'ApplicationThrottled' } });
    expect(Number(throttled[0]!.headers['Retry-After'])).toBeGreaterThan(0);
    expect(control.counters.concurrencyRejections).toBe(2);
  });

  it('answers injected per-item 429s inside a 200 batch with Retry-After, and writes only the others', async () => {
    control.setFaults({ batchItemThrottleRate: 0.5, retryAfterSeconds: 3, seed: 7 });
    const r = await batch(createRequests(10, true));
    const throttled = r.body.responses.filter((x) => x.status === 429);
    expect(r.status).toBe(200);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((x) => x.headers['Retry-After'] === '3')).toBe(true);
    const written = r.body.responses.filter((x) => x.status === 201).length;
    expect(store.countItems(store.defaultFolder('contacts').id)).toBe(written);
    expect(control.counters.throttled).toBe(throttled.length);
  });

  it('needs the immutable-id preference on each item (the outer header is not applied to items)', async () => {
    const contact = store.createItem('contact', store.defaultFolder('contacts').id, { givenName: 'A' });
    const r = await graph<BatchResponse>(
      'POST',
      '/$batch',
      {
        requests: [
          { id: 'a', method: 'GET', url: `/me/contacts/${contact.immutableId}` },
          {
            id: 'b',
            method: 'GET',
            url: `me/contacts/${contact.immutableId}`,
            headers: { Prefer: 'IdType="ImmutableId"' },
          },
        ],
      },
      { Prefer: 'IdType="ImmutableId"' },
    );
    const byId = Object.fromEntries(r.body.responses.map((x) => [x.id, x.body!.id]));
    expect(byId).toEqual({ a: contact.restId, b: contact.immutableId });
  });
});
