import { describe, expect, it } from 'vitest';
import { guid } from '../../../src/core/model/index.js';
import {
  initialRunState,
  outlookCursor,
  step,
  type RunCommand,
  type RunEvent,
  type RunState,
} from '../../../src/core/sync/index.js';
import { contact, id, luid, pair, testFingerprint } from './fixtures.js';

function setup(mode: 'sync' | 'preview' = 'sync') {
  let state: RunState = initialRunState({
    runId: 'r1',
    mode,
    startedAt: '2026-01-01T00:00:00Z',
    folders: [pair()],
    guard: { maxShare: 0.1 },
    fingerprint: testFingerprint,
  });
  const send = (event: RunEvent): RunCommand[] => {
    const result = step(state, event);
    state = result.state;
    return [...result.commands];
  };
  const types = (commands: RunCommand[]) => commands.map((c) => c.type);
  /** Runs a never-synced folder with one new Outlook item up to the server's changes. */
  const untilServerChanges = () => {
    send({ type: 'Started' });
    send({ type: 'StateLoaded', state: undefined });
    return send({
      type: 'OutlookChangesRead',
      changeSet: {
        changes: [{ id: id('o1'), item: contact('Anna', 'Alt') }],
        nextCursor: outlookCursor('d1'),
        fullResync: true,
      },
      pendingItems: [],
    });
  };
  const serverAdd: RunEvent = {
    type: 'ServerChangesReceived',
    changes: [{ op: 'add', guid: guid('g1'), item: contact('Bert', 'Berg') }],
  };
  return { send, types, untilServerChanges, serverAdd, state: () => state };
}

describe('run reducer', () => {
  it('walks a folder through read → session → apply → answer → link → commit, in that order', () => {
    const { send, types, untilServerChanges, serverAdd } = setup();
    const started = untilServerChanges();
    expect(types(started)).toEqual(['RunSyncSession', 'EmitProgress']);
    expect(started[0]).toMatchObject({ mode: 'slow', changes: [{ op: 'add', luid: 'c1' }] });
    const apply = send(serverAdd);
    expect(types(apply)).toEqual(['ApplyOutlookWrites']);
    const answered = send({
      type: 'OutlookWritesApplied',
      results: [{ key: 's0', ok: true, id: id('o2') }],
      before: [],
    });
    expect(answered[0]).toEqual({
      type: 'AnswerServer',
      folderId: pair().folderId,
      answer: { answers: [{ status: 201, luid: 'c2' }] },
    });
    const linked = send({
      type: 'SessionEnded',
      outcome: { mode: 'slow', nextAnchor: 'A1', ourChanges: [{ luid: luid('c1'), status: 201 }] },
    });
    expect(types(linked)).toEqual(['ApplyOutlookWrites', 'EmitProgress']);
    const settling = send({
      type: 'OutlookWritesApplied',
      results: [{ key: 'link-c1', ok: true, id: id('o1') }],
      before: [],
    });
    // one more delta round from the cursor read before the writes: they come back as echoes
    expect(settling).toEqual([
      { type: 'ReadOutlookChanges', folderId: pair().folderId, cursor: 'd1', pendingIds: [] },
    ]);
    const committed = send({
      type: 'OutlookChangesRead',
      changeSet: { changes: [], nextCursor: outlookCursor('d2'), fullResync: false },
      pendingItems: [],
    });
    expect(committed[0]).toMatchObject({
      type: 'CommitCheckpoint',
      state: { checkpoint: { lastAnchor: 'A1', deltaCursor: 'd2', nextLuid: 3, pending: {} } },
    });
    const commitCommand = committed[0] as Extract<RunCommand, { type: 'CommitCheckpoint' }>;
    expect(Object.keys(commitCommand.state.items).sort()).toEqual(['o1', 'o2']);
    const done = send({ type: 'CheckpointCommitted' });
    expect(types(done)).toEqual(['SaveJournal', 'Finish']);
  });

  it('commits the first cursor without another delta round when the run wrote nothing to Outlook', () => {
    const { send, types } = setup();
    send({ type: 'Started' });
    send({ type: 'StateLoaded', state: undefined });
    send({
      type: 'OutlookChangesRead',
      changeSet: { changes: [], nextCursor: outlookCursor('d1'), fullResync: true },
      pendingItems: [],
    });
    send({ type: 'ServerChangesReceived', changes: [] });
    const ended = send({ type: 'SessionEnded', outcome: { mode: 'slow', nextAnchor: 'A1', ourChanges: [] } });
    expect(types(ended)).toEqual(['CommitCheckpoint']);
    expect(ended[0]).toMatchObject({ state: { checkpoint: { deltaCursor: 'd1' } } });
  });

  it('commits nothing after a cancel mid-session: it ends the session unanswered and marks the folder', () => {
    const { send, types, untilServerChanges, serverAdd } = setup();
    untilServerChanges();
    send(serverAdd);
    const cancelled = send({ type: 'Cancelled' });
    expect(types(cancelled)).toEqual(['AnswerServer', 'MarkInterrupted', 'Finish']);
    expect(cancelled[0]).toMatchObject({ answer: 'abort' });
    expect(send({ type: 'CheckpointCommitted' })).toEqual([]); // finished: late events change nothing
  });

  it('stops after planning in preview mode and returns the plan', () => {
    const { send, types, untilServerChanges, serverAdd } = setup('preview');
    const started = untilServerChanges();
    expect(started[0]).toMatchObject({ type: 'RunSyncSession', changes: [] });
    const closing = send(serverAdd);
    expect(types(closing)).toEqual(['AnswerServer']);
    const finished = send({ type: 'SessionAborted' });
    expect(types(finished)).toEqual(['Finish']);
    const result = (finished[0] as Extract<RunCommand, { type: 'Finish' }>).result;
    expect(result.previews[0]).toMatchObject({ toOutlook: { creates: 1 }, toCrm: { creates: 1 } });
  });

  it('never commits in preview mode, even when the session ends without asking about server changes', () => {
    const { send, types, untilServerChanges } = setup('preview');
    untilServerChanges();
    const ended = send({ type: 'SessionEnded', outcome: { mode: 'slow', nextAnchor: 'A1', ourChanges: [] } });
    expect(types(ended)).toEqual(['Finish']);
    expect((ended[0] as Extract<RunCommand, { type: 'Finish' }>).result.previews).toHaveLength(1);
  });

  it('fails with UNEXPECTED_EVENT, committing nothing, on an event out of order', () => {
    const { send, state } = setup();
    send({ type: 'Started' });
    const commands = send({ type: 'CheckpointCommitted' });
    expect(commands.map((c) => c.type)).toEqual(['Finish']);
    expect(state().error?.code).toBe('UNEXPECTED_EVENT');
  });
});
