/**
 * The convergence property against a server we did not write the fake for: the sandbox CRM with its own
 * slow-sync pairing, conflict policy and fault injection, through the real SyncML client and formats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeVCard } from '../../../src/core/formats/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import { closeServersAfterEach, createSandboxWorld, graphShape, person } from './sandbox-world.js';

closeServersAfterEach();

type Op =
  | { kind: 'outlook-create' | 'crm-create' | 'sync' }
  | { kind: 'outlook-edit' | 'crm-edit' | 'outlook-delete' | 'crm-delete'; pick: number }
  | { kind: 'cut'; afterMessage: number }
  | { kind: 'cancel'; after: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom<Op>({ kind: 'outlook-create' }, { kind: 'crm-create' }, { kind: 'sync' }),
  fc.record({
    kind: fc.constantFrom('outlook-edit', 'crm-edit', 'outlook-delete', 'crm-delete') as fc.Arbitrary<
      'outlook-edit' | 'crm-edit' | 'outlook-delete' | 'crm-delete'
    >,
    pick: fc.nat(10),
  }),
  fc.record({ kind: fc.constant('cut' as const), afterMessage: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('cancel' as const), after: fc.nat(3) }),
);

async function setup() {
  const w = await createSandboxWorld();
  let serial = 0;
  const go = { confirmDeletions: async () => 'continue' as const };
  const live = () => w.server.store.listRecords('addressbook').filter((r) => !r.deleted);
  const apply = async (op: Op): Promise<void> => {
    const items = w.memory.snapshot(w.folder);
    const records = live();
    const pickItem = (n: number) => items[n % Math.max(1, items.length)];
    const pickRecord = (n: number) => records[n % Math.max(1, records.length)];
    switch (op.kind) {
      case 'outlook-create':
        return void w.memory.userCreate(w.folder, graphShape(person(`Olga${++serial}`, 'Test')));
      case 'crm-create':
        return void w.crmCreate(person(`Carl${++serial}`, 'Test'));
      case 'outlook-edit': {
        const target = pickItem(op.pick);
        if (target)
          w.memory.userUpdate(w.folder, target.id, { ...(target.item as Contact), jobTitle: `o${++serial}` });
        return;
      }
      case 'crm-edit': {
        const r = pickRecord(op.pick);
        const c = r && w.crmContacts().find((x) => r.content.includes(x.displayName ?? '\u0000'));
        if (r && c) {
          const text = serializeVCard({ ...c, jobTitle: `c${++serial}` }, '3.0').text;
          w.server.store.updateRecord('addressbook', r.guid, text, 'text/vcard', 'web');
        }
        return;
      }
      case 'outlook-delete': {
        const target = pickItem(op.pick);
        if (target) w.memory.userDelete(w.folder, target.id);
        return;
      }
      case 'crm-delete': {
        const r = pickRecord(op.pick);
        if (r) w.server.store.deleteRecord('addressbook', r.guid, 'web');
        return;
      }
      case 'sync':
        return void (await w.sync(go));
      case 'cut':
        w.server.faults.add({ kind: 'drop-connection', afterMessage: op.afterMessage, times: 2 });
        await w.sync(go);
        w.server.faults.clear();
        return;
      case 'cancel': {
        const controller = new AbortController();
        let events = 0;
        await w.sync({
          ...go,
          signal: controller.signal,
          onProgress: () => void (++events > op.after && controller.abort()),
        });
        return;
      }
    }
  };
  return { ...w, apply, settle: async () => void (await w.sync(go), await w.sync(go)) };
}

describe('convergence against the sandbox CRM', () => {
  it('leaves both sides with the same contacts, each once, after any history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 10 }), async (ops) => {
        const w = await setup();
        for (const op of ops) await w.apply(op);
        await w.settle();
        const outlook = w.outlookNames();
        const crm = w.crmNames();
        expect(new Set(outlook).size).toBe(outlook.length);
        expect(new Set(crm).size).toBe(crm.length);
        expect(outlook).toEqual(crm);
      }),
      { numRuns: 40, seed: 20261121 },
    );
  });
});
