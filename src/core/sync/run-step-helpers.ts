/** Small pieces the run reducer's phases share. */
import { checkDeletionGuard, type GuardTrip } from './deletion-guard.js';
import type { FolderWork, RunCommand, RunState, StepResult } from './run-types.js';
import type { FolderPairSettings } from './state.js';

export const emptyWork = (pair: FolderPairSettings): FolderWork => ({
  pair,
  phase: 'load',
  sent: [],
  items: {},
  pending: {},
  decidedByPlan: [],
  nextLuid: 1,
  entries: [],
  done: 0,
  planned: 0,
});

export const out = (state: RunState, ...commands: RunCommand[]): StepResult => ({ state, commands });

export function progress(work: FolderWork): RunCommand {
  const { folderId, datastore } = work.pair;
  return { type: 'EmitProgress', progress: { folderId, datastore, done: work.done, planned: work.planned } };
}

export function guard(
  state: RunState,
  work: FolderWork,
  target: 'crm' | 'outlook',
  deletions: GuardTrip['deletions'],
) {
  const folderItemCount = Object.keys(work.state?.items ?? {}).length || Object.keys(work.items).length;
  const { folderId, datastore } = work.pair;
  return checkDeletionGuard({
    folderId,
    datastore,
    target,
    folderItemCount,
    deletions,
    settings: state.config.guard,
  });
}
