/**
 * What the engine needs from an Outlook folder. This is the engine's own narrow view; the Graph adapter's
 * port (`outlook-store.ts`, owned by the Graph adapter) is adapted to it in app/ so the engine does not
 * depend on the adapter's full surface.
 */
import type { OutlookFolderId, OutlookItemId, SyncItem } from '../model/index.js';
import type { AbortSignalLike } from './abort.js';
import type { ItemLink } from './state.js';

/** One entry of a delta round: a present item (new or changed) or a removal. */
export interface OutlookChange {
  readonly id: OutlookItemId;
  /** Absent when removed. */
  readonly item?: SyncItem;
  readonly removed?: boolean;
  /** The LUID and fingerprint stored on the item at its last sync, if any. */
  readonly link?: ItemLink;
}

export interface OutlookChangeSet {
  readonly changes: readonly OutlookChange[];
  /** The cursor to store once the run commits. */
  readonly deltaCursor: string;
  /**
   * True when `changes` lists every item of the folder (first read, or the stored cursor was dead: 410).
   * Items we know that are missing from a full listing were deleted.
   */
  readonly fullResync: boolean;
}

export type OutlookWrite =
  | { readonly op: 'create'; readonly key: string; readonly item: SyncItem; readonly link?: ItemLink }
  | {
      readonly op: 'update';
      readonly key: string;
      readonly id: OutlookItemId;
      readonly item: SyncItem;
      readonly link?: ItemLink;
    }
  | { readonly op: 'delete'; readonly key: string; readonly id: OutlookItemId }
  /** Metadata only: store LUID + fingerprint on an item after the server accepted it. */
  | { readonly op: 'link'; readonly key: string; readonly id: OutlookItemId; readonly link: ItemLink };

export type OutlookWriteResult =
  | { readonly key: string; readonly ok: true; readonly id: OutlookItemId }
  | { readonly key: string; readonly ok: false; readonly status?: number; readonly code?: string };

export interface OutlookFolderStore {
  /** Changes since `cursor`; without a cursor (or with a dead one) the full folder, `fullResync: true`. */
  readChanges(
    folderId: OutlookFolderId,
    cursor: string | undefined,
    signal?: AbortSignalLike,
  ): Promise<OutlookChangeSet>;
  /** Current state of the given items; ids that no longer exist come back with `removed: true`. */
  readItems(
    folderId: OutlookFolderId,
    ids: readonly OutlookItemId[],
    signal?: AbortSignalLike,
  ): Promise<readonly OutlookChange[]>;
  /** Applies writes; one result per write (same keys), item-level failures do not throw. */
  writeBatch(
    folderId: OutlookFolderId,
    writes: readonly OutlookWrite[],
    signal?: AbortSignalLike,
  ): Promise<readonly OutlookWriteResult[]>;
}
