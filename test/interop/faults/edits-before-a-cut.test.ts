/**
 * Issue 6, "Faults it survives", with edits: Outlook edits survive a cut connection after package N (decision
 * record 0102). Each round syncs two base items, then edits one on each side, adds a new item on each side (an
 * Add makes the client demand a slow sync after a cut) and cuts message N: its reply lost (the server acted on
 * it) or the request itself (the server never saw it). Then runs follow until nothing more is sent.
 *
 * The sandbox CRM: both edits arrive and every item is there once. SyncEvolution: what a client can guarantee —
 * the Outlook edit reaches the server and no Outlook item is doubled. Its own edit can be swallowed (0102 says
 * when): it counts a package 4 whose reply we lost as delivered, and its slow sync pairs by name and keeps its
 * version silently or, for tasks, adds ours as a second item.
 */
import { describe, expect, it } from 'vitest';
import { cutConnection, syncUntilQuiet, type CutKind } from '../../app/sync/cut-connection.js';
import { FAULT_SERVERS, useFaultServer, useGraphEmulator } from './support/suite.js';
import { expectConverged, FAULT_KINDS, type World } from './support/world.js';

const graph = useGraphEmulator();

const CUTS: readonly (readonly [CutKind, number])[] = [
  ['request', 2],
  ['request', 3],
  ['reply', 2],
  ['reply', 3],
];

/** One round's item keys: the base items (synced first) and the new ones made before the cut. */
const keysOf = (round: number) => ({
  outlookBase: `Outlook Base${round}`,
  serverBase: `Server Base${round}`,
  outlookNew: `Outlook New${round}`,
  serverNew: `Server New${round}`,
});

/** The details each side holds for `key`, sorted. */
async function detailsOf(w: World, key: string) {
  const pick = (items: readonly { key: string; detail: string }[]) =>
    items
      .filter((i) => i.key === key)
      .map((i) => i.detail)
      .sort();
  return { crm: pick(await w.serverEntries()), outlook: pick(await w.outlookItems()) };
}

/**
 * What any server gets: the Outlook edit is on it and stays in Outlook, and the new items are on each side once.
 * SyncEvolution may keep a second, older copy of an edited task (its slow sync does not pair it, 0102).
 */
async function expectOutlookEditArrived(w: World, k: ReturnType<typeof keysOf>): Promise<void> {
  const edited = await detailsOf(w, k.outlookBase);
  expect(edited.crm).toContain(w.detail('outlook'));
  expect(edited.outlook).toContain(w.detail('outlook'));
  if (w.kind === 'contacts')
    expect(edited).toEqual({ crm: [w.detail('outlook')], outlook: [w.detail('outlook')] });
  for (const key of [k.outlookNew, k.serverNew])
    expect(await detailsOf(w, key)).toEqual({ crm: [w.detail('v1')], outlook: [w.detail('v1')] });
}

describe.each(FAULT_SERVERS.map((s) => [s.name, s] as const))('edits before a cut, %s', (name, server) => {
  const servers = useFaultServer(graph, server, 77);

  it.each(FAULT_KINDS.map((k) => [k] as const))(
    '%s: Outlook edits survive a cut after package N',
    async (kind) => {
      const w = await servers.world(kind);
      const all: string[] = [];
      for (const [round, [lose, at]] of CUTS.entries()) {
        const k = keysOf(round);
        await w.writeOnServer(k.serverBase, 'v1');
        await w.createInOutlook(k.outlookBase, 'v1');
        expect((await w.sync()).outcome).toBe('completed');
        await w.writeOnServer(k.serverBase, 'crm', await w.serverIdOf(k.serverBase));
        await w.editInOutlook(k.outlookBase, 'outlook');
        await w.createInOutlook(k.outlookNew);
        await w.writeOnServer(k.serverNew);
        all.push(k.outlookBase, k.serverBase, k.outlookNew, k.serverNew);

        w.connection.transport = cutConnection(w.httpTransport, at, lose);
        expect((await w.sync()).outcome, `${lose} ${at}`).toBe('failed');
        w.connection.transport = w.httpTransport;
        await syncUntilQuiet(() => w.sync());

        await expectOutlookEditArrived(w, k);
        if (name === 'sandbox CRM')
          await expectConverged(w, all, { [k.outlookBase]: 'outlook', [k.serverBase]: 'crm' });
      }
    },
  );
});
