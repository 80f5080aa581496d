/**
 * Commands, events and state of one sync run (CONVENTIONS.md rule 3): `step(state, event) → { state, commands }`
 * is pure; the app's executor carries out the commands and feeds their results back as events.
 */
import type { OutlookFolderId, OutlookItemId, SyncItem } from '../model/index.js';
import type { DeletionGuardSettings, GuardTrip } from './deletion-guard.js';
import type { DetectedChanges } from './detect-outlook-changes.js';
import type { SyncErrorCode } from './errors.js';
import type { JournalEntry, JournalRun, RunOutcome } from './journal.js';
import type { OutlookChange, OutlookChangeSet, OutlookWrite, OutlookWriteResult } from './outlook-writes.js';
import type { OutlookCursor } from './outlook-store.js';
import type { OutlookPlan } from './plan-types.js';
import type {
  OurChange,
  ServerChange,
  ServerChangeAnswer,
  SessionMode,
  SessionOutcome,
} from './session-types.js';
import type { FolderPairSettings, FolderSyncState, ItemSyncState, PendingReason } from './state.js';

export interface RunConfig {
  readonly runId: string;
  readonly mode: 'sync' | 'preview';
  /** UTC ISO; stamped on every item state this run writes. */
  readonly startedAt: string;
  readonly folders: readonly FolderPairSettings[];
  readonly guard: DeletionGuardSettings;
  /** The formats' content fingerprint (pure). */
  readonly fingerprint: (item: SyncItem) => string;
  /** What Outlook keeps of an item once written (see PlanInput.outlookShape); default: all of it. */
  readonly outlookShape?: (item: SyncItem) => SyncItem;
}

export type RunCommand =
  | { readonly type: 'LoadState'; readonly folderId: OutlookFolderId }
  | {
      readonly type: 'ReadOutlookChanges';
      readonly folderId: OutlookFolderId;
      /** Absent: full read. */
      readonly cursor?: OutlookCursor;
      /** Items to read whatever delta says (failed last time, conflicts Outlook won). */
      readonly pendingIds: readonly OutlookItemId[];
    }
  | { readonly type: 'AskUser'; readonly trip: GuardTrip }
  | {
      readonly type: 'RunSyncSession';
      readonly pair: FolderPairSettings;
      readonly mode: SessionMode;
      readonly lastAnchor?: string;
      readonly changes: readonly OurChange[];
    }
  | {
      readonly type: 'AnswerServer';
      readonly folderId: OutlookFolderId;
      readonly answer: { readonly answers: readonly ServerChangeAnswer[] } | 'abort';
    }
  | {
      readonly type: 'ApplyOutlookWrites';
      readonly folderId: OutlookFolderId;
      readonly writes: readonly OutlookWrite[];
      /** Read these first: before-images for the journal. */
      readonly readBefore: readonly OutlookItemId[];
    }
  /** Answer to AllItemsRequested: every item of the folder as our changes (slow sync). */
  | {
      readonly type: 'ProvideAllItems';
      readonly folderId: OutlookFolderId;
      readonly changes: readonly OurChange[];
    }
  | { readonly type: 'CommitCheckpoint'; readonly state: FolderSyncState }
  /** Downgrade only: the next run of this folder must slow-sync (an Add may sit on the server unmapped). */
  | { readonly type: 'MarkInterrupted'; readonly folderId: OutlookFolderId }
  | { readonly type: 'SaveJournal'; readonly run: Omit<JournalRun, 'finishedAt'> }
  | { readonly type: 'EmitProgress'; readonly progress: FolderProgress }
  | { readonly type: 'Finish'; readonly result: RunResult };

export type RunEvent =
  | { readonly type: 'Started' }
  | { readonly type: 'StateLoaded'; readonly state: FolderSyncState | undefined }
  | {
      readonly type: 'OutlookChangesRead';
      readonly changeSet: OutlookChangeSet;
      readonly pendingItems: readonly OutlookChange[];
    }
  | { readonly type: 'UserDecided'; readonly decision: 'continue' | 'stop' }
  | { readonly type: 'ServerChangesReceived'; readonly changes: readonly ServerChange[] }
  /** The server demanded a slow sync (508) mid-session: it wants every item of the folder. */
  | { readonly type: 'AllItemsRequested' }
  /** The session ended without completing, as we asked ('abort' answer). */
  | { readonly type: 'SessionAborted' }
  | {
      readonly type: 'OutlookWritesApplied';
      readonly results: readonly OutlookWriteResult[];
      readonly before: readonly OutlookChange[];
      /** The run was cancelled while these writes were in flight: record them, answer the server nothing. */
      readonly cancelled?: boolean;
    }
  | { readonly type: 'SessionEnded'; readonly outcome: SessionOutcome }
  | { readonly type: 'CheckpointCommitted' }
  | { readonly type: 'Cancelled' }
  | { readonly type: 'Failed'; readonly code: SyncErrorCode; readonly detail?: string };

