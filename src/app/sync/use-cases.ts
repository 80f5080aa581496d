/**
 * The sync use cases the task pane and the CLI call (DESIGN.md §2): previewSync, runSync, undoLastRun,
 * restoreVersion. Each takes an AbortSignal; runs report progress per folder.
 */
import {
  DEFAULT_DELETION_GUARD,
  planRestoreVersion,
  planUndo,
  SyncError,
  type DeletionGuardSettings,
  type FolderPairSettings,
  type JournalRun,
  type RunResult,
  type WriteResult,
} from '../../core/sync/index.js';
import type { SyncItem } from '../../core/model/index.js';
import { executeRun, type RunOptions } from './executor.js';
import { exclusively, writerFor } from './run-guard.js';
import type { SyncPorts } from './ports.js';

export interface SyncRequest {
  /** The enabled folder pairs, in the order to sync them. */
  readonly folders: readonly FolderPairSettings[];
  readonly guard?: DeletionGuardSettings;
}

function runConfig(ports: SyncPorts, request: SyncRequest, mode: 'sync' | 'preview') {
  return {
    runId: ports.newRunId(),
    mode,
    startedAt: ports.now(),
    folders: request.folders,
    guard: request.guard ?? DEFAULT_DELETION_GUARD,
    fingerprint: ports.fingerprint,
    outlookShape: (item: SyncItem) => ports.outlookShape?.[item.kind]?.(item) ?? item,
  };
}

/** Syncs every folder pair; commits each folder only when its data is durable and its session ended cleanly. */
export function runSync(
  ports: SyncPorts,
  request: SyncRequest,
  options: RunOptions = {},
): Promise<RunResult> {
  return exclusively(ports.stateStore, () => executeRun(runConfig(ports, request, 'sync'), ports, options));
}

/**
 * What a run would do, per folder and direction. Sends none of our changes and ends each session before our
 * statuses, so the server delivers nothing and nothing is committed on either side.
 */
export function previewSync(
  ports: SyncPorts,
  request: SyncRequest,
  options: RunOptions = {},
): Promise<RunResult> {
  return exclusively(ports.stateStore, () =>
    executeRun(runConfig(ports, request, 'preview'), ports, options),
  );
}

export interface UndoResult {
  readonly runId: string;
  readonly restored: number;
  readonly failed: readonly { readonly key: string; readonly code: string }[];
}

/** Puts the Outlook side back as it was before the newest run (if it changed Outlook and is not undone yet). */
export function undoLastRun(ports: SyncPorts, options: { signal?: AbortSignal } = {}): Promise<UndoResult> {
  return exclusively(ports.stateStore, () => undoNewestRun(ports, options));
}

async function undoNewestRun(ports: SyncPorts, options: { signal?: AbortSignal }): Promise<UndoResult> {
  // Only the newest run: an older one's before-images would overwrite what later runs synced since.
  const [run] = await ports.journal.list();
  if (!run || run.undoneAt) throw new SyncError('JOURNAL_NOT_FOUND', 'no run to undo');
  if (!changedOutlook(run)) {
    throw new SyncError('NOT_RESTORABLE', 'the newest run changed nothing in Outlook', { runId: run.runId });
  }
  const writer = writerFor(ports.stateStore);
  let restored = 0;
  const failed: { key: string; code: string }[] = [];
  for (const folder of run.folders) {
    const store = ports.outlook[folder.kind];
    const undo = planUndo(folder);
    if (!store || undo.writes.length === 0) continue;
    const results = await store.writeBatch(
      folder.folderId,
      undo.writes.map(({ key: _k, ...op }) => op),
      options.signal,
    );
    const readd: Record<string, 'readd'> = {};
    results.forEach((r: WriteResult, i) => {
      const key = undo.writes[i]!.key;
      if (!r.ok) return void failed.push({ key, code: r.error.code });
      restored++;
      if (undo.readdKeys.includes(key)) readd[r.id] = 'readd';
    });
    // Items brought back from a deletion have no CRM copy any more: the next sync sends them as new.
    const stored = await ports.stateStore.load(folder.folderId);
    if (stored && Object.keys(readd).length > 0) {
      const pending = { ...stored.checkpoint.pending, ...readd };
      await writer.commit({ ...stored, checkpoint: { ...stored.checkpoint, pending } }, options.signal);
    }
  }
  await ports.journal.markUndone(run.runId, ports.now());
  return { runId: run.runId, restored, failed };
}

function changedOutlook(run: JournalRun): boolean {
  return run.folders.some((f) => f.entries.some((e) => ['created', 'updated', 'deleted'].includes(e.result)));
}

/** Brings back a conflict's losing version in Outlook; the next sync sends it to the CRM. */
export function restoreVersion(
  ports: SyncPorts,
  runId: string,
  entryId: string,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  return exclusively(ports.stateStore, () => restoreLoser(ports, runId, entryId, options));
}

async function restoreLoser(
  ports: SyncPorts,
  runId: string,
  entryId: string,
  options: { signal?: AbortSignal },
): Promise<void> {
  const run = await ports.journal.get(runId);
  if (!run) throw new SyncError('JOURNAL_NOT_FOUND', 'no such run', { runId });
  const { folderId, write } = planRestoreVersion(run, entryId);
  const kind = run.folders.find((f) => f.folderId === folderId)!.kind;
  const store = ports.outlook[kind];
  if (!store) throw new SyncError('OUTLOOK_WRITE_FAILED', `no Outlook store for ${kind}`, { kind });
  const { key: _key, ...op } = write;
  const [result] = await store.writeBatch(folderId, [op], options.signal);
  if (!result?.ok) {
    throw new SyncError('OUTLOOK_WRITE_FAILED', 'Outlook refused the restored version', {
      runId,
      entryId,
      code: result?.error.code,
    });
  }
}
