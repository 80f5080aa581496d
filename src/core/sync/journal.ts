/**
 * The run journal (peers.md §4 item 6): what each run did to each item, with before-images of the Outlook items it
 * changed, so "Undo this run" can put the Outlook side back and "Restore this version" can bring back a
 * conflict's losing version. Undo and restore are ordinary Outlook writes: the next sync carries them to the CRM
 * like any user edit, so undoing a run that followed a CRM wipe restores the CRM too.
 */
import type { ItemKind, Luid, OutlookFolderId, OutlookItemId, SyncItem } from '../model/index.js';
import { SyncError, type ItemFailure, type SyncErrorCode } from './errors.js';
import type { ItemLink } from './outlook-store.js';
import type { OutlookWrite } from './outlook-writes.js';
import type { ConflictRecord } from './plan-types.js';

interface EntryBase {
  /** Unique within the run, for "Restore this version". */
  readonly entryId: string;
  readonly luid?: Luid;
  readonly outlookId?: OutlookItemId;
  readonly name: string;
}

export type JournalEntry =
  | (EntryBase & { readonly result: 'created'; readonly outlookId: OutlookItemId; readonly after: SyncItem })
  | (EntryBase & {
      readonly result: 'updated';
      readonly outlookId: OutlookItemId;
      /** The Outlook item before the run wrote it (absent if it could not be read). */
      readonly before?: SyncItem;
      readonly after: SyncItem;
      /** The link the run left on the item; undo keeps it, so the next sync sees the old content as a change. */
      readonly link: ItemLink;
    })
  | (EntryBase & {
      readonly result: 'deleted';
      readonly outlookId: OutlookItemId;
      readonly before?: SyncItem;
    })
  /** One of our changes the CRM accepted. */
  | (EntryBase & { readonly result: 'sent'; readonly op: 'add' | 'replace' | 'delete' })
  | (EntryBase & {
      readonly result: 'failed';
      readonly side: 'outlook' | 'crm';
      readonly reason: ItemFailure;
    })
  | (EntryBase & { readonly result: 'conflict'; readonly conflict: ConflictRecord });

export interface JournalFolder {
  readonly folderId: OutlookFolderId;
  readonly datastore: string;
  readonly kind: ItemKind;
  readonly entries: readonly JournalEntry[];
}

export type RunOutcome = 'completed' | 'cancelled' | 'failed' | 'stopped-by-guard';

export interface JournalRun {
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly outcome: RunOutcome;
  readonly error?: { readonly code: SyncErrorCode; readonly detail?: string };
  readonly folders: readonly JournalFolder[];
  /** Set once the run was undone; a run is undone at most once. */
  readonly undoneAt?: string;
}

export interface JournalStore {
  append(run: JournalRun): Promise<void>;
  /** Newest first. */
  list(): Promise<readonly JournalRun[]>;
  get(runId: string): Promise<JournalRun | undefined>;
  markUndone(runId: string, at: string): Promise<void>;
}

export interface UndoPlan {
  readonly writes: readonly OutlookWrite[];
  /**
   * Keys of the creates that bring back items the run deleted. Their old LUID is gone on the server, so the
   * caller marks the new items `readd` in the checkpoint: the next sync sends them to the CRM as new.
   */
  readonly readdKeys: readonly string[];
}

/** Writes that put a folder's Outlook items back as they were before the run, newest change first. */
export function planUndo(folder: JournalFolder): UndoPlan {
  const writes: OutlookWrite[] = [];
  const readdKeys: string[] = [];
  [...folder.entries].reverse().forEach((e) => {
    const key = `undo-${e.entryId}`;
    if (e.result === 'created') writes.push({ op: 'delete', key, id: e.outlookId });
    // The item keeps the run's link, so the next sync sees the old content as a change and sends it.
    if (e.result === 'updated' && e.before)
      writes.push({ op: 'update', key, id: e.outlookId, item: e.before, link: e.link });
    if (e.result === 'deleted' && e.before && e.luid) {
      writes.push({ op: 'create', key, item: e.before, link: { luid: e.luid, fingerprint: '' } });
      readdKeys.push(key);
    }
  });
  return { writes, readdKeys };
}

/** The write that brings back a conflict's losing version in Outlook (the next sync sends it to the CRM). */
export function planRestoreVersion(
  run: JournalRun,
  entryId: string,
): { folderId: OutlookFolderId; write: OutlookWrite } {
  for (const folder of run.folders) {
    const entry = folder.entries.find((e) => e.entryId === entryId);
    if (!entry) continue;
    if (entry.result !== 'conflict') throw notRestorable('NOT_RESTORABLE', run.runId, entryId);
    const { conflict } = entry;
    const loser = conflict.winner === 'crm' ? conflict.outlookVersion : conflict.crmVersion;
    // A losing deletion has no version to bring back.
    if (!loser || conflict.kind !== 'both-changed') throw notRestorable('NOT_RESTORABLE', run.runId, entryId);
    return {
      folderId: folder.folderId,
      // An empty link fingerprint never equals the content's: the next sync sends the restored version on.
      write: {
        op: 'update',
        key: `restore-${entryId}`,
        id: conflict.outlookId,
        item: loser,
        link: { luid: conflict.luid, fingerprint: '' },
      },
    };
  }
  throw notRestorable('JOURNAL_NOT_FOUND', run.runId, entryId);
}

function notRestorable(code: SyncErrorCode, runId: string, entryId: string): SyncError {
  return new SyncError(code, `entry ${entryId} of run ${runId} cannot be restored`, { runId, entryId });
}

/** In-memory journal keeping the newest `keep` runs. */
export function createMemoryJournalStore(keep = 50): JournalStore {
  let runs: JournalRun[] = [];
  const clone = (r: JournalRun) => JSON.parse(JSON.stringify(r)) as JournalRun;
  return {
    async append(run) {
      runs = [clone(run), ...runs].slice(0, keep);
    },
    async list() {
      return runs.map(clone);
    },
    async get(runId) {
      const run = runs.find((r) => r.runId === runId);
      return run && clone(run);
    },
    async markUndone(runId, at) {
      runs = runs.map((r) => (r.runId === runId ? { ...r, undoneAt: at } : r));
    },
  };
}
