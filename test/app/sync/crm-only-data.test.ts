/**
 * Regression (issue 6, data safety): CRM-only contact data survives an Outlook edit. The use cases over the
 * real Graph contact store on the emulator and the sandbox CRM in this process; the same scenario runs against
 * SyncEvolution's server in test/interop/crm-only-data.test.ts. Without decision 0170 the Replace built from
 * the Outlook item wiped the CRM's photo, its X- id and GEO.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { SERVERS, type ServerHandle } from '../../interop/servers.js';
import { createWorld } from '../../interop/faults/support/world.js';
import {
  changeInCrmAndSync,
  editCompanyInOutlookAndSync,
  outlookContact,
  PHOTO_BASE64,
  startWithBerta,
} from '../../interop/support/crm-only-data.js';

const graph = setupGraphServer();
let handle: ServerHandle;
let device = 0;
beforeAll(async () => {
  graph.listen();
  handle = await SERVERS.find((s) => s.name === 'sandbox CRM')!.start();
});
afterAll(async () => {
  await handle.stop();
  graph.close();
});

async function setup(beforeFirstSync?: () => void) {
  const world = await createWorld({
    graph,
    server: handle,
    kind: 'contacts',
    deviceId: handle.deviceIds[device++]!,
  });
  await handle.items.clear(handle.remoteUris.contacts);
  await startWithBerta(world, beforeFirstSync);
  return world;
}

describe('CRM-only contact data and an Outlook edit (sandbox CRM in process)', () => {
  it('brings the CRM photo into Outlook, and the CRM keeps photo, X- id and GEO after an Outlook edit', async () => {
    const world = await setup();
    const inOutlook = await outlookContact(world);
    expect(inOutlook.photo).toEqual({ contentType: 'image/jpeg', base64: PHOTO_BASE64 });
    expect(inOutlook.contact.extra).toMatchObject({ 'X-CRM-ID': '4711', GEO: '48.137;11.575' });
    const quiet = await world.sync(); // our own write, photo and carry included, reads back as an echo
    expect(quiet.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });

    const { run, crm } = await editCompanyInOutlookAndSync(world, 'Neu GmbH');
    expect(run.folders[0]?.toCrm.replaces).toBe(1);
    expect(crm.company).toBe('Neu GmbH');
    expect(crm.photo?.base64).toBe(PHOTO_BASE64);
    expect(crm.extra).toMatchObject({ 'X-CRM-ID': '4711', GEO: '48.137;11.575' });
  });

  it('takes a CRM edit of the X- id into Outlook, so the next Outlook edit sends the new value', async () => {
    const world = await setup();
    await changeInCrmAndSync(world, { company: 'Alt GmbH', crmId: '4712', photo: true });
    expect((await outlookContact(world)).contact.extra['X-CRM-ID']).toBe('4712');

    const { crm } = await editCompanyInOutlookAndSync(world, 'Neu GmbH');
    expect(crm.extra['X-CRM-ID']).toBe('4712');
    expect(crm.company).toBe('Neu GmbH');
    expect(crm.photo?.base64).toBe(PHOTO_BASE64);
  });

  it('does not bring back a photo the CRM removed', async () => {
    const world = await setup();
    await changeInCrmAndSync(world, { company: 'Alt GmbH', crmId: '4711', photo: false });
    const { crm } = await editCompanyInOutlookAndSync(world, 'Neu GmbH');
    expect(crm.company).toBe('Neu GmbH');
    expect(crm.photo).toBeUndefined();
    expect(crm.extra['X-CRM-ID']).toBe('4711');
  });

  it('never sends back a contact whose photo did not reach Outlook (it would clear the CRM photo)', async () => {
    const world = await setup(() =>
      graph.control.failNext({ method: 'PUT', pathIncludes: '/photo/', status: 503, count: 30 }),
    );
    expect((await outlookContact(world)).photo).toBeUndefined();
    const { run, crm } = await editCompanyInOutlookAndSync(world, 'Neu GmbH');
    expect(run.folders[0]?.toCrm.replaces).toBe(0);
    expect(crm.photo?.base64).toBe(PHOTO_BASE64);
    expect(crm.company).toBe('Alt GmbH');
  });
});
