import { describe, expect, it } from 'vitest';
import type { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { errorCode, graph, type GraphResult } from './graph-client.js';
import { useFreshMailbox } from './fresh-mailbox.js';

let store: MailboxStore;
useFreshMailbox((fresh) => ({ store } = fresh));

const EXT = 'com.example.crmsync';

async function newList(name = 'Rückrufe') {
  const r = await graph('POST', '/me/todo/lists', { displayName: name });
  expect(r.status).toBe(201);
  return String(r.body.id);
}

describe('To Do lists and tasks', () => {
  it('lists the default list first and creates new ones', async () => {
    await newList();
    const lists = await graph<{ value: Record<string, unknown>[] }>('GET', '/me/todo/lists');
    expect(lists.body.value.map((l) => [l.displayName, l.wellknownListName])).toEqual([
      ['Aufgaben', 'defaultList'],
      ['Rückrufe', 'none'],
    ]);
  });

  it('creates a task with an open extension and a linked resource, and reads them back', async () => {
    const list = await newList();
    const created = await graph('POST', `/me/todo/lists/${list}/tasks`, {
      title: 'Rückruf: Frau Weiß wegen Exposé',
      dueDateTime: { dateTime: '2026-03-20T00:00:00', timeZone: 'W. Europe Standard Time' },
      extensions: [
        { '@odata.type': '#microsoft.graph.openTypeExtension', extensionName: EXT, luid: 'T17', hash: 'abc' },
      ],
      linkedResources: [
        {
          applicationName: 'CRM',
          displayName: 'Vorgang 4711',
          externalId: '4711',
          webUrl: 'https://crm.example.com/4711',
        },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'notStarted', importance: 'normal' });
    expect(created.body['@odata.etag']).toMatch(/^W\//);
    const id = String(created.body.id);
    const expanded = await graph(
      'GET',
      `/me/todo/lists/${list}/tasks/${id}?$expand=extensions($filter=id eq '${EXT}')`,
    );
    expect(expanded.body.extensions).toEqual([
      {
        '@odata.type': '#microsoft.graph.openTypeExtension',
        id: EXT,
        extensionName: EXT,
        luid: 'T17',
        hash: 'abc',
      },
    ]);
    const links = await graph<{ value: Record<string, unknown>[] }>(
      'GET',
      `/me/todo/lists/${list}/tasks/${id}/linkedResources`,
    );
    expect(links.body.value[0]).toMatchObject({ externalId: '4711', applicationName: 'CRM' });
  });

  it('replaces an open extension whole on PATCH and refuses a second one of the same name', async () => {
    const list = await newList();
    const task = store.createItem('task', list, {
      title: 'T',
      extensions: [{ extensionName: EXT, luid: 'T1', hash: 'h1' }],
    });
    const base = `/me/todo/lists/${list}/tasks/${task.immutableId}/extensions`;
    const patched = await graph('PATCH', `${base}/${EXT}`, { hash: 'h2' });
    expect(patched.body).toEqual({
      '@odata.type': '#microsoft.graph.openTypeExtension',
      id: EXT,
      extensionName: EXT,
      hash: 'h2',
    });
    const dup = await graph('POST', base, { extensionName: EXT, luid: 'x' });
    expect([dup.status, errorCode(dup)]).toEqual([409, 'NameAlreadyExists']);
    expect((await graph('DELETE', `${base}/${EXT}`)).status).toBe(204);
    expect((await graph<{ value: unknown[] }>('GET', base)).body.value).toEqual([]);
  });

  it('rejects extended properties on tasks (To Do has none) and a task without a title', async () => {
    const list = await newList();
    const withProps = await graph('POST', `/me/todo/lists/${list}/tasks`, {
      title: 'x',
      singleValueExtendedProperties: [
        { id: 'String {6f7b2a6e-1c1d-4c5e-9f2a-3c0b7d1e2a11} Name CrmId', value: '1' },
      ],
    });
    expect([withProps.status, errorCode(withProps)]).toEqual([400, 'RequestBodyRead']);
    const untitled = await graph('POST', `/me/todo/lists/${list}/tasks`, { title: '  ' });
    expect(untitled.status).toBe(400);
    expect(store.countItems(list)).toBe(0);
  });

  it('patches and deletes tasks; a task id changes when it moves to another list', async () => {
    const list = await newList();
    const other = await newList('Aufgaben 2');
    const task = store.createItem('task', list, { title: 'T' });
    const done = await graph('PATCH', `/me/todo/lists/${list}/tasks/${task.immutableId}`, {
      status: 'completed',
    });
    expect(done.body).toMatchObject({ status: 'completed' });
    const wrongList = await graph('GET', `/me/todo/lists/${other}/tasks/${task.immutableId}`);
    expect(wrongList.status).toBe(404);
    const oldId = task.immutableId;
    const moved = store.moveItem('task', oldId, other);
    expect(moved.immutableId).not.toBe(oldId);
    expect((await graph('GET', `/me/todo/lists/${list}/tasks/${oldId}`)).status).toBe(404);
    expect((await graph('DELETE', `/me/todo/lists/${other}/tasks/${moved.immutableId}`)).status).toBe(204);
  });
});

describe('To Do dates', () => {
  it('returns a due day written as local midnight as a UTC instant, and completedDateTime as UTC midnight', async () => {
    const list = await newList();
    const created = await graph('POST', `/me/todo/lists/${list}/tasks`, {
      title: 'Exposé',
      dueDateTime: { dateTime: '2026-03-20T00:00:00', timeZone: 'W. Europe Standard Time' },
      status: 'completed',
      completedDateTime: { dateTime: '2026-03-19T00:00:00', timeZone: 'W. Europe Standard Time' },
    });
    expect(created.body).toMatchObject({
      dueDateTime: { dateTime: '2026-03-19T23:00:00.0000000', timeZone: 'UTC' },
      completedDateTime: { dateTime: '2026-03-19T00:00:00.0000000', timeZone: 'UTC' },
    });
    const local = await graph('GET', `/me/todo/lists/${list}/tasks/${String(created.body.id)}`, undefined, {
      Prefer: 'outlook.timezone="W. Europe Standard Time"',
    });
    expect(local.body.dueDateTime).toEqual({
      dateTime: '2026-03-20T00:00:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });
    const bad = await graph('POST', `/me/todo/lists/${list}/tasks`, {
      title: 'x',
      dueDateTime: { dateTime: '2026-02-30T00:00:00', timeZone: 'UTC' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('To Do delta with extensions', () => {
  it('carries $expand=extensions from the first request through the whole round', async () => {
    const list = await newList();
    for (let i = 0; i < 3; i++)
      store.createItem('task', list, { title: `T${i}`, extensions: [{ extensionName: EXT, luid: `L${i}` }] });
    let url: string | undefined = `/me/todo/lists/${list}/tasks/delta?$expand=extensions`;
    const seen: Record<string, unknown>[] = [];
    while (url) {
      const page: GraphResult<{ value: Record<string, unknown>[]; '@odata.nextLink'?: string }> = await graph(
        'GET',
        url,
        undefined,
        {
          Prefer: 'odata.maxpagesize=2',
        },
      );
      seen.push(...page.body.value);
      url = page.body['@odata.nextLink'];
    }
    expect(seen.map((t) => (t.extensions as { luid: string }[])[0]!.luid).sort()).toEqual(['L0', 'L1', 'L2']);
  });
});

describe('open extensions on contacts', () => {
  it('adds and expands an open extension with the Outlook id prefix', async () => {
    const contact = store.createItem('contact', store.defaultFolder('contacts').id, { givenName: 'A' });
    const added = await graph('POST', `/me/contacts/${contact.restId}/extensions`, {
      extensionName: EXT,
      luid: 'C1',
    });
    expect(added.body).toMatchObject({
      id: `Microsoft.OutlookServices.OpenTypeExtension.${EXT}`,
      luid: 'C1',
    });
    const filter = encodeURIComponent(
      `Extensions/any(f:f/id eq 'Microsoft.OutlookServices.OpenTypeExtension.${EXT}')`,
    );
    const found = await graph<{ value: Record<string, unknown>[] }>(
      'GET',
      `/me/contacts?$filter=${filter}&$expand=Extensions($filter=id eq '${EXT}')`,
    );
    expect(found.body.value).toHaveLength(1);
    expect(found.body.value[0]!.extensions).toEqual([
      expect.objectContaining({ extensionName: EXT, luid: 'C1' }),
    ]);
  });
});
