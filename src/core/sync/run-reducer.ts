/**
 * One sync run as a reducer (CONVENTIONS.md rule 3; DESIGN.md §3). Folders run one after another:
 * load state → read Outlook changes → guard Outlook deletions → SyncML session → plan the server's changes →
 * guard server deletions → apply → answer the server → session ends → store LUIDs on new items → commit.
 * Cancel or failure at any point commits nothing; preview stops after planning and ends the session unanswered.
 */
import { conflictPolicyByName } from './conflict-policy.js';
import { detectOutlookChanges } from './detect-outlook-changes.js';
import { planOutlookWrites } from './planner.js';
import {
  applySessionOutcome,
  applyWriteResults,
  buildPreview,
  nextFolderState,
  withEntries,
} from './run-folder.js';
import { closeSession, endRun, nextFolder, onClosed, startFolder, unexpected } from './run-lifecycle.js';
import { guard, out, progress } from './run-step-helpers.js';
import type { FolderWork, RunCommand, RunConfig, RunEvent, RunState, StepResult } from './run-types.js';
import type { ServerChange, SessionMode } from './session-types.js';
import { outlookItemId } from '../model/index.js';
import { outlookCursor } from './outlook-store.js';
import { settleAfterWrites } from './settle-after-writes.js';
import { stateForPair, type FolderPairSettings } from './state.js';

export function initialRunState(config: RunConfig): RunState {
  return { config, status: 'running', index: 0, results: [], previews: [], journal: [], entrySeq: 0 };
}

export function step(state: RunState, event: RunEvent): StepResult {
  if (state.status === 'finished') return out(state);
  if (event.type === 'Cancelled') return endRun(state, 'cancelled');
  if (event.type === 'Failed')
    return endRun({ ...state, error: { code: event.code, detail: event.detail } }, 'failed');
  if (event.type === 'Started') return startFolder(state, state.index);
  const work = state.folder;
  if (!work) return unexpected(state, event);
  switch (`${work.phase}:${event.type}`) {
    case 'load:StateLoaded':
      return onStateLoaded(state, work, event as Extract<RunEvent, { type: 'StateLoaded' }>);
    case 'read:OutlookChangesRead':
      return onOutlookRead(state, work, event as Extract<RunEvent, { type: 'OutlookChangesRead' }>);
    case 'ask-outlook-deletions:UserDecided':
      return (event as Extract<RunEvent, { type: 'UserDecided' }>).decision === 'continue'
        ? startSession(state, work)
        : endRun(state, 'stopped-by-guard');
    case 'session:AllItemsRequested':
      return onAllItemsRequested(state, work);
    case 'reload-all:OutlookChangesRead':
      return onAllItemsRead(state, work, event as Extract<RunEvent, { type: 'OutlookChangesRead' }>);
    case 'session:ServerChangesReceived':
      return onServerChanges(state, work, event as Extract<RunEvent, { type: 'ServerChangesReceived' }>);
    case 'ask-crm-deletions:UserDecided':
      return (event as Extract<RunEvent, { type: 'UserDecided' }>).decision === 'continue'
        ? applyPlan(state, work)
        : closeSession(state, work, 'finish', 'stopped-by-guard');
    case 'apply:OutlookWritesApplied':
      return onPlanApplied(state, work, event as Extract<RunEvent, { type: 'OutlookWritesApplied' }>);
    case 'session:SessionEnded':
      return onSessionEnded(state, work, event as Extract<RunEvent, { type: 'SessionEnded' }>);
    case 'link:OutlookWritesApplied':
      // A LUID that didn't make it onto the item is still in our state; the item only lacks its copy.
      return settle(state, work);
    case 'settle:OutlookChangesRead':
      return onSettled(state, work, event as Extract<RunEvent, { type: 'OutlookChangesRead' }>);
    case 'commit:CheckpointCommitted':
      return nextFolder(state, work, true);
    case 'closing:SessionEnded':
    case 'closing:SessionAborted':
      return onClosed(state, work);
    default:
      return unexpected(state, event);
  }
}

function onStateLoaded(state: RunState, work: FolderWork, event: Extract<RunEvent, { type: 'StateLoaded' }>) {
  const folderState = stateForPair(event.state, work.pair);
  const { checkpoint } = folderState;
  const slow = !checkpoint.lastAnchor || checkpoint.needsSlowSync === true;
  const requestedMode: SessionMode = slow ? 'slow' : sessionModeFor(work.pair);
  const next: FolderWork = {
    ...work,
    phase: 'read',
    stored: event.state,
    state: folderState,
    requestedMode,
    items: folderState.items,
    pending: checkpoint.pending,
    nextLuid: checkpoint.nextLuid,
  };
  const command: RunCommand = {
    type: 'ReadOutlookChanges',
    folderId: work.pair.folderId,
    // A slow sync sends every item, so it needs the whole folder.
    cursor: slow || checkpoint.deltaCursor === undefined ? undefined : outlookCursor(checkpoint.deltaCursor),
    pendingIds: Object.keys(checkpoint.pending).map(outlookItemId),
  };
  return out({ ...state, folder: next }, command);
}

