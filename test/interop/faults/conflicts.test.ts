/**
 * Issue 6, "Faults it survives": the same item edited in Outlook and in the CRM between two runs. The policy
 * decides (CRM wins by default, Outlook wins when chosen); the losing version is in the run's journal and
 * restoreVersion brings it back, after which the next run sends it to the CRM. A SyncML server resolves the
 * conflict on its side first (SyncEvolution merges task texts), so "CRM wins" means: Outlook gets what the CRM
 * holds afterwards.
 */
import { describe, expect, it } from 'vitest';
import { restoreVersion } from '../../../src/app/sync/index.js';
import type { ConflictPolicyName, JournalEntry } from '../../../src/core/sync/index.js';
import { FAULT_SERVERS, useFaultServer, useGraphEmulator } from './support/suite.js';
import { expectConverged, FAULT_KINDS, type World } from './support/world.js';

const graph = useGraphEmulator();
type ConflictEntry = Extract<JournalEntry, { result: 'conflict' }>;

/** Both sides synced with Anna and Bert; then Anna is edited on both sides. */
async function editedOnBothSides(w: World): Promise<void> {
  await w.writeOnServer('Anna Alt', 'v1');
  await w.createInOutlook('Bert Berg', 'v1');
  expect((await w.sync()).outcome).toBe('completed');
  await w.writeOnServer('Anna Alt', 'crm', await w.serverIdOf('Anna Alt'));
  await w.editInOutlook('Anna Alt', 'outlook');
}

async function conflictOf(w: World): Promise<{ runId: string; entry: ConflictEntry }> {
  const [run] = await w.ports.journal.list();
  const entry = run?.folders[0]?.entries.find((e): e is ConflictEntry => e.result === 'conflict');
  if (!run || !entry) throw new Error('no conflict in the journal');
  return { runId: run.runId, entry };
}

describe.each(FAULT_SERVERS.map((s) => [s.name, s] as const))(
  'edits on both sides with %s',
  (_name, server) => {
    const servers = useFaultServer(graph, server, 73);

    it.each(FAULT_KINDS.map((k) => [k] as const))(
      '%s: CRM wins by default; the Outlook version is journaled and restoreVersion brings it back',
      async (kind) => {
        const w = await servers.world(kind);
        await editedOnBothSides(w);
        const result = await w.sync();
        expect(result.outcome).toBe('completed');
        expect(result.folders[0]?.conflicts).toBe(1);
        // Outlook now holds what the CRM holds: its own edit, or what the server merged (SyncEvolution merges texts).
        await expectConverged(w, ['Anna Alt', 'Bert Berg']);
        const crmVersion = (await w.serverEntries()).find((i) => i.key === 'Anna Alt')?.detail;
        expect(crmVersion).not.toBe(w.detail('outlook'));
        expect((await w.outlookItems()).find((i) => i.key === 'Anna Alt')?.detail).toBe(crmVersion);

        const { runId, entry } = await conflictOf(w);
        expect(entry.conflict).toMatchObject({ winner: 'crm', policy: 'crm-wins' });
        await restoreVersion(w.ports, runId, entry.entryId);
        expect((await w.outlookItems()).find((i) => i.key === 'Anna Alt')?.detail).toBe(w.detail('outlook'));
        expect((await w.sync()).outcome).toBe('completed');
        await expectConverged(w, ['Anna Alt', 'Bert Berg'], { 'Anna Alt': 'outlook' });
      },
    );

    it.each(FAULT_KINDS.map((k) => [k] as const))(
      '%s: Outlook wins when chosen; the CRM version is journaled',
      async (kind) => {
        const policy: ConflictPolicyName = 'outlook-wins';
        const w = await servers.world(kind, policy);
        await editedOnBothSides(w);
        const result = await w.sync();
        expect(result.outcome).toBe('completed');
        expect(result.folders[0]?.conflicts).toBe(1);
        const { entry } = await conflictOf(w);
        expect(entry.conflict).toMatchObject({ winner: 'outlook', policy });
        expect(entry.conflict.crmVersion).toBeDefined(); // the loser, kept in the journal
        expect((await w.outlookItems()).find((i) => i.key === 'Anna Alt')?.detail).toBe(w.detail('outlook'));
        // Outlook's version goes back to the CRM (at the latest in the next run).
        expect((await w.sync()).outcome).toBe('completed');
        await expectConverged(w, ['Anna Alt', 'Bert Berg'], { 'Anna Alt': 'outlook' });
      },
    );
  },
);
