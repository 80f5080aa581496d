/**
 * Edits made before a cut connection survive the slow sync that follows (decision record 0102). Against the
 * sandbox CRM on loopback: it pairs a slow sync's items by name and keeps its own version, so an Outlook edit it
 * has not received comes back as the old version. Outlook's edit must stay and reach the CRM in the next
 * two-way run; a CRM edit must reach Outlook; the conflict policy decides only when both sides edited one item.
 */
import { describe, expect, it } from 'vitest';
import type { ConflictPolicyName } from '../../../src/core/sync/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import { cutConnection, syncUntilQuiet, type CutKind } from './cut-connection.js';
import { closeServersAfterEach, createSandboxWorld, person } from './sandbox-world.js';

closeServersAfterEach();

const ALL = ['Anna Alt', 'Berta Bach', 'Emil Ernst', 'Frida Fink'];
const FAMILY = { Anna: 'Alt', Berta: 'Bach' } as const;

/** Anna from the CRM, Berta from Outlook, synced; then Emil new in Outlook (an Add), Frida new in the CRM. */
async function setup(policy?: ConflictPolicyName) {
  const w = await createSandboxWorld(policy ? { policy } : {});
  const anna = w.crmCreate(person('Anna', 'Alt'));
  const bertaId = w.memory.userCreate(w.folder, person('Berta', 'Bach'));
  expect((await w.sync()).outcome).toBe('completed');
  const berta = w.server.store.listRecords('addressbook').find((r) => r.content.includes('Berta'))!.guid;
  w.memory.userCreate(w.folder, person('Emil', 'Ernst'));
  w.crmCreate(person('Frida', 'Fink'));
  const job = (name: string) => ({
    outlook: (
      w.memory.snapshot(w.folder).find((s) => (s.item as Contact).displayName === name)?.item as Contact
    ).jobTitle,
    crm: w.crmContacts().find((c) => c.displayName === name)?.jobTitle,
  });
  return {
    ...w,
    job,
    editInOutlook: (jobTitle: string) =>
      w.memory.userUpdate(w.folder, bertaId, person('Berta', 'Bach', { jobTitle })),
    editInCrm: (given: 'Anna' | 'Berta', jobTitle: string) =>
      w.crmUpdate(given === 'Anna' ? anna : berta, person(given, FAMILY[given], { jobTitle })),
    /** One run over a connection cut at message `at`. */
    async syncCut(at: number, lose: CutKind) {
      w.connection.transport = cutConnection(w.httpTransport, at, lose);
      const broken = await w.sync();
      w.connection.transport = w.httpTransport;
      return broken;
    },
  };
}

type World = Awaited<ReturnType<typeof setup>>;

/** The runs after the cut settle with every person once on each side. */
async function recover(w: World): Promise<void> {
  await syncUntilQuiet(() => w.sync());
  expect(w.outlookNames()).toEqual(ALL);
  expect(w.crmNames()).toEqual(ALL);
}

const CUTS = (['request', 'reply'] as const).flatMap((lose) => [2, 3].map((at) => [lose, at] as const));

describe('edits made before a cut connection', () => {
  it.each(CUTS)('the %s of message %i lost: both edits arrive, nothing doubles', async (lose, at) => {
    const w = await setup();
    w.editInOutlook('Outlook-Edit');
    w.editInCrm('Anna', 'CRM-Edit');
    expect((await w.syncCut(at, lose)).outcome).toBe('failed');
    await recover(w);
    expect(w.job('Berta Bach')).toEqual({ outlook: 'Outlook-Edit', crm: 'Outlook-Edit' });
    expect(w.job('Anna Alt')).toEqual({ outlook: 'CRM-Edit', crm: 'CRM-Edit' });
  });

  it('an Outlook edit the slow sync answered with the old version waits for the next two-way run', async () => {
    const w = await setup();
    w.editInOutlook('Outlook-Edit');
    await w.syncCut(2, 'request');
    const slow = await w.sync();
    expect(slow.folders[0]).toMatchObject({ sessionMode: 'slow', conflicts: 0 });
    expect(w.job('Berta Bach')).toEqual({ outlook: 'Outlook-Edit', crm: undefined });
    const next = await w.sync();
    expect(next.folders[0]).toMatchObject({ sessionMode: 'two-way', toCrm: { replaces: 1 } });
    expect(w.job('Berta Bach')).toEqual({ outlook: 'Outlook-Edit', crm: 'Outlook-Edit' });
  });

  it('CRM wins when both sides edited the same item (the default policy holds in the slow sync)', async () => {
    const w = await setup();
    w.editInOutlook('Outlook-Edit');
    w.editInCrm('Berta', 'CRM-Edit');
    await w.syncCut(2, 'request');
    const slow = await w.sync();
    expect(slow.folders[0]).toMatchObject({ sessionMode: 'slow', conflicts: 1 });
    await recover(w);
    expect(w.job('Berta Bach')).toEqual({ outlook: 'CRM-Edit', crm: 'CRM-Edit' });
  });

  it('with "Outlook wins", a CRM edit of an item Outlook did not touch is no conflict and arrives', async () => {
    const w = await setup('outlook-wins');
    w.editInOutlook('Outlook-Edit');
    w.editInCrm('Anna', 'CRM-Edit');
    await w.syncCut(2, 'request');
    const slow = await w.sync();
    expect(slow.folders[0]).toMatchObject({ sessionMode: 'slow', conflicts: 0 });
    await recover(w);
    expect(w.job('Anna Alt')).toEqual({ outlook: 'CRM-Edit', crm: 'CRM-Edit' });
    expect(w.job('Berta Bach')).toEqual({ outlook: 'Outlook-Edit', crm: 'Outlook-Edit' });
  });
});
