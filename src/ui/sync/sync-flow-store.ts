/**
 * The Sync screen's run, kept outside React per service: the shell mounts the screen per tab, and a run must
 * not stop (or lose its guard question) because the user looked at History meanwhile. The store owns the
 * AbortController and the pending "Continue / Stop" answer; components subscribe (useSyncExternalStore).
 */
import type { PaneSyncService } from '../../app/pane/create-pane-sync.js';
import type { FolderProgress } from '../../core/sync/index.js';
import { IDLE, syncFlow, type FlowAction, type SyncFlowState } from './sync-flow.js';

type Decision = 'continue' | 'stop';

export interface SyncFlowStore {
  getState(): SyncFlowState;
  subscribe(listener: () => void): () => void;
  start(mode: 'preview' | 'sync'): Promise<void>;
  cancel(): void;
  decide(decision: Decision): void;
}

export function createSyncFlowStore(service: PaneSyncService): SyncFlowStore {
  let state = IDLE;
  let controller: AbortController | undefined;
  let answer: ((d: Decision) => void) | undefined;
  const listeners = new Set<() => void>();
  const dispatch = (action: FlowAction) => {
    state = syncFlow(state, action);
    for (const l of listeners) l();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start(mode) {
      if (state.busy) return;
      const abort = new AbortController();
      controller = abort;
      dispatch({ type: 'start', mode });
      const onProgress = (progress: FolderProgress) => dispatch({ type: 'progress', progress });
      const ask = (trip: Parameters<Parameters<PaneSyncService['run']>[2]>[0]) =>
        new Promise<Decision>((resolve) => {
          answer = resolve;
          dispatch({ type: 'ask', trip });
        });
      try {
        const result =
          mode === 'preview'
            ? await service.preview(abort.signal, onProgress)
            : await service.run(abort.signal, onProgress, ask);
        dispatch({ type: 'finished', result });
      } catch (error) {
        dispatch({ type: 'failed', error });
      } finally {
        if (controller === abort) controller = undefined;
      }
    },
    cancel() {
      controller?.abort();
      // A pending guard question ends as "Stop": nothing is deleted.
      answer?.('stop');
      answer = undefined;
      dispatch({ type: 'cancel' });
    },
    decide(decision) {
      answer?.(decision);
      answer = undefined;
      dispatch({ type: 'answered' });
    },
  };
}