export interface FolderProgress {
  readonly folderId: OutlookFolderId;
  readonly datastore: string;
  readonly done: number;
  readonly planned: number;
}

export interface DirectionCounts {
  readonly creates: number;
  readonly updates: number;
  readonly deletes: number;
  /** Display names, for the pane's expandable lists. */
  readonly names: readonly string[];
}

/** What a preview shows per folder: "12 new in Outlook, 3 changed in the CRM, 1 deletion". */
export interface FolderPreview {
  readonly folderId: OutlookFolderId;
  readonly datastore: string;
  readonly toOutlook: DirectionCounts;
  readonly toCrm: DirectionCounts;
  readonly conflicts: number;
  /** Outlook changes the direction setting keeps back. */
  readonly heldBack: number;
  /** A guard that would stop the real run. */
  readonly guardTrips: readonly GuardTrip[];
}

export interface FolderResult {
  readonly folderId: OutlookFolderId;
  readonly datastore: string;
  readonly committed: boolean;
  readonly sessionMode?: SessionMode;
  readonly echoes: number;
  readonly toOutlook: { readonly creates: number; readonly updates: number; readonly deletes: number };
  readonly toCrm: { readonly adds: number; readonly replaces: number; readonly deletes: number };
  readonly conflicts: number;
  readonly failed: number;
}

export interface RunResult {
  readonly runId: string;
  readonly mode: 'sync' | 'preview';
  readonly outcome: RunOutcome;
  readonly folders: readonly FolderResult[];
  readonly previews: readonly FolderPreview[];
  readonly guardTrip?: GuardTrip;
  readonly error?: { readonly code: SyncErrorCode; readonly detail?: string };
}

export type FolderPhase =
  | 'load'
  | 'read'
  /** Re-reading the whole folder because the server switched to slow sync. */
  | 'reload-all'
  | 'ask-outlook-deletions'
  | 'session'
  | 'ask-crm-deletions'
  | 'apply'
  | 'link'
  /** One more delta round after our writes: its cursor is the one we commit (settle-after-writes.ts). */
  | 'settle'
  | 'commit'
  /** Waiting for an aborted session to end before moving on (preview, guard stop). */
  | 'closing';

/** Working data of the folder being synced; nothing here is durable until CommitCheckpoint. */
export interface FolderWork {
  readonly pair: FolderPairSettings;
  readonly phase: FolderPhase;
  readonly stored?: FolderSyncState;
  readonly state?: FolderSyncState;
  readonly requestedMode?: SessionMode;
  readonly changeSet?: OutlookChangeSet;
  readonly detected?: DetectedChanges;
  readonly sent: readonly OurChange[];
  readonly plan?: OutlookPlan;
  readonly items: Readonly<Record<string, ItemSyncState>>;
  readonly pending: Readonly<Record<string, PendingReason>>;
  /** Outlook ids whose state this run's plan decided (our own accepted change must not overwrite it). */
  readonly decidedByPlan: readonly string[];
  readonly nextLuid: number;
  readonly entries: readonly JournalEntry[];
  readonly done: number;
  readonly planned: number;
  readonly result?: FolderResult;
  readonly afterClose?: 'next-folder' | 'finish';
  /** The delta round after this run's Outlook writes; absent when nothing was written (the first cursor holds). */
  readonly settled?: { readonly cursor: OutlookCursor; readonly echoes: number };
  readonly sessionOutcome?: SessionOutcome;
}

export interface RunState {
  readonly config: RunConfig;
  readonly status: 'running' | 'finished';
  readonly outcome?: RunOutcome;
  readonly index: number;
  readonly folder?: FolderWork;
  readonly results: readonly FolderResult[];
  readonly previews: readonly FolderPreview[];
  readonly journal: readonly {
    readonly pair: FolderPairSettings;
    readonly entries: readonly JournalEntry[];
  }[];
  readonly guardTrip?: GuardTrip;
  readonly error?: { readonly code: SyncErrorCode; readonly detail?: string };
  readonly entrySeq: number;
}

export interface StepResult {
  readonly state: RunState;
  readonly commands: readonly RunCommand[];
}
