import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCodecs, outlookShapes } from '../../../src/adapters/graph/codecs.js';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { fingerprint } from '../../../src/core/formats/index.js';
import { emptyContact, luid, type Contact } from '../../../src/core/model/index.js';
import type { OutlookChange, WriteOp } from '../../../src/core/sync/outlook-store.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { emulatorFolder, idOf } from './emulator-setup.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

const JPEG = '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const person = (n: number, extra: Partial<Contact> = {}): Contact => ({
  ...emptyContact(),
  displayName: `Kunde ${n}`,
  name: { family: `Kunde ${n}` },
  ...extra,
});
const shape = outlookShapes().contact;
const link = (n: number) => ({ luid: luid(`L${n}`), fingerprint: `fp${n}` });

async function setup() {
  const { client, folder } = await emulatorFolder(graph, 'contacts');
  return { client, folder, store: new GraphContactStore(client, graphCodecs().contact) };
}

describe('GraphContactStore: CRM photos and CRM-only extras', () => {
  it('puts the photo of each written contact, one Graph request per photo, none for contacts without', async () => {
    const { store, folder, client } = await setup();
    const ops: WriteOp[] = [
      { op: 'create', item: person(1, { photo: { mediaType: 'image/jpeg', base64: JPEG } }), link: link(1) },
      { op: 'create', item: person(2), link: link(2) },
      { op: 'create', item: person(3, { photo: { mediaType: 'image/png', base64: PNG } }), link: link(3) },
    ];
    const before = client.stats.graphRequests;
    const results = await store.writeBatch(folder, ops);
    expect(graph.store.findItem(idOf(results[0]))?.photo).toEqual({
      contentType: 'image/jpeg',
      base64: JPEG,
    });
    expect(graph.store.findItem(idOf(results[1]))?.photo).toBeUndefined();
    expect(graph.store.findItem(idOf(results[2]))?.photo).toEqual({ contentType: 'image/png', base64: PNG });
    // 3 creates + 2 photos as $batch items, plus one $batch envelope each round.
    expect(client.stats.graphRequests - before).toBe(3 + 1 + 2 + 1);
  });

  it('sends a lone photo as binary, not in a $batch, and replaces it on an update', async () => {
    const { store, folder } = await setup();
    const [created] = await store.writeBatch(folder, [{ op: 'create', item: person(1), link: link(1) }]);
    const id = idOf(created);
    const update = (photo: Contact['photo']): WriteOp => ({
      op: 'update',
      id,
      item: person(1, { photo }),
      link: link(1),
    });
    graph.control.resetCounters();
    await store.writeBatch(folder, [update({ mediaType: 'image/jpeg', base64: JPEG })]);
    expect(graph.store.findItem(id)?.photo?.base64).toBe(JPEG);
    expect(graph.control.counters.byEndpoint['POST /$batch']).toBeUndefined();
    expect(graph.control.counters.byEndpoint['PUT /me/contactFolders/{id}/contacts/{id}/photo/$value']).toBe(
      1,
    );
    await store.writeBatch(folder, [update({ mediaType: 'image/png', base64: PNG })]);
    expect(graph.store.findItem(id)?.photo).toEqual({ contentType: 'image/png', base64: PNG });
  });

  it('fails a contact whose photo Graph refused, naming its id (written in part: linked, not sent back)', async () => {
    const { store, folder } = await setup();
    graph.control.failNext({
      method: 'PUT',
      pathIncludes: '/photo/',
      status: 400,
      code: 'ErrorInvalidRequest',
    });
    const [result] = await store.writeBatch(folder, [
      { op: 'create', item: person(1, { photo: { mediaType: 'image/jpeg', base64: JPEG } }), link: link(1) },
    ]);
    expect(result).toMatchObject({ ok: false, op: 'create', error: { code: 'INVALID_ITEM' } });
    const id = result && !result.ok ? result.id : undefined;
    expect(id && graph.store.findItem(id)?.fields.displayName).toBe('Kunde 1');
    expect(id && graph.store.findItem(id)?.photo).toBeUndefined();
  });

  it('reads photos back only for contacts it gave one, one request each, but not its own fresh writes', async () => {
    const { store, folder, client } = await setup();
    const first = await store.readChanges(folder, undefined);
    const withPhoto = (n: number, photo: Contact['photo']): WriteOp => {
      const item = person(n, photo ? { photo } : {});
      // The link carries the fingerprint of what Outlook keeps, as the engine writes it (decision 0074).
      return { op: 'create', item, link: { luid: luid(`L${n}`), fingerprint: fingerprint(shape(item)) } };
    };
    const jpeg = { mediaType: 'image/jpeg', base64: JPEG };
    const png = { mediaType: 'image/png', base64: PNG };
    const results = await store.writeBatch(folder, [
      withPhoto(1, jpeg), // left alone
      withPhoto(2, jpeg), // edited in Outlook
      withPhoto(3, undefined), // edited, but we gave it no photo: never read
      withPhoto(4, png), // edited, and the user removed the photo
    ]);
    const photosOf = (changes: readonly OutlookChange[]) => (n: number) =>
      (
        changes.find((c) => c.item?.kind === 'contact' && c.item.displayName === `Kunde ${n}`)
          ?.item as Contact
      )?.photo;

    let before = client.stats.graphRequests;
    const echo = await store.readChanges(folder, first.nextCursor);
    // delta page + 4 re-reads in one $batch; the photos just written are not read back
    expect(client.stats.graphRequests - before).toBe(1 + (4 + 1));
    expect([1, 2, 3, 4].map(photosOf(echo.changes))).toEqual([jpeg, jpeg, undefined, png]);

    for (const index of [1, 2, 3]) {
      await client.request('PATCH', `/me/contactFolders/${folder}/contacts/${idOf(results[index])}`, {
        body: { companyName: 'Neu GmbH' },
      });
    }
    delete graph.store.findItem(idOf(results[3]))!.photo;
    before = client.stats.graphRequests;
    const edited = await store.readChanges(folder, echo.nextCursor);
    // delta page + 3 re-reads in one $batch + the photos of contacts 2 and 4 in one $batch
    expect(client.stats.graphRequests - before).toBe(1 + (3 + 1) + (2 + 1));
    expect([2, 3, 4].map(photosOf(edited.changes))).toEqual([jpeg, undefined, undefined]);
    // A lone photo read comes back as bytes, not in a $batch.
    const one = await store.findByLuid(folder, luid('L1'));
    expect((one?.item as Contact).photo).toEqual(jpeg);
  });

  it('reports a contact whose photo could not be read as unreadable, not as one without photo', async () => {
    const { store, folder, client } = await setup();
    const first = await store.readChanges(folder, undefined);
    const [created] = await store.writeBatch(folder, [
      { op: 'create', item: person(1, { photo: { mediaType: 'image/jpeg', base64: JPEG } }), link: link(1) },
    ]);
    const echo = await store.readChanges(folder, first.nextCursor);
    await client.request('PATCH', `/me/contactFolders/${folder}/contacts/${idOf(created)}`, {
      body: { companyName: 'Neu GmbH' },
    });
    graph.control.failNext({
      method: 'GET',
      pathIncludes: '/photo/',
      status: 403,
      code: 'ErrorAccessDenied',
    });
    const round = await store.readChanges(folder, echo.nextCursor);
    expect(round.changes).toEqual([]);
    expect(round.unreadable?.map((u) => [u.id, u.error.code])).toEqual([[idOf(created), 'FORBIDDEN']]);
  });

  it('keeps CRM-only extras on the Outlook contact and clears them when the CRM drops them', async () => {
    const { store, folder } = await setup();
    const extra = { 'X-CRM-ID': '4711', UID: 'crm-4711' };
    const [created] = await store.writeBatch(folder, [
      { op: 'create', item: person(1, { extra }), link: link(1) },
    ]);
    const id = idOf(created);
    const read = async () => (await store.readAll(folder)).find((s) => s.id === id)?.item as Contact;
    expect((await read()).extra).toEqual(extra);
    await store.writeBatch(folder, [
      { op: 'update', id, item: person(1, { company: 'Neu' }), link: link(1) },
    ]);
    expect((await read()).extra).toEqual({});
  });
});
