/**
 * The CRM-only-data scenario (issue 6, docs/decisions/0170): a CRM contact with a photo, an X- id and a
 * property Graph has no field for (GEO) goes to Outlook, the user edits it there, and the CRM must still hold
 * all three next to the new company. Shared by the app-level test (sandbox CRM in process) and the interop
 * test (SyncEvolution's server as well), both over the Graph emulator and the real Graph contact store.
 */
import { parseVCard } from '../../../src/core/formats/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import type { World } from '../faults/support/world.js';

/** A real (tiny) JPEG, so a server that inspects images takes it. */
export const PHOTO_BASE64 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////' +
  '////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z';

export const NAME = 'Berta Bild';

/** The CRM's card: 3.0 as the sandbox stores it and SyncEvolution's file backend reads it. */
export function crmCard(options: { company: string; crmId: string; photo: boolean }): string {
  const photo = options.photo ? [`PHOTO;ENCODING=b;TYPE=JPEG:${PHOTO_BASE64}`] : [];
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Bild;Berta;;;',
    `FN:${NAME}`,
    `ORG:${options.company}`,
    'TEL;TYPE=WORK:+49 89 1234567',
    'EMAIL;TYPE=INTERNET:berta.bild@example.com',
    ...photo,
    `X-CRM-ID:${options.crmId}`,
    'GEO:48.137;11.575',
    'END:VCARD',
    '',
  ].join('\r\n');
}

const FILE_ID = 'berta-bild.vcf';

/** The CRM's record of Berta as a contact, and its id on the server. */
export async function serverContact(world: World): Promise<{ id: string; contact: Contact }> {
  const uri = world.server.remoteUris.contacts;
  for (const item of await world.server.items.list(uri)) {
    const parsed = parseVCard(item.data);
    if (parsed.ok && parsed.value.displayName === NAME) return { id: item.id, contact: parsed.value };
  }
  throw new Error(`the server has no ${NAME}`);
}

/** The CRM user creates or edits Berta (on the CRM page, or as SyncEvolution's file). */
export async function writeInCrm(world: World, card: string, id = FILE_ID): Promise<void> {
  await world.server.items.write(world.server.remoteUris.contacts, id, card);
}

/** Berta as Outlook holds her: Graph id, the model, and the photo the emulator keeps. */
export async function outlookContact(world: World) {
  const stored = (await world.store.readAll(world.folderId)).find(
    (s) => s.item.kind === 'contact' && s.item.displayName === NAME,
  );
  if (!stored) throw new Error(`Outlook has no ${NAME}`);
  return {
    id: stored.id,
    contact: stored.item as Contact,
    photo: world.graph.store.findItem(stored.id)?.photo,
  };
}

/** The CRM has Berta with photo, X- id and GEO; a first sync brings her to Outlook. */
export async function startWithBerta(world: World, beforeFirstSync: () => void = () => undefined) {
  await writeInCrm(world, crmCard({ company: 'Alt GmbH', crmId: '4711', photo: true }));
  beforeFirstSync();
  await world.sync();
}

/** The CRM user changes Berta (by the card's options), then a sync. */
export async function changeInCrmAndSync(world: World, card: Parameters<typeof crmCard>[0]) {
  const { id } = await serverContact(world);
  await writeInCrm(world, crmCard(card), id);
  return world.sync();
}

/** The user changes the company in Outlook, then a sync; the run and Berta as the CRM has her then. */
export async function editCompanyInOutlookAndSync(world: World, company: string) {
  const { id } = await outlookContact(world);
  await world.client.request('PATCH', `/me/contactFolders/${world.folderId}/contacts/${id}`, {
    body: { companyName: company },
  });
  const run = await world.sync();
  return { run, crm: (await serverContact(world)).contact };
}
