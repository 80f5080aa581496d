import { describe, expect, it } from 'vitest';
import {
  applyReview,
  checkDuplicates,
  keyValueDecisionStore,
  withStoredDecisions,
} from '../../../src/app/dedupe/index.js';
import { runSync } from '../../../src/app/sync/index.js';
import { linkAllAbove, startReview } from '../../../src/core/dedupe/index.js';
import { useSandboxCrmWorlds } from './sandbox-crm.js';
import { contact } from './world.js';

const startWorld = useSandboxCrmWorlds();

async function setup() {
  const { server, world, checkRequest, crmCreate } = await startWorld('dedupe-kv');
  const values = new Map<string, unknown>();
  const kv = {
    get: async (k: string) => values.get(k),
    set: async (k: string, v: unknown) => void values.set(k, v),
  };
  const store = keyValueDecisionStore(kv);
  crmCreate(
    contact('Jana Vogel', {
      emails: [{ kind: 'work', address: 'jana@vogel.example' }],
      jobTitle: 'Maklerin',
    }),
  );
  world.memory.userCreate(
    world.folder,
    contact('Jana Vogel', { emails: [{ kind: 'work', address: 'jana@vogel.example' }], company: 'Vogel KG' }),
  );
  const crmNames = () =>
    server.store
      .listRecords('addressbook')
      .filter((r) => !r.deleted)
      .map((r) => r.content);
  return { server, world, checkRequest, store, values, kv, crmNames };
}

describe('decisions in a key/value store (the pane)', () => {
  it('the decorated ports link on the first run, send the merge on the next, then change nothing', async () => {
    const { world, checkRequest, store, crmNames, values } = await setup();
    const ports = { ...world.ports, decisions: store };
    const check = await checkDuplicates(ports, checkRequest);
    await applyReview(ports, check, linkAllAbove(startReview(check.pairs), 90));
    const decorated = withStoredDecisions(world.ports, store);
    const first = await runSync(decorated, world.request);
    expect(first.folders[0]).toMatchObject({ toCrm: { adds: 0 }, toOutlook: { creates: 0, updates: 1 } });
    expect(world.outlookContacts()).toHaveLength(1);
    expect(world.outlookContacts()[0]).toMatchObject({ jobTitle: 'Maklerin', company: 'Vogel KG' });
    expect([...values.values()]).toEqual([null]);
    const second = await runSync(decorated, world.request);
    expect(second.folders[0]).toMatchObject({ toCrm: { adds: 0, replaces: 1 } });
    expect(crmNames()).toHaveLength(1);
    expect(crmNames()[0]).toContain('Vogel KG');
    const third = await runSync(decorated, world.request);
    expect(third.folders[0]).toMatchObject({
      toCrm: { adds: 0, replaces: 0, deletes: 0 },
      toOutlook: { creates: 0, updates: 0, deletes: 0 },
    });
  });

  it('refuses malformed stored decisions with BAD_STORED_DECISIONS', async () => {
    const { store, kv, world } = await setup();
    await kv.set(`duplicate-decisions.${world.folder}`, { kind: 'contact', links: 'oops' });
    await expect(store.load(world.folder)).rejects.toMatchObject({ code: 'BAD_STORED_DECISIONS' });
  });
});
