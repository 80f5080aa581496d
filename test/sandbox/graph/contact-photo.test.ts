import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphEmulator } from '../../../src/sandbox/graph/handlers.js';
import type { GraphEmulatorControl } from '../../../src/sandbox/graph/control.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { errorCode, graph, GRAPH, type DeltaPage } from './graph-client.js';

/** A tiny PNG's first bytes and a JPEG start: the emulator stores bytes, it does not decode images. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0x00]);
const JPEG_BASE64 = '/9j/4AAQSkZJRgABAQEASABIAAD/2w==';

function setup() {
  const mailbox = setupGraphServer();
  let control: GraphEmulatorControl | undefined;
  return {
    mailbox,
    reset() {
      const emulator = createGraphEmulator(new MailboxStore());
      control = emulator.control;
      mailbox.server.resetHandlers(...emulator.handlers);
    },
    control: () => control!,
  };
}

const { mailbox, reset, control } = setup();
beforeAll(() => mailbox.listen());
beforeEach(() => reset());
afterAll(() => mailbox.close());

async function newContact(): Promise<string> {
  const r = await graph('POST', '/me/contacts', { givenName: 'Bild', surname: 'Test' });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

const putPhoto = (id: string, bytes: Uint8Array, type = 'image/png') =>
  fetch(`${GRAPH}/me/contacts/${id}/photo/$value`, {
    method: 'PUT',
    headers: { 'Content-Type': type },
    body: bytes as Uint8Array<ArrayBuffer>,
  });

describe('contact photo ($value)', () => {
  it('answers 404 without a photo, keeps the bytes of a PUT and gives them back as binary', async () => {
    const id = await newContact();
    expect(errorCode(await graph('GET', `/me/contacts/${id}/photo/$value`))).toBe('ErrorItemNotFound');
    expect((await putPhoto(id, PNG)).status).toBe(204);
    const back = await fetch(`${GRAPH}/me/contacts/${id}/photo/$value`);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(PNG);
  });

  it('takes and gives base64 bodies inside a $batch, and DELETE removes the photo', async () => {
    const id = await newContact();
    const url = `/me/contactFolders/contacts/contacts/${id}/photo/$value`;
    const batch = await graph<{ responses: Array<{ id: string; status: number; body?: unknown }> }>(
      'POST',
      '/$batch',
      {
        requests: [
          { id: '1', method: 'PUT', url, headers: { 'Content-Type': 'image/jpeg' }, body: JPEG_BASE64 },
          { id: '2', method: 'GET', url, dependsOn: ['1'] },
        ],
      },
    );
    const byId = new Map(batch.body.responses.map((r) => [r.id, r]));
    expect(byId.get('1')?.status).toBe(204);
    expect(byId.get('2')).toMatchObject({ status: 200, body: JPEG_BASE64 });
    expect((await graph('DELETE', `/me/contacts/${id}/photo/$value`)).status).toBe(204);
    expect((await graph('GET', `/me/contacts/${id}/photo/$value`)).status).toBe(404);
    expect(errorCode(await graph('DELETE', `/me/contacts/${id}/photo/$value`))).toBe('ErrorItemNotFound');
  });

  it('refuses a body that is not an image, and counts photo requests like any other', async () => {
    const id = await newContact();
    control().resetCounters();
    const asJson = await graph('PUT', `/me/contacts/${id}/photo/$value`, { not: 'an image' });
    expect(asJson.status).toBe(400);
    expect((await putPhoto(id, new Uint8Array(0))).status).toBe(400);
    expect(control().counters.byEndpoint['PUT /me/contacts/{id}/photo/$value']).toBe(2);
    expect(control().counters.total).toBe(2);
  });

  it('changes the contact: delta reports it and its change key is new', async () => {
    const id = await newContact();
    const first = await graph<DeltaPage>('GET', '/me/contactFolders/contacts/contacts/delta?$select=id');
    const before = (await graph('GET', `/me/contacts/${id}`)).body.changeKey;
    await putPhoto(id, PNG);
    const next = await graph<DeltaPage>('GET', first.body['@odata.deltaLink']!);
    expect(next.body.value.map((v) => v.id)).toEqual([id]);
    expect((await graph('GET', `/me/contacts/${id}`)).body.changeKey).not.toBe(before);
  });
});
