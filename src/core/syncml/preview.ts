/**
 * previewServerItems: a session that sends none of our changes, collects what the server would
 * send, and ends before any status for it (nothing is acknowledged, no anchor moves). The
 * duplicate check and "Preview" use it. A slow-sync preview lists every server item.
 */
import { runSyncSession, type RunSyncSessionOptions, type SyncDatastore } from './run.js';
import { SyncMLError } from './errors.js';
import type { ServerChange } from './session/types.js';

export type PreviewOptions = Omit<RunSyncSessionOptions, 'onServerChanges' | 'datastores'> & {
  /** Mode defaults to 'slow' (every server item); give a two-way with anchors to preview changes only. */
  readonly datastores: readonly (Omit<SyncDatastore, 'changes' | 'mode' | 'loadAllItems'> & {
    readonly mode?: SyncDatastore['mode'];
  })[];
};

export interface PreviewResult {
  readonly datastores: readonly { readonly localUri: string; readonly changes: readonly ServerChange[] }[];
}

export async function previewServerItems(options: PreviewOptions): Promise<PreviewResult> {
  const collected = new Map<string, readonly ServerChange[]>();
  const datastores: SyncDatastore[] = options.datastores.map((ds) => ({
    ...ds,
    mode: ds.mode ?? 'slow',
    changes: [],
    loadAllItems: async () => [],
  }));
  const last = datastores[datastores.length - 1]?.localUri;
  try {
    await runSyncSession({
      ...options,
      datastores,
      // Outcomes of earlier stores are never sent: statuses go out only after the last store decided.
      onServerChanges: async (store, changes) => {
        collected.set(store.localUri, changes);
        return store.localUri === last ? 'abort' : { outcomes: changes.map(() => ({ status: 200 })) };
      },
    });
  } catch (e) {
    if (!(e instanceof SyncMLError && e.code === 'ABORTED_BY_HOOK')) throw e;
  }
  return {
    datastores: datastores.map((ds) => ({
      localUri: ds.localUri,
      changes: collected.get(ds.localUri) ?? [],
    })),
  };
}
