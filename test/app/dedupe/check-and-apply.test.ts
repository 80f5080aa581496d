import { describe, expect, it } from 'vitest';
import {
  applyReview,
  checkDuplicates,
  DedupeError,
  runSyncWithDecisions,
} from '../../../src/app/dedupe/index.js';
import { decide, linkAllAbove, startReview } from '../../../src/core/dedupe/index.js';
import { useSandboxCrmWorlds } from './sandbox-crm.js';
import { contact } from './world.js';

const startWorld = useSandboxCrmWorlds();

async function setup() {
  const w = await startWorld('dedupe-unit');
  const outlookCreate = (name: string, extra: Parameters<typeof contact>[1]) =>
    w.world.memory.userCreate(w.world.folder, contact(name, extra));
  w.crmCreate(contact('Jana Vogel', { emails: [{ kind: 'work', address: 'jana@vogel.example' }] }));
  w.crmCreate(contact('Emil Roth', { phones: [{ kind: 'mobile', number: '+49 160 5550001' }] }));
  outlookCreate('Jana Vogel', { emails: [{ kind: 'work', address: 'JANA@vogel.example' }] });
  outlookCreate('Emil Roth', { phones: [{ kind: 'mobile', number: '0160 5550001' }] });
  // The same person twice inside Outlook.
  outlookCreate('Lea Sommer', { emails: [{ kind: 'work', address: 'lea@sommer.example' }] });
  outlookCreate('Lea Sommer', { emails: [{ kind: 'home', address: 'Lea@Sommer.example' }] });
  return w;
}

describe('checkDuplicates', () => {
  it('lists pairs with both names and items, duplicates within the folder, and reports its phases', async () => {
    const { world, checkRequest } = await setup();
    const phases: string[] = [];
    const check = await checkDuplicates(world.ports, {
      ...checkRequest,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(phases).toEqual(['outlook', 'crm', 'matching', 'done']);
    expect(check).toMatchObject({ outlookItems: 4, crmItems: 2, synced: false });
    expect(
      check.pairs
        .map((p) => [
          p.outlook.name,
          p.crm.name,
          p.reasons.includes('same-email') || p.reasons.includes('same-mobile'),
        ])
        .sort(),
    ).toEqual([
      ['Emil Roth', 'Emil Roth', true],
      ['Jana Vogel', 'Jana Vogel', true],
    ]);
    expect(check.withinOutlook).toHaveLength(1);
    expect(check.withinOutlook[0]!.first.name).toBe('Lea Sommer');
  });

  it('commits nothing: a later first sync still starts slow and the CRM keeps its records', async () => {
    const { world, check, server } = await setup();
    await check();
    expect(await world.ports.stateStore.load(world.folder)).toBeUndefined();
    expect(server.store.listRecords('addressbook').filter((r) => !r.deleted)).toHaveLength(2);
  });

  it('a cancelled check fails with ABORTED', async () => {
    const { world, checkRequest } = await setup();
    const controller = new AbortController();
    controller.abort();
    await expect(
      checkDuplicates(world.ports, { ...checkRequest, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('applyReview', () => {
  it('stores links with merged items and skips, including a within-Outlook skip', async () => {
    const { world, check } = await setup();
    const result = await check();
    let review = linkAllAbove(startReview(result.pairs), 90);
    review = decide(review, 0, { action: 'link', fields: { displayName: 'outlook' } });
    const lea = result.withinOutlook[0]!.second.id;
    const applied = await applyReview(world.ports, result, review, [lea]);
    expect(applied.summary.linked).toBe(2);
    const stored = await world.decisions.load(world.folder);
    expect(stored?.links.map((l) => l.guid).sort()).toEqual(result.pairs.map((p) => p.crm.guid).sort());
    expect(stored?.skipped).toEqual([lea]);
  });

  it('refuses a review of another check (REVIEW_MISMATCH) and a folder that synced (ALREADY_SYNCED)', async () => {
    const { world, check } = await setup();
    const result = await check();
    await expect(applyReview(world.ports, result, startReview([]))).rejects.toMatchObject({
      code: 'REVIEW_MISMATCH',
    });
    const [run] = await runSyncWithDecisions(world.ports, world.request);
    expect(run!.outcome).toBe('completed');
    const again = await check();
    expect(again.synced).toBe(true);
    const error = await applyReview(world.ports, again, startReview(again.pairs)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DedupeError);
    expect(error).toMatchObject({ code: 'ALREADY_SYNCED' });
  });

  it('the skipped within-Outlook duplicate stays out of the first sync and of later ones', async () => {
    const { world, check, server } = await setup();
    const result = await check();
    const lea = result.withinOutlook[0]!.second.id;
    await applyReview(world.ports, result, linkAllAbove(startReview(result.pairs), 90), [lea]);
    await runSyncWithDecisions(world.ports, world.request);
    world.memory.userUpdate(world.folder, lea, contact('Lea Sommer', { note: 'edited' }));
    await runSyncWithDecisions(world.ports, world.request);
    const names = server.store
      .listRecords('addressbook')
      .filter((r) => !r.deleted)
      .map((r) => /FN:(.*)\r?\n/.exec(r.content)?.[1])
      .sort();
    expect(names).toEqual(['Emil Roth', 'Jana Vogel', 'Lea Sommer']);
    expect((await world.decisions.load(world.folder))?.links).toEqual([]);
  });
});

describe('per-field choice', () => {
  it("the user's pick for a field reaches both sides; other fields follow the newer side", async () => {
    const { server, world, check: checkNow, crmCreate } = await startWorld('dedupe-fields');
    crmCreate(
      contact('Nina Ost', {
        emails: [{ kind: 'work', address: 'nina@ost.example' }],
        company: 'Ost Immobilien',
        jobTitle: 'Inhaberin',
      }),
    );
    world.memory.userCreate(
      world.folder,
      contact('Nina Ost', {
        emails: [{ kind: 'work', address: 'nina@ost.example' }],
        company: 'Ost Makler GmbH',
        jobTitle: 'Maklerin',
      }),
    );
    const check = await checkNow();
    await applyReview(
      world.ports,
      check,
      decide(startReview(check.pairs), 0, { action: 'link', fields: { company: 'outlook' } }),
    );
    const runs = await runSyncWithDecisions(world.ports, world.request);
    expect(runs.every((r) => r.outcome === 'completed')).toBe(true);
    const crm = server.store.listRecords('addressbook').filter((r) => !r.deleted);
    expect(crm).toHaveLength(1);
    expect(crm[0]!.content).toContain('ORG:Ost Makler GmbH');
    expect(crm[0]!.content).toContain('TITLE:Inhaberin');
    expect(world.outlookContacts()).toEqual([
      expect.objectContaining({ company: 'Ost Makler GmbH', jobTitle: 'Inhaberin' }),
    ]);
  });
});