function sessionModeFor(pair: FolderPairSettings): SessionMode {
  if (pair.direction === 'crm-to-outlook') return 'one-way-from-server';
  if (pair.direction === 'outlook-to-crm') return 'one-way-from-client';
  return 'two-way';
}

function onOutlookRead(
  state: RunState,
  work: FolderWork,
  event: Extract<RunEvent, { type: 'OutlookChangesRead' }>,
) {
  const detected = detectOutlookChanges({
    state: { ...work.state!, checkpoint: { ...work.state!.checkpoint, nextLuid: work.nextLuid } },
    changeSet: event.changeSet,
    pendingItems: event.pendingItems,
    slowSync: work.requestedMode === 'slow',
    fingerprint: state.config.fingerprint,
    now: state.config.startedAt,
  });
  const sent = state.config.mode === 'preview' ? [] : detected.changes;
  const read: FolderWork = {
    ...work,
    changeSet: event.changeSet,
    detected,
    sent,
    items: detected.items,
    nextLuid: detected.nextLuid,
  };
  const next = withEntries(
    read,
    state.index,
    detected.unreadable.map((u) => ({
      result: 'failed' as const,
      side: 'outlook' as const,
      outlookId: u.id,
      name: '',
      reason: { code: 'OUTLOOK_UNREADABLE' as const, detail: u.code },
    })),
  );
  if (state.config.mode === 'sync') {
    const trip = guard(state, next, 'crm', detected.outlookDeletions);
    if (trip)
      return out(
        { ...state, folder: { ...next, phase: 'ask-outlook-deletions' }, guardTrip: trip },
        { type: 'AskUser', trip },
      );
  }
  return startSession(state, next);
}

function startSession(state: RunState, work: FolderWork): StepResult {
  const next: FolderWork = { ...work, phase: 'session', planned: work.sent.length };
  const { lastAnchor } = work.state!.checkpoint;
  return out(
    { ...state, folder: next, guardTrip: undefined },
    { type: 'RunSyncSession', pair: work.pair, mode: work.requestedMode!, lastAnchor, changes: work.sent },
    progress(next),
  );
}

/** The server switched to slow sync (508): it needs every item, so read the whole folder again. */
function onAllItemsRequested(state: RunState, work: FolderWork): StepResult {
  const next: FolderWork = { ...work, phase: 'reload-all', requestedMode: 'slow' };
  const pendingIds = Object.keys(work.state!.checkpoint.pending).map(outlookItemId);
  return out(
    { ...state, folder: next },
    { type: 'ReadOutlookChanges', folderId: work.pair.folderId, pendingIds },
  );
}

function onAllItemsRead(
  state: RunState,
  work: FolderWork,
  event: Extract<RunEvent, { type: 'OutlookChangesRead' }>,
) {
  // Detect again from the committed state: the first detection's LUIDs were never sent.
  const detected = detectOutlookChanges({
    state: work.state!,
    changeSet: event.changeSet,
    pendingItems: event.pendingItems,
    slowSync: true,
    fingerprint: state.config.fingerprint,
    now: state.config.startedAt,
  });
  const sent = state.config.mode === 'preview' ? [] : detected.changes;
  const next: FolderWork = {
    ...work,
    phase: 'session',
    changeSet: event.changeSet,
    detected,
    sent,
    items: detected.items,
    nextLuid: detected.nextLuid,
    planned: sent.length,
  };
  return out(
    { ...state, folder: next },
    { type: 'ProvideAllItems', folderId: work.pair.folderId, changes: sent },
    progress(next),
  );
}

function onServerChanges(
  state: RunState,
  work: FolderWork,
  event: Extract<RunEvent, { type: 'ServerChangesReceived' }>,
) {
  const plan = planFor(state, work, event.changes);
  const planned: FolderWork = { ...work, plan, planned: work.planned + plan.writes.length };
  if (state.config.mode === 'preview') {
    const preview = buildPreview(planned, plan, state.config.guard);
    return closeSession({ ...state, previews: [...state.previews, preview] }, planned, 'next-folder');
  }
  const trip = guard(state, planned, 'outlook', plan.serverDeletions);
  if (trip)
    return out(
      { ...state, folder: { ...planned, phase: 'ask-crm-deletions' }, guardTrip: trip },
      { type: 'AskUser', trip },
    );
  return applyPlan(state, planned);
}

