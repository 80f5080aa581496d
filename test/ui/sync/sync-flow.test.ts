import { describe, expect, it } from 'vitest';
import { outlookFolderId } from '../../../src/core/model/index.js';
import type { GuardTrip, RunResult } from '../../../src/core/sync/index.js';
import { IDLE, syncFlow, type FlowAction } from '../../../src/ui/sync/sync-flow.js';

const A = outlookFolderId('contacts');
const B = outlookFolderId('calendar');
const result = (mode: 'sync' | 'preview', outcome: RunResult['outcome'] = 'completed'): RunResult => ({
  runId: 'r1',
  mode,
  outcome,
  folders: [],
  previews: [],
});
const trip = { reason: 'SHARE_EXCEEDED', folderId: A, deletions: [] } as unknown as GuardTrip;
const play = (...actions: FlowAction[]) => actions.reduce(syncFlow, IDLE);

describe('sync flow', () => {
  it('keeps one progress entry per folder, in the order folders started', () => {
    const state = play(
      { type: 'start', mode: 'sync' },
      { type: 'progress', progress: { folderId: A, datastore: 'addressbook', done: 0, planned: 4 } },
      { type: 'progress', progress: { folderId: B, datastore: 'calendar', done: 0, planned: 2 } },
      { type: 'progress', progress: { folderId: A, datastore: 'addressbook', done: 3, planned: 4 } },
    );
    expect(state.progress.map((p) => [p.folderId, p.done])).toEqual([
      [A, 3],
      [B, 0],
    ]);
  });

  it('a completed preview waits for Confirm; starting the run consumes it', () => {
    const previewed = play(
      { type: 'start', mode: 'preview' },
      { type: 'finished', result: result('preview') },
    );
    expect(previewed.preview?.mode).toBe('preview');
    expect(previewed.busy).toBeUndefined();
    expect(syncFlow(previewed, { type: 'start', mode: 'sync' }).preview).toBeUndefined();
  });

  it('a cancelled preview is shown as an outcome, not as a plan to confirm', () => {
    const state = play(
      { type: 'start', mode: 'preview' },
      { type: 'finished', result: result('preview', 'cancelled') },
    );
    expect(state.preview).toBeUndefined();
    expect(state.result?.outcome).toBe('cancelled');
  });

  it('cancel closes the guard question and marks the run cancelling; progress after the end is ignored', () => {
    const asked = play({ type: 'start', mode: 'sync' }, { type: 'ask', trip });
    expect(asked.question).toBe(trip);
    const cancelling = syncFlow(asked, { type: 'cancel' });
    expect(cancelling).toMatchObject({ cancelling: true, question: undefined, busy: 'sync' });
    const done = syncFlow(cancelling, { type: 'finished', result: result('sync', 'cancelled') });
    const late = syncFlow(done, {
      type: 'progress',
      progress: { folderId: A, datastore: 'addressbook', done: 1, planned: 1 },
    });
    expect(late.progress).toEqual([]);
  });

  it('a failure ends the run with the error to show', () => {
    const error = { code: 'NO_FOLDERS' };
    const state = play({ type: 'start', mode: 'sync' }, { type: 'failed', error });
    expect(state.error).toBe(error);
    expect(state.busy).toBeUndefined();
  });
});
