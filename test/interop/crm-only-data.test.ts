/**
 * CRM-only contact data against SyncEvolution's server (libsynthesis), decisions 0170/0171. Our CTCap
 * declares PHOTO, so the engine sends the photo; we write it to Outlook and read it back for every contact
 * we send, so a Replace built from the Outlook item still has it. GEO, which we don't declare, never reaches
 * us and stays the engine's on our Replace. The engine drops X- properties by itself whatever a client does
 * (decision 0130), so the X- id is checked on the sandbox CRM only (test/app/crm-only-data.test.ts).
 * Device ids 46–47 of the interop list belong to this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupGraphServer } from '../../src/sandbox/graph/node.js';
import { createWorld } from './faults/support/world.js';
import { SERVERS, type ServerHandle } from './servers.js';
import {
  changeInCrmAndSync,
  editCompanyInOutlookAndSync,
  outlookContact,
  PHOTO_BASE64,
  startWithBerta,
} from './support/crm-only-data.js';

const FIRST_DEVICE = 46;
const graph = setupGraphServer();
let handle: ServerHandle;
let device = FIRST_DEVICE;
beforeAll(async () => {
  graph.listen();
  handle = await SERVERS.find((s) => s.name === 'SyncEvolution')!.start();
});
afterAll(() => graph.close());

async function setup() {
  await handle.items.clear(handle.remoteUris.contacts);
  const world = await createWorld({
    graph,
    server: handle,
    kind: 'contacts',
    deviceId: handle.deviceIds[device++]!,
  });
  await startWithBerta(world);
  return world;
}

describe('CRM-only contact data and an Outlook edit (SyncEvolution)', () => {
  it('keeps the photo and GEO on the server after an Outlook edit of the company', async () => {
    const world = await setup();
    const inOutlook = await outlookContact(world);
    expect(inOutlook.photo?.base64).toBe(PHOTO_BASE64);
    expect(inOutlook.contact.extra.GEO).toBeUndefined(); // not in our CTCap: the engine doesn't send it
    const quiet = await world.sync();
    expect(quiet.folders[0]?.toCrm).toEqual({ adds: 0, replaces: 0, deletes: 0 });

    const { run, crm } = await editCompanyInOutlookAndSync(world, 'Neu GmbH');
    expect(run.folders[0]?.toCrm.replaces).toBe(1);
    expect(crm.company).toBe('Neu GmbH');
    expect(crm.photo?.base64).toBe(PHOTO_BASE64);
    expect(crm.extra).toMatchObject({ GEO: '48.137;11.575' });
  });

  it('does not bring back a photo removed on the server', async () => {
    const world = await setup();
    await changeInCrmAndSync(world, { company: 'Alt GmbH', crmId: '4711', photo: false });
    expect((await outlookContact(world)).contact.photo).toBeUndefined();
    const { crm } = await editCompanyInOutlookAndSync(world, 'Neu GmbH');
    expect(crm.company).toBe('Neu GmbH');
    expect(crm.photo).toBeUndefined();
  });
});
