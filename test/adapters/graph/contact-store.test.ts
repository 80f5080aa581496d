import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { LUID_PROPERTY_ID } from '../../../src/adapters/graph/item-link.js';
import { emptyContact, luid, type Contact } from '../../../src/core/model/index.js';
import type { WriteOp } from '../../../src/core/sync/outlook-store.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { emulatorFolder, idOf } from './emulator-setup.js';
import { testContactCodec } from './test-codecs.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

const person = (n: number): Contact => ({
  ...emptyContact(),
  displayName: `Kunde ${n}`,
  name: { family: `Kunde ${n}` },
});
const creates = (from: number, count: number): WriteOp[] =>
  Array.from({ length: count }, (_, i) => ({
    op: 'create',
    item: person(from + i),
    link: { luid: luid(`L${from + i}`), fingerprint: `fp${from + i}` },
  }));

async function setup(options: { rereadThreshold?: number } = {}) {
  const { client, folder } = await emulatorFolder(graph, 'contacts');
  return { client, folder, store: new GraphContactStore(client, testContactCodec, options) };
}

describe('GraphContactStore', () => {
  it('stores the link as our named extended properties', async () => {
    const { store, folder } = await setup();
    const [result] = await store.writeBatch(folder, creates(1, 1));
    const stored = graph.store.findItem(idOf(result));
    expect(stored?.extendedProperties).toContainEqual({ id: LUID_PROPERTY_ID, value: 'L1' });
  });

  it('re-reads a few changed contacts one by one, and lists the folder when many changed', async () => {
    const { store, folder, client } = await setup({ rereadThreshold: 10 });
    const { nextCursor } = await store.readChanges(folder, undefined);
    await store.writeBatch(folder, creates(1, 5));
    let before = client.stats.graphRequests;
    expect((await store.readChanges(folder, nextCursor)).changes).toHaveLength(5);
    expect(client.stats.graphRequests - before).toBe(1 + 5 + 1); // delta page + 5 re-reads in one $batch

    await store.writeBatch(folder, creates(6, 60));
    before = client.stats.graphRequests;
    const many = await store.readChanges(folder, nextCursor);
    expect(many.changes).toHaveLength(65);
    expect(client.stats.graphRequests - before).toBeLessThan(5); // delta pages + one listing page
  });

  it('finds by LUID with one filtered request', async () => {
    const { store, folder, client } = await setup();
    await store.writeBatch(folder, creates(1, 3));
    const before = client.stats.graphRequests;
    expect((await store.findByLuid(folder, luid('L2')))?.item).toMatchObject({ displayName: 'Kunde 2' });
    expect(client.stats.graphRequests - before).toBe(1);
  });

  it('reports a contact it can not read as unreadable and goes on with the rest', async () => {
    const { store, folder } = await setup();
    const { nextCursor } = await store.readChanges(folder, undefined);
    await store.writeBatch(folder, creates(1, 1));
    const bad = graph.store.createItem('contact', folder, { displayName: 'UNREADABLE' });
    const changes = await store.readChanges(folder, nextCursor);
    expect(changes.changes).toHaveLength(1);
    expect(changes.unreadable).toEqual([
      expect.objectContaining({
        id: bad.immutableId,
        error: expect.objectContaining({ code: 'INVALID_ITEM' }),
      }),
    ]);
  });

  it('completes writes and reads through per-item 429s and 503s, within 4 requests in flight', async () => {
    const { store, folder, client } = await setup();
    graph.control.setFaults({
      batchItemThrottleRate: 0.2,
      serviceUnavailableRate: 0.2,
      retryAfterSeconds: 0.5,
      seed: 7,
    });
    const results = await store.writeBatch(folder, creates(1, 120));
    expect(results.every((r) => r.ok)).toBe(true);
    const all = await store.readChanges(folder, undefined);
    expect(all.changes).toHaveLength(120);
    expect(client.stats.throttled).toBeGreaterThan(0);
    expect(graph.control.counters.concurrencyRejections).toBe(0);
    expect(graph.control.counters.maxInFlight).toBeLessThanOrEqual(4);
  });

  it('maps a folder that is gone to NOT_FOUND for the whole call', async () => {
    const { store } = await setup();
    await expect(store.readChanges('no-such-folder' as never, undefined)).rejects.toMatchObject({
      name: 'OutlookStoreError',
      code: 'NOT_FOUND',
    });
  });
});
