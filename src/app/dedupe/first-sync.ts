/**
 * The first sync after a duplicate review: the sync ports with the folder's links (src/app/sync/prelinks.ts:
 * linked items are mapped, not copied; merged values go to both sides) and its skipped Outlook items hidden
 * from the engine. Links are dropped once a first commit consumed them; skips stay (docs/decisions/0120).
 */
import { runSync, type SyncRequest } from '../sync/use-cases.js';
import type { RunOptions } from '../sync/executor.js';
import { withPrelinks, type FolderPrelinks } from '../sync/prelinks.js';
import type { SyncPorts } from '../sync/ports.js';
import type { ItemKind } from '../../core/model/index.js';
import type { OutlookStore, RunResult } from '../../core/sync/index.js';
import type { DuplicateDecisionStore, FolderDecisions } from './ports.js';

/** An Outlook store that never shows the given items of a folder to the engine. */
export function withoutSkipped(
  store: OutlookStore,
  skippedByFolder: ReadonlyMap<string, ReadonlySet<string>>,
): OutlookStore {
  const hidden = (folder: string, id: string) => skippedByFolder.get(folder)?.has(id) === true;
  return {
    kind: store.kind,
    async readChanges(folder, cursor, signal) {
      const set = await store.readChanges(folder, cursor, signal);
      return { ...set, changes: set.changes.filter((c) => !hidden(folder, c.id)) };
    },
    async readAll(folder, signal) {
      return (await store.readAll(folder, signal)).filter((s) => !hidden(folder, s.id));
    },
    writeBatch: (folder, ops, signal) => store.writeBatch(folder, ops, signal),
    findByLuid: (folder, luid, signal) => store.findByLuid(folder, luid, signal),
  };
}

export interface DecisionHooks {
  /** A folder's first commit consumed its links; `resend` = linked pairs whose merge must go to the CRM. */
  readonly onConsumed: (folderId: string, resend: number) => void;
}

/** The sync ports with the stored review decisions of the given folders applied. */
export function withDuplicateDecisions(
  ports: SyncPorts,
  decisions: Readonly<Record<string, FolderDecisions>>,
  hooks: DecisionHooks,
): SyncPorts {
  const skipped = new Map<string, ReadonlySet<string>>();
  const prelinks: Record<string, FolderPrelinks> = {};
  for (const [folderId, d] of Object.entries(decisions)) {
    if (d.skipped.length > 0) skipped.set(folderId, new Set(d.skipped));
    if (d.links.length > 0) prelinks[folderId] = { kind: d.kind, datastore: d.datastore, links: d.links };
  }
  const outlook: Partial<Record<ItemKind, OutlookStore>> = {};
  for (const [kind, store] of Object.entries(ports.outlook) as [ItemKind, OutlookStore][]) {
    outlook[kind] = skipped.size > 0 ? withoutSkipped(store, skipped) : store;
  }
  return withPrelinks({ ...ports, outlook }, prelinks, { onConsumed: hooks.onConsumed });
}

/**
 * runSync with the folders' review decisions. When linked pairs' merged values differ from the CRM's, the
 * folders concerned run once more right away (the merge goes to the CRM as a Replace), so one call converges.
 */
export async function runSyncWithDecisions(
  ports: SyncPorts & { readonly decisions: DuplicateDecisionStore },
  request: SyncRequest,
  options: RunOptions = {},
): Promise<RunResult[]> {
  const loaded: Record<string, FolderDecisions> = {};
  for (const f of request.folders) {
    const d = await ports.decisions.load(f.folderId);
    if (d) loaded[f.folderId] = d;
  }
  const consumed = new Set<string>();
  const followUp = new Set<string>();
  const wrapped = withDuplicateDecisions(ports, loaded, {
    onConsumed: (folderId, resend) => {
      consumed.add(folderId);
      if (resend > 0) followUp.add(folderId);
    },
  });
  const results = [await runSync(wrapped, request, options)];
  for (const folderId of consumed) {
    const d = loaded[folderId]!;
    // The links are used up; the skips keep the items out of later runs too.
    if (d.skipped.length > 0) await ports.decisions.save(folderId, { ...d, links: [] });
    else await ports.decisions.remove(folderId);
  }
  if (results[0]!.outcome === 'completed' && followUp.size > 0) {
    const again = request.folders.filter((f) => followUp.has(f.folderId));
    const rest = withDuplicateDecisions(ports, skipsOnly(loaded), { onConsumed: () => undefined });
    results.push(await runSync(rest, { ...request, folders: again }, options));
  }
  return results;
}

function skipsOnly(loaded: Readonly<Record<string, FolderDecisions>>): Record<string, FolderDecisions> {
  return Object.fromEntries(Object.entries(loaded).map(([id, d]) => [id, { ...d, links: [] }]));
}