function planFor(state: RunState, work: FolderWork, serverChanges: readonly ServerChange[]) {
  return planOutlookWrites({
    kind: work.pair.kind,
    datastore: work.pair.datastore,
    serverChanges,
    items: work.items,
    committedIds: new Set(Object.keys(work.stored?.items ?? {})),
    sent: work.sent,
    outlookEdits: work.detected!.outlookEdits,
    present: work.detected!.present,
    policy: conflictPolicyByName(work.pair.policy),
    direction: work.pair.direction,
    nextLuid: work.nextLuid,
    fingerprint: state.config.fingerprint,
    outlookShape: state.config.outlookShape,
  });
}

function applyPlan(state: RunState, work: FolderWork): StepResult {
  const plan = work.plan!;
  if (plan.writes.length === 0)
    return onPlanApplied(
      state,
      { ...work, phase: 'apply' },
      { type: 'OutlookWritesApplied', results: [], before: [] },
    );
  const writes = plan.writes.map((w) => w.write);
  const readBefore = writes.flatMap((w) => (w.op === 'update' || w.op === 'delete' ? [w.id] : []));
  return out(
    { ...state, folder: { ...work, phase: 'apply' }, guardTrip: undefined },
    { type: 'ApplyOutlookWrites', folderId: work.pair.folderId, writes, readBefore },
  );
}

function onPlanApplied(
  state: RunState,
  work: FolderWork,
  event: Extract<RunEvent, { type: 'OutlookWritesApplied' }>,
) {
  const applied = applyWriteResults(
    work,
    state.index,
    work.plan!,
    event.results,
    event.before,
    state.config.startedAt,
  );
  const next: FolderWork = { ...applied.work, phase: 'session' };
  // What was written is journaled under "cancelled" (0071); the session ends unanswered, nothing commits.
  if (event.cancelled) return endRun({ ...state, folder: next }, 'cancelled');
  return out(
    { ...state, folder: next },
    { type: 'AnswerServer', folderId: work.pair.folderId, answer: { answers: applied.answers } },
    progress(next),
  );
}

function onSessionEnded(
  state: RunState,
  work: FolderWork,
  event: Extract<RunEvent, { type: 'SessionEnded' }>,
) {
  if (state.config.mode === 'preview') {
    // The session never asked about server changes (a client that skips an empty package 4): nothing to
    // show from the server, and a preview commits nothing whatever the session did.
    const preview = buildPreview(work, planFor(state, work, []), state.config.guard);
    return nextFolder({ ...state, previews: [...state.previews, preview] }, work, false);
  }
  const { work: next, linkWrites } = applySessionOutcome(
    work,
    state.index,
    event.outcome,
    state.config.startedAt,
    (item) => state.config.fingerprint(state.config.outlookShape ? state.config.outlookShape(item) : item),
  );
  const ended: FolderWork = { ...next, sessionOutcome: event.outcome };
  if (linkWrites.length === 0)
    return (work.plan?.writes.length ?? 0) > 0 ? settle(state, ended) : commit(state, ended);
  return out(
    { ...state, folder: { ...ended, phase: 'link' } },
    { type: 'ApplyOutlookWrites', folderId: work.pair.folderId, writes: linkWrites, readBefore: [] },
    progress(ended),
  );
}

/**
 * The run wrote to Outlook: read one more delta round from the pre-write cursor and commit its cursor, so the
 * next run starts after our writes (decision record 0140). Costs one delta round per folder written to; the
 * echoes it reads are the ones the next run would otherwise read.
 */
function settle(state: RunState, work: FolderWork): StepResult {
  const cursor = work.changeSet?.nextCursor;
  if (cursor === undefined) return commit(state, work);
  return out(
    { ...state, folder: { ...work, phase: 'settle' } },
    { type: 'ReadOutlookChanges', folderId: work.pair.folderId, cursor, pendingIds: [] },
  );
}

function onSettled(
  state: RunState,
  work: FolderWork,
  event: Extract<RunEvent, { type: 'OutlookChangesRead' }>,
) {
  const settled = settleAfterWrites({
    items: work.items,
    pending: work.pending,
    changeSet: event.changeSet,
    preWriteCursor: work.changeSet!.nextCursor,
    fingerprint: state.config.fingerprint,
    direction: work.pair.direction,
  });
  const { items, pending, cursor, echoes } = settled;
  return commit(state, { ...work, items, pending, settled: { cursor, echoes } });
}

function commit(state: RunState, work: FolderWork): StepResult {
  const folderState = nextFolderState(work, work.sessionOutcome!);
  return out(
    { ...state, folder: { ...work, phase: 'commit' } },
    { type: 'CommitCheckpoint', state: folderState },
  );
}
