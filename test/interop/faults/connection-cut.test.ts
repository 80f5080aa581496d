/**
 * Issue 6, "Faults it survives": the SyncML connection cut after each package of a two-way sync with new items
 * on both sides (the reply to message N is lost on the client side, which works against any server), then a
 * normal run converges: no item lost, none duplicated, on either side. Edits on both sides are covered here for a
 * cut before our changes left (no slow sync follows); edits before a later cut, where a slow sync follows, are
 * in edits-before-a-cut.test.ts (decision record 0102).
 */
import { describe, expect, it } from 'vitest';
import { cutAfter } from '../support/test-client.js';
import { FAULT_SERVERS, useFaultServer, useGraphEmulator } from './support/suite.js';
import { expectConverged, FAULT_KINDS } from './support/world.js';

const graph = useGraphEmulator();

describe.each(FAULT_SERVERS.map((s) => [s.name, s] as const))(
  'connection cut against %s',
  (_name, server) => {
    const servers = useFaultServer(graph, server, 61);

    it.each(FAULT_KINDS.map((k) => [k] as const))(
      '%s: converges after the connection is cut after each package',
      async (kind) => {
        const w = await servers.world(kind);
        await w.writeOnServer('Server Base', 'v1');
        await w.createInOutlook('Outlook Base', 'v1');
        expect((await w.sync()).outcome).toBe('completed');
        const expected = ['Server Base', 'Outlook Base'];

        // Cut after package 1, 2, 3, … until a session ends before the cut would happen.
        for (let cutAt = 1; cutAt <= 8; cutAt++) {
          await w.writeOnServer(`Server Cut${cutAt}`, 'v1');
          await w.createInOutlook(`Outlook Cut${cutAt}`, 'v1');
          expected.push(`Server Cut${cutAt}`, `Outlook Cut${cutAt}`);

          const cut = cutAfter(w.httpTransport, cutAt);
          w.connection.transport = cut;
          const broken = await w.sync();
          w.connection.transport = w.httpTransport;
          const reachedCut = cut.sent >= cutAt;
          expect(broken.outcome).toBe(reachedCut ? 'failed' : 'completed');

          const next = await w.sync();
          expect(next.outcome).toBe('completed');
          await expectConverged(w, expected, { 'Server Base': 'v1', 'Outlook Base': 'v1' });
          if (!reachedCut) break;
          expect(cutAt).toBeLessThan(8);
        }
      },
    );

    it.each(FAULT_KINDS.map((k) => [k] as const))(
      '%s: edits on both sides survive a cut before our changes left (no slow sync follows)',
      async (kind) => {
        const w = await servers.world(kind);
        await w.writeOnServer('Server Base', 'v1');
        await w.createInOutlook('Outlook Base', 'v1');
        expect((await w.sync()).outcome).toBe('completed');
        await w.writeOnServer('Server Base', 'crm', await w.serverIdOf('Server Base'));
        await w.editInOutlook('Outlook Base', 'outlook');
        await w.createInOutlook('Outlook New');

        w.connection.transport = cutAfter(w.httpTransport, 1);
        expect((await w.sync()).outcome).toBe('failed');
        w.connection.transport = w.httpTransport;
        const next = await w.sync();
        expect(next.folders[0]?.sessionMode).toBe('two-way');
        await expectConverged(w, ['Server Base', 'Outlook Base', 'Outlook New'], {
          'Server Base': 'crm',
          'Outlook Base': 'outlook',
        });
      },
    );
  },
);
