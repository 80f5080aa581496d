/**
 * Issue 6, "Faults it survives": a CRM that suddenly reports all items deleted (every item removed on the
 * server: the sandbox CRM's store, SyncEvolution's data files). The deletion guard stops the run: nothing is
 * deleted in Outlook, nothing is committed; the user's "continue" then applies the deletions.
 */
import { describe, expect, it } from 'vitest';
import type { GuardTrip } from '../../../src/core/sync/index.js';
import { FAULT_SERVERS, useFaultServer, useGraphEmulator } from './support/suite.js';
import { FAULT_KINDS } from './support/world.js';

const graph = useGraphEmulator();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(FAULT_SERVERS.map((s) => [s.name, s] as const))('all items deleted on %s', (_name, server) => {
  const servers = useFaultServer(graph, server, 71);

  it.each(FAULT_KINDS.map((k) => [k] as const))(
    '%s: the guard stops the run, deletes nothing and commits nothing; "continue" applies',
    async (kind) => {
      const w = await servers.world(kind);
      for (const key of ['Server A', 'Server B', 'Server C']) await w.writeOnServer(key);
      await w.createInOutlook('Outlook A');
      expect((await w.sync()).outcome).toBe('completed');
      const names = ['Outlook A', 'Server A', 'Server B', 'Server C'];

      // SyncEvolution's file backend sees changes by mtime in whole seconds (quirk 10): leave the sync's second.
      await sleep(1100);
      await w.server.items.clear(w.server.remoteUris[kind]);
      const before = await w.ports.stateStore.load(w.folderId);
      const asked: GuardTrip[] = [];
      const stopped = await w.sync({ confirmDeletions: async (trip) => (asked.push(trip), 'stop') });
      expect(stopped.outcome).toBe('stopped-by-guard');
      expect(stopped.guardTrip).toMatchObject({ reason: 'FOLDER_WOULD_EMPTY', target: 'outlook' });
      expect(asked).toHaveLength(1);
      expect(asked[0]?.deletions.map((d) => d.name).sort()).toEqual(names);
      expect((await w.outlookItems()).map((i) => i.key).sort()).toEqual(names);
      expect(await w.ports.stateStore.load(w.folderId)).toEqual(before);

      // Without anyone to ask, the guard stops again: the server still reports the deletions.
      expect((await w.sync()).outcome).toBe('stopped-by-guard');
      const confirmed = await w.sync({ confirmDeletions: async () => 'continue' });
      expect(confirmed.outcome).toBe('completed');
      expect(confirmed.folders[0]?.toOutlook).toMatchObject({ deletes: names.length });
      expect(await w.outlookItems()).toEqual([]);
      const after = await w.sync();
      expect(after.folders[0]).toMatchObject({
        toOutlook: { creates: 0, updates: 0, deletes: 0 },
        toCrm: { adds: 0, replaces: 0, deletes: 0 },
      });
    },
  );
});
