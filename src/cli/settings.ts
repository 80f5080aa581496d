/**
 * The add-in's per-mailbox settings as the CLI keeps them (DESIGN.md §4, docs/decisions/0090): per-folder
 * checkpoints, the run journal, duplicate-check decisions (links waiting for the first sync, skipped items), and the mark of a run in
 * progress. In the sandbox mailbox file they sit beside the mailbox under `addinSettings` (the stand-in for
 * Office roaming settings), so one atomic rename makes Outlook's items and the checkpoints durable together.
 */
import type { FolderSyncState, JournalRun, JournalStore, SyncStateStore } from '../core/sync/index.js';
import { CliError } from './errors.js';
import type { DuplicateDecisionStore, FolderDecisions } from '../app/dedupe/index.js';

export interface RunMark {
  readonly runStartedAt: string;
  readonly folderIds: readonly string[];
}

export interface AddinSettings {
  readonly version: 1;
  /** Committed state per Outlook folder id. */
  readonly folders: Record<string, FolderSyncState>;
  /** Newest first. */
  journal: JournalRun[];
  /** Duplicate-check decisions per folder id (links for the first sync, skipped items): src/app/dedupe. */
  readonly decisions: Record<string, FolderDecisions>;
  /** Set durably before a run writes anything, cleared when it returned: still set = the last run was killed. */
  runInProgress?: RunMark;
}

/** Runs kept in the journal (before-images make runs large; the newest matter for undo). */
export const JOURNAL_KEEP = 20;

export function emptySettings(): AddinSettings {
  return { version: 1, folders: {}, journal: [], decisions: {} };
}

export function parseSettings(raw: unknown, where: string): AddinSettings {
  if (raw === undefined) return emptySettings();
  const s = raw as Partial<AddinSettings> | null;
  const ok =
    s !== null &&
    typeof s === 'object' &&
    s.version === 1 &&
    typeof s.folders === 'object' &&
    Array.isArray(s.journal) &&
    (s.decisions === undefined || typeof s.decisions === 'object');
  if (!ok) throw new CliError('STATE_INVALID', 'the sync settings are not readable', { where });
  return { ...(s as AddinSettings), decisions: s.decisions ?? {} };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The engine's SyncStateStore over the settings object (copies in and out, like a real store). */
export function settingsStateStore(settings: AddinSettings): SyncStateStore {
  return {
    async load(folderId) {
      const stored = settings.folders[folderId];
      return stored && clone(stored);
    },
    async save(state) {
      settings.folders[state.checkpoint.folderId] = clone(state);
    },
  };
}

export function settingsJournalStore(settings: AddinSettings): JournalStore {
  return {
    async append(run) {
      settings.journal = [clone(run), ...settings.journal].slice(0, JOURNAL_KEEP);
    },
    async list() {
      return clone(settings.journal);
    },
    async get(runId) {
      const run = settings.journal.find((r) => r.runId === runId);
      return run && clone(run);
    },
    async markUndone(runId, at) {
      settings.journal = settings.journal.map((r) => (r.runId === runId ? { ...r, undoneAt: at } : r));
    },
  };
}

export function settingsDecisionStore(settings: AddinSettings): DuplicateDecisionStore {
  return {
    async load(folderId) {
      const stored = settings.decisions[folderId];
      return stored && clone(stored);
    },
    async save(folderId, decisions) {
      settings.decisions[folderId] = clone(decisions);
    },
    async remove(folderId) {
      delete settings.decisions[folderId];
    },
  };
}
