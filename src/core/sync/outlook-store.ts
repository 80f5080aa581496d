/**
 * The port through which the sync engine reads and writes one kind of Outlook item (contacts,
 * calendar events or To Do tasks) in one folder. Owned by the core; implemented by the Graph
 * adapter (src/adapters/graph/*-store.ts) and by the in-memory store (memory-outlook-store.ts).
 * Every implementation runs the one contract suite in test/contracts/outlook-store.contract.ts.
 *
 * Pure types: no I/O here.
 */
import type { ItemKind, Luid, OutlookFolderId, OutlookItemId, SyncItem } from '../model/index.js';

/**
 * The part of an AbortSignal the core needs. The core's lib (ES2022, no DOM) has no AbortSignal
 * type; a real AbortSignal fits this shape.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Opaque resume point of a folder's change feed (a Graph delta link). Persist it verbatim. */
export type OutlookCursor = string & { readonly __outlookCursor: true };
export const outlookCursor = (s: string) => s as OutlookCursor;

/** What we store on each item we wrote: the LUID the CRM knows it by and its content fingerprint then. */
export interface ItemLink {
  readonly luid: Luid;
  readonly fingerprint: string;
}

/** One item as it is in Outlook now. `link` is absent for items we never wrote or linked. */
export interface StoredItem {
  readonly id: OutlookItemId;
  readonly item: SyncItem;
  readonly link?: ItemLink;
}

/** A change seen in the folder: either the item's current state, or its removal from the folder. */
export type OutlookChange =
  | {
      readonly id: OutlookItemId;
      readonly item: SyncItem;
      readonly link?: ItemLink;
      readonly removed?: undefined;
    }
  | {
      readonly id: OutlookItemId;
      readonly removed: true;
      readonly item?: undefined;
      readonly link?: undefined;
    };

export interface ChangeSet {
  /** At most one entry per id (the newest state); order is not meaningful. */
  readonly changes: readonly OutlookChange[];
  /** Commit this only after the changes are durable elsewhere; pass it to the next readChanges. */
  readonly nextCursor: OutlookCursor;
  /**
   * True when `changes` is the folder's complete content (no cursor was given, or the cursor had
   * expired — Graph's 410 SyncStateNotFound). The engine then reconciles by stored ids and LUIDs:
   * a known item missing from the listing was removed; nothing is "new" just because it is listed.
   */
  readonly fullResync: boolean;
  /**
   * Items that changed but could not be read into the model (a malformed Outlook item). They are
   * reported, not dropped silently; the run goes on without them. They still exist: in a
   * `fullResync` reconciliation they must not count as removed.
   */
  readonly unreadable?: readonly { readonly id: OutlookItemId; readonly error: OutlookStoreIssue }[];
}

export type WriteOp =
  | { readonly op: 'create'; readonly item: SyncItem; readonly link: ItemLink }
  | { readonly op: 'update'; readonly id: OutlookItemId; readonly item: SyncItem; readonly link: ItemLink }
  | { readonly op: 'delete'; readonly id: OutlookItemId };

/** Stable codes for a failed item or call (tests and the UI branch on these, never on text). */
export type OutlookStoreErrorCode =
  | 'NOT_FOUND' // the item (or folder) is gone
  | 'INVALID_ITEM' // the item can't be written to Outlook as it is (mapping or Graph validation)
  | 'CONFLICT'
  | 'THROTTLED' // still throttled after the bounded retries
  | 'UNAVAILABLE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'OFFLINE'
  | 'ABORTED'
  | 'UNEXPECTED';

export interface OutlookStoreIssue {
  readonly code: OutlookStoreErrorCode;
  readonly message: string;
  /** Structured context: the remote's own error code, HTTP status, op index, … */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** Per-op outcome, in the order of the ops given. A failed op never stops the others. */
export type WriteResult =
  | { readonly ok: true; readonly op: WriteOp['op']; readonly id: OutlookItemId }
  | {
      readonly ok: false;
      readonly op: WriteOp['op'];
      readonly error: OutlookStoreIssue;
      /**
       * Set when the item was written but not completely (a series whose exceptions could not be
       * applied): it exists in Outlook under this id — link it, and write it again later.
       */
      readonly id?: OutlookItemId;
    };

/** Thrown when a whole call fails (the folder can't be read, the run was aborted, …). */
export class OutlookStoreError extends Error implements OutlookStoreIssue {
  override readonly name = 'OutlookStoreError';
  constructor(
    readonly code: OutlookStoreErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, string | number | boolean>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface OutlookStore {
  readonly kind: ItemKind;
  /**
   * Changes since `cursor` (all of the folder when undefined or expired), following every page.
   * Never writes; calling it twice with the same cursor is safe.
   */
  readChanges(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    signal?: AbortSignalLike,
  ): Promise<ChangeSet>;
  /** The folder's complete content with links (for duplicate checks and previews). */
  readAll(folder: OutlookFolderId, signal?: AbortSignalLike): Promise<readonly StoredItem[]>;
  /** Applies ops; each create/update stores `link` on the item. Results are in the order of `ops`. */
  writeBatch(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    signal?: AbortSignalLike,
  ): Promise<readonly WriteResult[]>;
  /** The item carrying this LUID in the folder, if any (after a lost map, a second device, …). */
  findByLuid(folder: OutlookFolderId, luid: Luid, signal?: AbortSignalLike): Promise<StoredItem | undefined>;
}
