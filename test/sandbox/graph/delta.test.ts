import { describe, expect, it } from 'vitest';
import { createGraphHandlers } from '../../../src/sandbox/graph/handlers.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { deltaRound, errorCode, graph, IMMUTABLE } from './graph-client.js';
import { useFreshMailbox } from './fresh-mailbox.js';

let store: MailboxStore;
const mailbox = useFreshMailbox((fresh) => ({ store } = fresh));

const PAGE = (n: number) => ({ Prefer: `IdType="ImmutableId", odata.maxpagesize=${n}` });

describe('contacts delta', () => {
  it('pages a first round by odata.maxpagesize and ends with a delta link', async () => {
    const folder = store.createFolder('contacts', 'Kunden').id;
    for (let i = 0; i < 23; i++) store.createItem('contact', folder, { givenName: `P${i}` });
    const first = await graph('GET', `/me/contactFolders/${folder}/contacts/delta`, undefined, PAGE(10));
    expect(first.headers.get('preference-applied')).toBe('odata.maxpagesize=10');
    expect((first.body.value as unknown[]).length).toBe(10);
    const round = await deltaRound(`/me/contactFolders/${folder}/contacts/delta`, PAGE(10));
    expect(round.pages).toBe(3);
    expect(new Set(round.values.map((v) => v.id)).size).toBe(23);
    expect(round.deltaLink).toContain('$deltatoken=');
  });

  it('uses a default page size of 10 and honours $select from the first request', async () => {
    const folder = store.createFolder('contacts', 'Kunden').id;
    for (let i = 0; i < 12; i++) store.createItem('contact', folder, { givenName: `P${i}`, surname: 'S' });
    const round = await deltaRound(`/me/contactFolders/${folder}/contacts/delta?$select=givenName`);
    expect(round.pages).toBe(2);
    expect(Object.keys(round.values[0]!).sort()).toEqual(['@odata.etag', 'givenName', 'id']);
  });

  it('reports changes, deletions and moves away as @removed in the next round', async () => {
    const folder = store.createFolder('contacts', 'Kunden').id;
    const other = store.createFolder('contacts', 'Archiv').id;
    const [a, b, c] = ['A', 'B', 'C'].map(
      (n) => store.createItem('contact', folder, { givenName: n }).immutableId,
    );
    const first = await deltaRound(`/me/contactFolders/${folder}/contacts/delta`);
    expect(first.values).toHaveLength(3);
    store.updateItem('contact', a!, { surname: 'Changed' });
    store.deleteItem('contact', b!);
    store.moveItem('contact', c!, other);
    const added = store.createItem('contact', folder, { givenName: 'D' }).immutableId;
    const second = await deltaRound(first.deltaLink);
    const byId = new Map(second.values.map((v) => [v.id, v]));
    expect(byId.get(a!)).toMatchObject({ surname: 'Changed' });
    expect(byId.get(b!)).toEqual({
      '@odata.type': '#microsoft.graph.contact',
      id: b,
      '@removed': { reason: 'deleted' },
    });
    expect(byId.get(c!)).toMatchObject({ '@removed': { reason: 'deleted' } });
    expect(byId.get(added)).toMatchObject({ givenName: 'D' });
    expect(second.values).toHaveLength(4);
    const third = await deltaRound(second.deltaLink);
    expect(third.values).toEqual([]);
    const otherRound = await deltaRound(`/me/contactFolders/${other}/contacts/delta`);
    expect(otherRound.values.map((v) => v.id)).toEqual([c]);
  });

  it('answers 410 SyncStateNotFound for an expired delta link; a new first round recovers', async () => {
    const folder = store.createFolder('contacts', 'Kunden').id;
    store.createItem('contact', folder, { givenName: 'A' });
    const first = await deltaRound(`/me/contactFolders/${folder}/contacts/delta`);
    expect(store.deltaTokens.expire(first.deltaLink)).toBe(true);
    const expired = await graph('GET', first.deltaLink, undefined, IMMUTABLE);
    expect([expired.status, errorCode(expired)]).toEqual([410, 'SyncStateNotFound']);
    const again = await deltaRound(`/me/contactFolders/${folder}/contacts/delta`);
    expect(again.values).toHaveLength(1);
  });

  it('evicts the oldest tokens when the token cache is full', async () => {
    const small = new MailboxStore({ maxDeltaTokens: 3 });
    mailbox.server.resetHandlers(...createGraphHandlers(small));
    const folder = small.createFolder('contacts', 'K').id;
    const first = await deltaRound(`/me/contactFolders/${folder}/contacts/delta`);
    for (let i = 0; i < 3; i++) await deltaRound(`/me/contactFolders/${folder}/contacts/delta`);
    expect((await graph('GET', first.deltaLink)).status).toBe(410);
  });

  it('returns REST ids without the immutable-id preference, and removed REST ids too', async () => {
    const folder = store.createFolder('contacts', 'K').id;
    const item = store.createItem('contact', folder, { givenName: 'A' });
    const first = await deltaRound(`/me/contactFolders/${folder}/contacts/delta`, {});
    expect(first.values[0]!.id).toBe(item.restId);
    store.deleteItem('contact', item.immutableId);
    const second = await deltaRound(first.deltaLink, {});
    expect(second.values).toEqual([
      { '@odata.type': '#microsoft.graph.contact', id: item.restId, '@removed': { reason: 'deleted' } },
    ]);
  });

  it('refuses $filter and $expand on contact delta', async () => {
    const folder = store.createFolder('contacts', 'K').id;
    const r = await graph(
      'GET',
      `/me/contactFolders/${folder}/contacts/delta?$filter=${encodeURIComponent("givenName eq 'A'")}`,
    );
    expect([r.status, errorCode(r)]).toEqual([400, 'ErrorInvalidUrlQuery']);
  });
});

describe('To Do tasks delta', () => {
  it('tracks task changes and deletions per list', async () => {
    const list = store.createFolder('todo', 'Rückrufe').id;
    const t1 = store.createItem('task', list, { title: 'Rückruf Müller' }).immutableId;
    const t2 = store.createItem('task', list, { title: 'Rückruf Groß' }).immutableId;
    const first = await deltaRound(`/me/todo/lists/${list}/tasks/delta`);
    expect(first.values.map((v) => v.title).sort()).toEqual(['Rückruf Groß', 'Rückruf Müller']);
    store.updateItem('task', t1, { status: 'completed' });
    store.deleteItem('task', t2);
    const second = await deltaRound(first.deltaLink);
    expect(second.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: t1, status: 'completed' }),
        { '@odata.type': '#microsoft.graph.todoTask', id: t2, '@removed': { reason: 'deleted' } },
      ]),
    );
  });
});
