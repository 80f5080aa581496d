import { describe, expect, it } from 'vitest';
import { applyFields } from '../../../src/server/crm/content/record-fields.js';
import { closeWorldsAfterEach, createPaneWorld } from './pane-world.js';

closeWorldsAfterEach();
const never = new AbortController().signal;
const noProgress = () => undefined;
const keepGoing = async () => 'continue' as const;

async function setup() {
  const world = await createPaneWorld();
  const anna = (await world.addContact(world.contacts, 'Anna', 'Weiß')) as { id: string };
  const pane = await world.openPane();
  await pane.run(never, noProgress, keepGoing);
  return { world, pane, annaId: anna.id };
}

const companies = (world: Awaited<ReturnType<typeof createPaneWorld>>) =>
  world.client
    .getAll<{ companyName?: string }>(`/me/contactFolders/${world.contacts}/contacts`)
    .then((r) => r.items.map((c) => c.companyName));

describe('conflicts in the pane', () => {
  it('journals both versions when both sides changed, and restores the losing one', async () => {
    const { world, pane, annaId } = await setup();
    await world.client.request('PATCH', `/me/contacts/${annaId}`, { body: { companyName: 'Outlook GmbH' } });
    const [record] = world.crm.store.listRecords('addressbook');
    const content = applyFields('addressbook', record!.content, { company: 'CRM AG' }, new Date());
    world.crm.store.updateRecord('addressbook', record!.guid, content, record!.contentType, 'web');

    const run = await pane.run(never, noProgress, keepGoing);
    expect(run.folders[0]?.conflicts).toBe(1);
    expect(await companies(world)).toEqual(['CRM AG']);
    const [newest] = await pane.history();
    const conflict = newest!.folders[0]!.entries.find((e) => e.result === 'conflict');
    expect(conflict?.result === 'conflict' && conflict.conflict).toMatchObject({
      winner: 'crm',
      crmVersion: { company: 'CRM AG' },
      outlookVersion: { company: 'Outlook GmbH' },
    });

    await pane.restore(newest!.runId, conflict!.entryId);
    expect(await companies(world)).toEqual(['Outlook GmbH']);
    await pane.run(never, noProgress, keepGoing);
    expect(world.crm.store.listRecords('addressbook')[0]?.content).toContain('Outlook GmbH');
  });
});
