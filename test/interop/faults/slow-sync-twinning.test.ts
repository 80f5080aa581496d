/**
 * Issue 6, "Faults it survives": the CRM demands a slow sync (508) — the sandbox CRM through its
 * refresh-required fault, SyncEvolution because our anchors no longer match its own (we restore an older
 * checkpoint, as a restored backup of the add-in's settings would). "Twinning": a slow sync of identical data
 * on both sides changes nothing on either side.
 */
import { describe, expect, it } from 'vitest';
import type { ServerHandle } from '../servers.js';
import { FAULT_SERVERS, useFaultServer, useGraphEmulator } from './support/suite.js';
import { expectConverged, FAULT_KINDS, type World } from './support/world.js';

const graph = useGraphEmulator();

/** Arms the sandbox CRM's refresh-required fault through its loopback admin API. */
async function armRefreshRequired(server: ServerHandle): Promise<void> {
  const response = await fetch(`${new URL(server.url).origin}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'refresh-required' }),
  });
  expect(response.status).toBe(201);
}

const snapshot = async (w: World) =>
  [...(await w.server.items.list(w.server.remoteUris[w.kind]))].sort((a, b) => a.id.localeCompare(b.id));

describe.each(FAULT_SERVERS.map((s) => [s.name, s] as const))('slow sync demanded by %s', (name, server) => {
  const servers = useFaultServer(graph, server, 69);

  it.each(FAULT_KINDS.map((k) => [k] as const))(
    '%s: the slow sync of identical data changes nothing on either side',
    async (kind) => {
      const w = await servers.world(kind);
      for (const key of ['Server A', 'Server B', 'Server C']) await w.writeOnServer(key);
      for (const key of ['Outlook A', 'Outlook B']) await w.createInOutlook(key);
      expect((await w.sync()).outcome).toBe('completed');
      const older = await w.ports.stateStore.load(w.folderId);
      await w.writeOnServer('Server D');
      expect((await w.sync()).outcome).toBe('completed');
      const all = ['Server A', 'Server B', 'Server C', 'Server D', 'Outlook A', 'Outlook B'];
      await expectConverged(w, all);

      if (name === 'sandbox CRM') await armRefreshRequired(w.server);
      else await w.ports.stateStore.save(older!); // its Last anchor is not the one the server stored
      const onServer = await snapshot(w);
      const inOutlook = await w.outlookItems();

      const slow = await w.sync();
      expect(slow.outcome).toBe('completed');
      expect(slow.folders[0]).toMatchObject({
        sessionMode: 'slow',
        toOutlook: { creates: 0, updates: 0, deletes: 0 },
        conflicts: 0,
        failed: 0,
      });
      expect(await snapshot(w)).toEqual(onServer);
      expect(await w.outlookItems()).toEqual(inOutlook);
      const after = await w.sync();
      expect(after.folders[0]).toMatchObject({
        sessionMode: 'two-way',
        toOutlook: { creates: 0, updates: 0, deletes: 0 },
        toCrm: { adds: 0, replaces: 0, deletes: 0 },
      });
      await expectConverged(w, all);
    },
  );
});
