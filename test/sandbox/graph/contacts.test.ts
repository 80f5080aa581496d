import { describe, expect, it } from 'vitest';
import type { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { errorCode, graph, IMMUTABLE } from './graph-client.js';
import { useFreshMailbox } from './fresh-mailbox.js';

const CRM_ID = 'String {6f7b2a6e-1c1d-4c5e-9f2a-3c0b7d1e2a11} Name CrmId';

let store: MailboxStore;
useFreshMailbox((fresh) => ({ store } = fresh));

async function createFolder(name: string) {
  const r = await graph('POST', '/me/contactFolders', { displayName: name });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

describe('contact folders', () => {
  it('lists created folders but, like Graph, not the default Contacts folder', async () => {
    const id = await createFolder('Kunden');
    const list = await graph<{ value: { id: string; displayName: string; parentFolderId: string }[] }>(
      'GET',
      '/me/contactFolders',
    );
    expect(list.body.value.map((f) => f.displayName)).toEqual(['Kunden']);
    const defaultId = list.body.value[0]!.parentFolderId;
    expect(defaultId).not.toBe(id);
    const byWellKnown = await graph('GET', '/me/contactFolders/contacts');
    expect(byWellKnown.body).toMatchObject({ id: defaultId, displayName: 'Kontakte' });
  });

  it('refuses a duplicate name with 409 ErrorFolderExists and an empty name with 400', async () => {
    await createFolder('CRM Sync');
    const dup = await graph('POST', '/me/contactFolders', { displayName: 'crm sync' });
    expect(dup.status).toBe(409);
    expect(errorCode(dup)).toBe('ErrorFolderExists');
    const blank = await graph('POST', '/me/contactFolders', { displayName: '   ' });
    expect(blank.status).toBe(400);
  });

  it('filters by displayName and deletes a folder with its contacts', async () => {
    const id = await createFolder('Eigentümer');
    await graph('POST', `/me/contactFolders/${id}/contacts`, { givenName: 'Jürgen' });
    const found = await graph<{ value: unknown[] }>(
      'GET',
      `/me/contactFolders?$filter=${encodeURIComponent("displayName eq 'Eigentümer'")}`,
    );
    expect(found.body.value).toHaveLength(1);
    expect((await graph('DELETE', `/me/contactFolders/${id}`)).status).toBe(204);
    expect((await graph('GET', `/me/contactFolders/${id}/contacts`)).status).toBe(404);
  });
});

describe('contacts', () => {
  it('creates, reads, patches and deletes with change keys and timestamps', async () => {
    const folder = await createFolder('Kunden');
    const created = await graph('POST', `/me/contactFolders/${folder}/contacts`, {
      givenName: 'Björn',
      surname: 'Weiß',
      emailAddresses: [{ address: 'bjoern.weiss@example.com', name: 'Björn Weiß' }],
      businessPhones: ['+49 89 1234567'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      parentFolderId: folder,
      givenName: 'Björn',
      surname: 'Weiß',
      mobilePhone: null,
    });
    const id = created.body.id as string;
    const patched = await graph('PATCH', `/me/contacts/${id}`, { jobTitle: 'Makler' });
    expect(patched.body).toMatchObject({ jobTitle: 'Makler', givenName: 'Björn' });
    expect(patched.body.changeKey).not.toBe(created.body.changeKey);
    expect(patched.body['@odata.etag']).toBe(`W/"${String(patched.body.changeKey)}"`);
    expect((await graph('DELETE', `/me/contactFolders/${folder}/contacts/${id}`)).status).toBe(204);
    const gone = await graph('GET', `/me/contacts/${id}`);
    expect(gone.status).toBe(404);
    expect(errorCode(gone)).toBe('ErrorItemNotFound');
  });

  it('rejects unknown properties, a fourth e-mail address and malformed extended property ids', async () => {
    const unknown = await graph('POST', '/me/contacts', { givenName: 'A', favouriteColour: 'blue' });
    expect([unknown.status, errorCode(unknown)]).toEqual([400, 'RequestBodyRead']);
    const emails = [1, 2, 3, 4].map((n) => ({ address: `p${n}@example.com` }));
    const tooMany = await graph('POST', '/me/contacts', { givenName: 'A', emailAddresses: emails });
    expect([tooMany.status, errorCode(tooMany)]).toEqual([400, 'ErrorInvalidProperty']);
    const badProp = await graph('POST', '/me/contacts', {
      singleValueExtendedProperties: [{ id: 'CrmId', value: '1' }],
    });
    expect([badProp.status, errorCode(badProp)]).toEqual([400, 'ErrorInvalidProperty']);
    const list = await graph<{ value: unknown[] }>('GET', '/me/contacts');
    expect(list.body.value).toHaveLength(0);
  });

  it('pages with $top/$skip, selects fields and counts with $count=true and /$count', async () => {
    const folder = await createFolder('Kunden');
    for (let i = 0; i < 25; i++) store.createItem('contact', folder, { givenName: `P${i}`, surname: 'Test' });
    const first = await graph<{
      value: Record<string, unknown>[];
      '@odata.nextLink'?: string;
      '@odata.count'?: number;
    }>('GET', `/me/contactFolders/${folder}/contacts?$count=true&$select=givenName`);
    expect(first.body.value).toHaveLength(10);
    expect(first.body['@odata.count']).toBe(25);
    expect(Object.keys(first.body.value[0]!).sort()).toEqual(['@odata.etag', 'givenName', 'id']);
    expect(first.body['@odata.nextLink']).toContain('%24skip=10');
    const last = await graph<{ value: unknown[]; '@odata.nextLink'?: string }>(
      'GET',
      `/me/contactFolders/${folder}/contacts?$top=20&$skip=20`,
    );
    expect(last.body.value).toHaveLength(5);
    expect(last.body['@odata.nextLink']).toBeUndefined();
    const count = await graph('GET', `/me/contactFolders/${folder}/contacts/$count`);
    expect(count.body).toBe(25);
  });

  it('finds contacts by an extended property value and expands only the requested property', async () => {
    const folder = await createFolder('Kunden');
    for (const [name, crmId] of [
      ['Anna', 'crm-1'],
      ['Ömer', 'crm-2'],
      ['Zoë', undefined],
    ] as const) {
      await graph('POST', `/me/contactFolders/${folder}/contacts`, {
        givenName: name,
        ...(crmId
          ? {
              singleValueExtendedProperties: [
                { id: CRM_ID, value: crmId },
                { id: `${CRM_ID}Hash`, value: 'h' },
              ],
            }
          : {}),
      });
    }
    const filter = encodeURIComponent(
      `singleValueExtendedProperties/Any(ep: ep/id eq '${CRM_ID}' and ep/value eq 'CRM-2')`,
    );
    const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${CRM_ID}')`);
    const found = await graph<{ value: Record<string, unknown>[] }>(
      'GET',
      `/me/contactFolders/${folder}/contacts?$filter=${filter}&$expand=${expand}`,
    );
    expect(found.body.value.map((c) => c.givenName)).toEqual(['Ömer']);
    expect(found.body.value[0]!.singleValueExtendedProperties).toEqual([{ id: CRM_ID, value: 'crm-2' }]);
    // The Name part is case-sensitive, as on Graph.
    const wrongCase = encodeURIComponent(
      `singleValueExtendedProperties/Any(ep: ep/id eq '${CRM_ID.replace('CrmId', 'crmid')}' and ep/value eq 'crm-2')`,
    );
    expect(
      (await graph<{ value: unknown[] }>('GET', `/me/contactFolders/${folder}/contacts?$filter=${wrongCase}`))
        .body.value,
    ).toHaveLength(0);
    // Without $expand the property is not in the response.
    const plain = await graph<{ value: Record<string, unknown>[] }>(
      'GET',
      `/me/contactFolders/${folder}/contacts`,
    );
    expect(plain.body.value.every((c) => !('singleValueExtendedProperties' in c))).toBe(true);
  });

  it('keeps immutable ids across a move; REST ids change and the old one stops resolving', async () => {
    const a = await createFolder('A');
    const b = await createFolder('B');
    const immutable = await graph(
      'POST',
      `/me/contactFolders/${a}/contacts`,
      { givenName: 'Mover' },
      IMMUTABLE,
    );
    const immutableId = immutable.body.id as string;
    const restId = store.findItem(immutableId)!.restId;
    store.moveItem('contact', immutableId, b);
    const again = await graph('GET', `/me/contacts/${immutableId}`, undefined, IMMUTABLE);
    expect(again.body).toMatchObject({ id: immutableId, parentFolderId: b });
    expect((await graph('GET', `/me/contacts/${restId}`)).status).toBe(404);
    const byNewRest = await graph('GET', `/me/contactFolders/${b}/contacts`);
    expect((byNewRest.body.value as { id: string }[])[0]!.id).not.toBe(restId);
  });

  it('serves /users/{upn}/… as the signed-in mailbox', async () => {
    store.createItem('contact', store.defaultFolder('contacts').id, { givenName: 'A' });
    const r = await graph<{ value: unknown[] }>(
      'GET',
      `/users/${encodeURIComponent(store.user.userPrincipalName)}/contacts`,
    );
    expect(r.body.value).toHaveLength(1);
  });

  it('answers malformed JSON and unknown segments with Graph errors', async () => {
    const res = await fetch('https://graph.microsoft.com/v1.0/me/contacts', {
      method: 'POST',
      body: '{oops',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
    const unknown = await graph('GET', '/me/noSuchThing');
    expect([unknown.status, errorCode(unknown)]).toEqual([400, 'BadRequest']);
  });
});
