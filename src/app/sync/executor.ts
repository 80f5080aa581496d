/**
 * The small executor around the run reducer (CONVENTIONS.md rule 3): it carries out each command against the
 * ports and feeds the result back as an event. The SyncML session runs alongside: its callbacks become events
 * (server changes, "send me all items") and wait for the reducer's answer commands.
 */
import type { OutlookFolderId, OutlookItemId } from '../../core/model/index.js';
import {
  initialRunState,
  OutlookStoreError,
  step,
  SyncError,
  type GuardTrip,
  type OutlookChange,
  type OutlookStore,
  type OutlookWrite,
  type OutlookWriteResult,
  type FolderProgress,
  type RunCommand,
  type RunConfig,
  type RunEvent,
  type RunResult,
  type SyncErrorCode,
} from '../../core/sync/index.js';
import { SyncMLError } from '../../core/syncml/errors.js';
import type { ServerChangesDecision, SyncProgress } from '../../core/syncml/run.js';
import type { ClientChange } from '../../core/syncml/session/types.js';
import { EventQueue } from './event-queue.js';
import { writerFor } from './run-guard.js';
import { DEFAULT_WIRE, type SyncPorts } from './ports.js';
import { fromServerChanges, toClientChanges, toSessionOutcome } from './wire.js';

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FolderProgress) => void;
  /** The pane's "Continue / Stop" when the deletion guard trips; without it the run stops. */
  readonly confirmDeletions?: (trip: GuardTrip) => Promise<'continue' | 'stop'>;
}

interface LiveSession {
  answer?: (decision: ServerChangesDecision) => void;
  provideAll?: (changes: readonly ClientChange[]) => void;
  settled: Promise<void>;
  /** The session's phase as it last reported it; undefined when it reports none. */
  phase?: SyncProgress['phase'];
}

/** Phases before our changes are packed: a session that broke in one of them left nothing on the server. */
const BEFORE_OUR_CHANGES: ReadonlySet<string> = new Set(['idle', 'init', 'loading-items']);

