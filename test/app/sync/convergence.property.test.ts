/**
 * Property: whatever both sides do between runs — creates, edits, deletes, cancelled runs, cut connections —
 * two clean runs later Outlook and the CRM hold the same items, each exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSync } from '../../../src/app/sync/index.js';
import { createWorld } from './harness.js';

type Op =
  | { kind: 'outlook-create' | 'crm-create' }
  | { kind: 'outlook-edit' | 'crm-edit' | 'outlook-delete' | 'crm-delete'; pick: number }
  | { kind: 'sync' | 'cut' }
  | { kind: 'cancel'; after: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom<Op>({ kind: 'outlook-create' }, { kind: 'crm-create' }, { kind: 'sync' }, { kind: 'cut' }),
  fc.record({
    kind: fc.constantFrom('outlook-edit', 'crm-edit', 'outlook-delete', 'crm-delete') as fc.Arbitrary<
      'outlook-edit' | 'crm-edit' | 'outlook-delete' | 'crm-delete'
    >,
    pick: fc.nat(20),
  }),
  fc.record({ kind: fc.constant('cancel' as const), after: fc.nat(3) }),
);

function setup() {
  const w = createWorld();
  let serial = 0;
  const continueAlways = { confirmDeletions: async () => 'continue' as const };
  const apply = async (op: Op) => {
    const outlookItems = w.outlook.snapshot(w.folder);
    const crmGuids = [...w.crm.items.keys()];
    switch (op.kind) {
      case 'outlook-create':
        return void w.outlook.userCreate(w.folder, w.person(`O${++serial}`));
      case 'crm-create':
        return void w.crmCreate(`C${++serial}`);
      case 'outlook-edit': {
        const target = outlookItems[op.pick % Math.max(1, outlookItems.length)];
        if (target)
          w.outlook.userUpdate(w.folder, target.id, {
            ...target.item,
            kind: 'contact',
            jobTitle: `o${++serial}`,
          } as never);
        return;
      }
      case 'crm-edit': {
        const guid = crmGuids[op.pick % Math.max(1, crmGuids.length)];
        if (guid) {
          const item = JSON.parse(w.crm.items.get(guid)!) as Record<string, unknown>;
          w.crm.update(guid, JSON.stringify({ ...item, jobTitle: `c${++serial}` }));
        }
        return;
      }
      case 'outlook-delete': {
        const target = outlookItems[op.pick % Math.max(1, outlookItems.length)];
        if (target) w.outlook.userDelete(w.folder, target.id);
        return;
      }
      case 'crm-delete': {
        const guid = crmGuids[op.pick % Math.max(1, crmGuids.length)];
        if (guid) w.crm.delete(guid);
        return;
      }
      case 'sync':
        return void (await runSync(w.ports, w.request, continueAlways));
      case 'cut':
        w.crm.cutAfterClientChanges = true;
        await runSync(w.ports, w.request, continueAlways);
        w.crm.cutAfterClientChanges = false;
        return;
      case 'cancel': {
        const controller = new AbortController();
        let events = 0;
        await runSync(w.ports, w.request, {
          ...continueAlways,
          signal: controller.signal,
          onProgress: () => void (++events > op.after && controller.abort()),
        });
        return;
      }
    }
  };
  const settle = async () => {
    await runSync(w.ports, w.request, continueAlways);
    await runSync(w.ports, w.request, continueAlways);
  };
  return { ...w, apply, settle };
}

describe('convergence', () => {
  it('leaves both sides with the same items, each once, after any history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), async (ops) => {
        const w = setup();
        for (const op of ops) await w.apply(op);
        await w.settle();
        const outlook = w.outlookNames();
        const crm = w.crmNames();
        expect(new Set(outlook).size).toBe(outlook.length); // nothing doubled in Outlook
        expect(new Set(crm).size).toBe(crm.length); // nothing doubled in the CRM
        expect(outlook).toEqual(crm);
        for (const name of outlook) expect(w.outlookItem(name)?.jobTitle).toBe(w.crmItem(name)?.jobTitle); // same content
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });
});
