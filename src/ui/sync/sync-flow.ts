/**
 * What the Sync screen shows, as a pure reducer (CONVENTIONS.md rule 3): idle, a preview or run in progress
 * (per-folder progress), a preview waiting for "Confirm", a guard question waiting for "Continue" / "Stop",
 * a finished run, an error. The hook around it (use-sync-flow.ts) only starts work and dispatches.
 */
import type { FolderProgress, GuardTrip, RunResult } from '../../core/sync/index.js';

export type FlowAction =
  | { readonly type: 'start'; readonly mode: 'preview' | 'sync' }
  | { readonly type: 'progress'; readonly progress: FolderProgress }
  | { readonly type: 'ask'; readonly trip: GuardTrip }
  | { readonly type: 'answered' }
  | { readonly type: 'cancel' }
  | { readonly type: 'finished'; readonly result: RunResult }
  | { readonly type: 'failed'; readonly error: unknown };

export interface SyncFlowState {
  readonly busy?: 'preview' | 'sync';
  readonly cancelling: boolean;
  /** Per folder id, in the order folders reported. */
  readonly progress: readonly FolderProgress[];
  readonly question?: GuardTrip;
  /** A finished preview waiting for "Confirm". */
  readonly preview?: RunResult;
  /** The last finished run. */
  readonly result?: RunResult;
  readonly error?: unknown;
}

export const IDLE: SyncFlowState = { cancelling: false, progress: [] };

export function syncFlow(state: SyncFlowState, action: FlowAction): SyncFlowState {
  switch (action.type) {
    case 'start':
      // A new preview or run replaces whatever the screen showed; a confirmed preview is consumed.
      return { ...IDLE, busy: action.mode };
    case 'progress': {
      if (!state.busy) return state;
      const { progress } = action;
      const at = state.progress.findIndex((p) => p.folderId === progress.folderId);
      const next =
        at < 0 ? [...state.progress, progress] : state.progress.map((p, i) => (i === at ? progress : p));
      return { ...state, progress: next };
    }
    case 'ask':
      return { ...state, question: action.trip };
    case 'answered':
      return { ...state, question: undefined };
    case 'cancel':
      return state.busy ? { ...state, cancelling: true, question: undefined } : state;
    case 'finished':
      return action.result.mode === 'preview' && action.result.outcome === 'completed'
        ? { ...IDLE, preview: action.result }
        : { ...IDLE, result: action.result };
    case 'failed':
      return { ...IDLE, error: action.error };
  }
}
