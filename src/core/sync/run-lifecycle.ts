/** How a folder starts and ends, and how a run ends (finished, cancelled, failed, stopped by the guard). */
import type { RunOutcome } from './journal.js';
import { folderResult } from './run-folder.js';
import { emptyWork, out } from './run-step-helpers.js';
import type { FolderWork, RunCommand, RunEvent, RunState, StepResult } from './run-types.js';

export function unexpected(state: RunState, event: RunEvent): StepResult {
  const detail = `${event.type} in phase ${state.folder?.phase ?? 'none'}`;
  return endRun({ ...state, error: { code: 'UNEXPECTED_EVENT', detail } }, 'failed');
}

export function startFolder(state: RunState, index: number): StepResult {
  const pair = state.config.folders[index];
  if (!pair) return endRun(state, 'completed');
  const folder = emptyWork(pair);
  return out({ ...state, index, folder }, { type: 'LoadState', folderId: pair.folderId });
}

export function nextFolder(state: RunState, work: FolderWork, committed: boolean): StepResult {
  const done = recordFolder(state, work, committed);
  return startFolder(done, state.index + 1);
}

export function recordFolder(state: RunState, work: FolderWork, committed: boolean): RunState {
  const journal =
    work.entries.length > 0 ? [...state.journal, { pair: work.pair, entries: work.entries }] : state.journal;
  const results =
    state.config.mode === 'sync' ? [...state.results, folderResult(work, committed)] : state.results;
  return { ...state, journal, results, folder: undefined };
}

/** Ends the current session without answering (preview, guard stop, forced restart). */
export function closeSession(
  state: RunState,
  work: FolderWork,
  afterClose: FolderWork['afterClose'],
  outcome?: RunOutcome,
) {
  const closing: FolderWork = { ...work, phase: 'closing', afterClose };
  const s = { ...state, folder: closing, outcome: outcome ?? state.outcome };
  return out(
    s,
    { type: 'AnswerServer', folderId: work.pair.folderId, answer: 'abort' },
    ...interruptMark(s, work),
  );
}

export function onClosed(state: RunState, work: FolderWork): StepResult {
  if (work.afterClose === 'finish') return endRun(state, state.outcome ?? 'stopped-by-guard');
  return nextFolder(state, work, false);
}

/** Our Adds may sit on the server without a map: the next run of this folder must slow-sync (DESIGN.md §6). */
export function interruptMark(state: RunState, work: FolderWork): RunCommand[] {
  const sessionRunning = [
    'session',
    'reload-all',
    'apply',
    'ask-crm-deletions',
    'link',
    'settle',
    'commit',
    'closing',
  ].includes(work.phase);
  const sentAdds = work.sent.some((c) => c.op === 'add');
  return state.config.mode === 'sync' && sessionRunning && sentAdds
    ? [{ type: 'MarkInterrupted', folderId: work.pair.folderId }]
    : [];
}

export function endRun(state: RunState, outcome: RunOutcome): StepResult {
  const work = state.folder;
  const commands: RunCommand[] = [];
  let s = state;
  if (work && outcome !== 'completed') {
    if (work.phase !== 'closing') {
      if (['session', 'apply', 'ask-crm-deletions'].includes(work.phase)) {
        commands.push({ type: 'AnswerServer', folderId: work.pair.folderId, answer: 'abort' });
      }
      commands.push(...interruptMark(state, work));
    }
    s = recordFolder(state, work, false);
  }
  const finished: RunState = { ...s, status: 'finished', outcome, folder: undefined };
  if (state.config.mode === 'sync' && finished.journal.length > 0) {
    commands.push({ type: 'SaveJournal', run: journalRun(finished, outcome) });
  }
  commands.push({ type: 'Finish', result: runResult(finished, outcome) });
  return out(finished, ...commands);
}

export function journalRun(state: RunState, outcome: RunOutcome) {
  const folders = state.journal.map(({ pair, entries }) => ({
    folderId: pair.folderId,
    datastore: pair.datastore,
    kind: pair.kind,
    entries,
  }));
  return {
    runId: state.config.runId,
    startedAt: state.config.startedAt,
    outcome,
    error: state.error,
    folders,
  };
}

export function runResult(state: RunState, outcome: RunOutcome) {
  const { runId, mode } = state.config;
  return {
    runId,
    mode,
    outcome,
    folders: state.results,
    previews: state.previews,
    guardTrip: state.guardTrip,
    error: state.error,
  };
}
