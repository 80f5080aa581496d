/** Runs previews and syncs for the Sync screen: one AbortController per run, the guard question as a promise. */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { FolderProgress, RunResult } from '../../core/sync/index.js';
import type { PaneSyncService } from '../../app/pane/create-pane-sync.js';
import { IDLE, syncFlow } from './sync-flow.js';

type Decision = 'continue' | 'stop';

export function useSyncFlow(service: PaneSyncService, onFinished?: (result: RunResult) => void) {
  const [state, dispatch] = useReducer(syncFlow, IDLE);
  const controller = useRef<AbortController | undefined>(undefined);
  const answer = useRef<((d: Decision) => void) | undefined>(undefined);

  const decide = useCallback((decision: Decision) => {
    answer.current?.(decision);
    answer.current = undefined;
    dispatch({ type: 'answered' });
  }, []);

  const start = useCallback(
    async (mode: 'preview' | 'sync') => {
      const abort = new AbortController();
      controller.current = abort;
      dispatch({ type: 'start', mode });
      const onProgress = (progress: FolderProgress) => dispatch({ type: 'progress', progress });
      try {
        const result =
          mode === 'preview'
            ? await service.preview(abort.signal, onProgress)
            : await service.run(
                abort.signal,
                onProgress,
                (trip) =>
                  new Promise<Decision>((resolve) => {
                    answer.current = resolve;
                    dispatch({ type: 'ask', trip });
                  }),
              );
        dispatch({ type: 'finished', result });
        onFinished?.(result);
      } catch (error) {
        dispatch({ type: 'failed', error });
      } finally {
        if (controller.current === abort) controller.current = undefined;
      }
    },
    [service, onFinished],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    // A pending guard question ends as "Stop": nothing is deleted.
    answer.current?.('stop');
    answer.current = undefined;
    dispatch({ type: 'cancel' });
  }, []);

  // Closing the pane mid-run cancels it: nothing is committed, the next run repeats safely.
  useEffect(() => () => controller.current?.abort(), []);

  return {
    state,
    preview: () => void start('preview'),
    sync: () => void start('sync'),
    cancel,
    decide,
  };
}