export async function executeRun(
  config: RunConfig,
  ports: SyncPorts,
  options: RunOptions = {},
): Promise<RunResult> {
  const events = new EventQueue<RunEvent>();
  const writer = writerFor(ports.stateStore);
  const signal = options.signal;
  const onAbort = () => events.push({ type: 'Cancelled' });
  signal?.addEventListener('abort', onAbort, { once: true });
  let session: LiveSession | undefined;
  let finished = false;
  let journalLost = false;
  let state = initialRunState(config);
  events.push(signal?.aborted ? { type: 'Cancelled' } : { type: 'Started' });
  try {
    for (;;) {
      const result = step(state, await events.next());
      state = result.state;
      for (const command of result.commands) {
        if (command.type === 'Finish') {
          await endSession();
          // The data is written; only its record is missing. Say so rather than report a clean run.
          if (journalLost && !command.result.error) {
            return { ...command.result, error: { code: 'STORAGE_FAILED', detail: 'journal' } };
          }
          return command.result;
        }
        await runCommand(command).catch((e: unknown) => events.pushFront(failureEvent(e, signal)));
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  /** The run is over: whatever the session still waits for gets 'abort' / nothing, then it settles. */
  async function endSession(): Promise<void> {
    finished = true;
    session?.answer?.('abort');
    session?.provideAll?.([]);
    await session?.settled;
  }

  async function runCommand(command: Exclude<RunCommand, { type: 'Finish' }>): Promise<void> {
    switch (command.type) {
      case 'LoadState':
        return events.pushFront({
          type: 'StateLoaded',
          state: await ports.stateStore.load(command.folderId),
        });
      case 'ReadOutlookChanges': {
        const store = storeFor(command.folderId);
        const changeSet = await store.readChanges(command.folderId, command.cursor, signal);
        const listed = new Set(changeSet.changes.map((c) => c.id));
        const missing = command.pendingIds.filter((id) => !listed.has(id));
        const pendingItems = await readItems(store, command.folderId, missing, signal);
        return events.pushFront({ type: 'OutlookChangesRead', changeSet, pendingItems });
      }
      case 'AskUser': {
        const decision = options.confirmDeletions ? await options.confirmDeletions(command.trip) : 'stop';
        return events.pushFront({ type: 'UserDecided', decision });
      }
      case 'RunSyncSession':
        session = startSession(command);
        return;
      case 'AnswerServer':
        session?.answer?.(command.answer === 'abort' ? 'abort' : { outcomes: command.answer.answers });
        return;
      case 'ProvideAllItems': {
        const pair = pairOf(command.folderId);
        session?.provideAll?.(toClientChanges(command.changes, ports.codec, wireOf(pair.kind)));
        return;
      }
      case 'ApplyOutlookWrites': {
        const store = storeFor(command.folderId);
        const before = await readItems(store, command.folderId, command.readBefore, signal);
        // Cancelling lets the writes already sent finish (the store stops before the next round): their
        // results must reach the journal, or the history would miss items that are in Outlook (0103).
        const results = await applyWrites(store, command.folderId, command.writes, signal);
        const cancelled = signal?.aborted === true;
        return events.pushFront({
          type: 'OutlookWritesApplied',
          results,
          before,
          ...(cancelled ? { cancelled } : {}),
        });
      }
      case 'CommitCheckpoint':
        await writer.commit(command.state, signal);
        return events.pushFront({ type: 'CheckpointCommitted' });
      case 'MarkInterrupted':
        // A session that never packed our changes (e.g. the server unreachable) needs no slow sync: that would
        // only risk the edits a slow sync cannot carry (decision record 0102).
        if (session?.phase !== undefined && BEFORE_OUR_CHANGES.has(session.phase)) return;
        // Best effort: if this fails too, the anchors still disagree with the server's and it forces a slow sync.
        return writer.markInterrupted(command.folderId).catch(() => undefined);
      case 'SaveJournal':
        return ports.journal.append({ ...command.run, finishedAt: ports.now() }).catch(() => {
          journalLost = true;
        });
      case 'EmitProgress':
        return options.onProgress?.(command.progress);
    }
  }

  function startSession(command: Extract<RunCommand, { type: 'RunSyncSession' }>): LiveSession {
    const wire = wireOf(command.pair.kind);
    const live: LiveSession = { settled: Promise.resolve() };
    let abortAnswered = false;
    const run = ports.runSession({
      signal,
      onProgress: (progress) => {
        live.phase = progress.phase;
      },
      datastores: [
        {
          localUri: wire.localUri,
          remoteUri: command.pair.datastore,
          contentType: wire.contentType,
          mode: command.mode,
          ...(command.lastAnchor ? { lastAnchor: command.lastAnchor } : {}),
          nextAnchor: anchorOf(ports.now()),
          changes: toClientChanges(command.changes, ports.codec, wire),
          loadAllItems: () =>
            new Promise((resolve) => {
              if (finished) return resolve([]);
              live.provideAll = resolve;
              events.push({ type: 'AllItemsRequested' });
            }),
        },
      ],
      onServerChanges: (_store, changes) =>
        new Promise((resolve) => {
          if (finished) return resolve('abort');
          live.answer = (decision) => {
            abortAnswered = decision === 'abort';
            resolve(decision);
          };
          events.push({
            type: 'ServerChangesReceived',
            changes: fromServerChanges(changes, command.pair.kind, ports.codec, wire),
          });
        }),
    });
    live.settled = run.then(
      (result) => {
        const ds = result.datastores.find((d) => d.localUri === wire.localUri);
        if (!ds)
          return events.push({ type: 'Failed', code: 'SESSION_FAILED', detail: 'NO_DATASTORE_RESULT' });
        events.push({ type: 'SessionEnded', outcome: toSessionOutcome(ds) });
      },
      (e: unknown) => {
        const hookAbort = e instanceof SyncMLError && e.code === 'ABORTED_BY_HOOK';
        events.push(
          abortAnswered && hookAbort ? { type: 'SessionAborted' } : failureEvent(e, signal, 'SESSION_FAILED'),
        );
      },
    );
    return live;
  }

  function pairOf(folderId: OutlookFolderId) {
    const pair = config.folders.find((f) => f.folderId === folderId);
    if (!pair) throw new SyncError('STATE_MISMATCH', 'folder is not part of this run', { folderId });
    return pair;
  }

  function storeFor(folderId: OutlookFolderId): OutlookStore {
    const kind = pairOf(folderId).kind;
    const store = ports.outlook[kind];
    if (!store) throw new SyncError('OUTLOOK_READ_FAILED', `no Outlook store for ${kind}`, { kind });
    return store;
  }

  function wireOf(kind: keyof typeof DEFAULT_WIRE) {
    return ports.wire?.[kind] ?? DEFAULT_WIRE[kind];
  }
}

/** Current state of some items; ids no longer in the folder come back removed. One full read, not one per id. */
async function readItems(
  store: OutlookStore,
  folderId: OutlookFolderId,
  ids: readonly OutlookItemId[],
  signal?: AbortSignal,
): Promise<OutlookChange[]> {
  if (ids.length === 0) return [];
  const all = new Map((await store.readAll(folderId, signal)).map((s) => [s.id, s]));
  return ids.map((id): OutlookChange => {
    const found = all.get(id);
    if (!found) return { id, removed: true };
    return found.link ? { id, item: found.item, link: found.link } : { id, item: found.item };
  });
}

async function applyWrites(
  store: OutlookStore,
  folderId: OutlookFolderId,
  writes: readonly OutlookWrite[],
  signal?: AbortSignal,
): Promise<OutlookWriteResult[]> {
  const ops = writes.map(({ key: _key, ...op }) => op);
  const results = await store.writeBatch(folderId, ops, signal);
  return writes.map((w, i): OutlookWriteResult => {
    const r = results[i];
    if (r?.ok) return { key: w.key, ok: true, id: r.id };
    const status = r?.error.details?.['status'];
    return {
      key: w.key,
      ok: false,
      code: r?.error.code ?? 'UNEXPECTED',
      ...(typeof status === 'number' ? { status } : {}),
      ...(r?.id !== undefined ? { id: r.id } : {}),
    };
  });
}

/** SyncEvolution-style anchors (ISO basic UTC); opaque to the server. */
function anchorOf(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

function failureEvent(
  e: unknown,
  signal: AbortSignal | undefined,
  fallback: SyncErrorCode = 'STORAGE_FAILED',
): RunEvent {
  if (signal?.aborted) return { type: 'Cancelled' };
  if (e instanceof SyncError) return { type: 'Failed', code: e.code, detail: e.message };
  if (e instanceof OutlookStoreError) {
    return {
      type: 'Failed',
      code: e.code === 'ABORTED' ? 'CANCELLED' : 'OUTLOOK_READ_FAILED',
      detail: e.code,
    };
  }
  if (e instanceof SyncMLError) return { type: 'Failed', code: 'SESSION_FAILED', detail: e.code };
  return { type: 'Failed', code: fallback, detail: e instanceof Error ? e.name : 'unknown' };
}
