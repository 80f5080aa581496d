/** The Sync screen's view of its service's run (sync-flow-store.ts): survives the screen being unmounted. */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { PaneSyncService } from '../../app/pane/create-pane-sync.js';
import type { RunResult } from '../../core/sync/index.js';
import { createSyncFlowStore, type SyncFlowStore } from './sync-flow-store.js';

const stores = new WeakMap<PaneSyncService, SyncFlowStore>();

function storeFor(service: PaneSyncService): SyncFlowStore {
  let store = stores.get(service);
  if (!store) stores.set(service, (store = createSyncFlowStore(service)));
  return store;
}

export function useSyncFlow(service: PaneSyncService, onFinished?: (result: RunResult) => void) {
  const store = storeFor(service);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  // Report each finished run once, to whoever shows the screen when it ends.
  const reported = useRef(state.result?.runId);
  useEffect(() => {
    if (!state.result || state.result.runId === reported.current) return;
    reported.current = state.result.runId;
    onFinished?.(state.result);
  }, [state.result, onFinished]);
  return {
    state,
    preview: () => void store.start('preview'),
    sync: () => void store.start('sync'),
    cancel: store.cancel,
    decide: store.decide,
  };
}
