/**
 * Sync state: what we remember per synced item and per folder pair. DESIGN.md §4: the per-item part is
 * also carried on the Outlook item itself (the `ItemLink`: LUID + fingerprint), so a second device or a
 * reinstall can rebuild it; the checkpoint is small enough for the add-in's roaming settings.
 */
import type { Guid, ItemKind, Luid, OutlookFolderId, OutlookItemId } from '../model/index.js';
import { luid } from '../model/index.js';
import type { ConflictPolicyName } from './conflict-policy.js';

export type { ItemLink } from './outlook-store.js';

/** Per-item state after the item's last successful sync. */
export interface ItemSyncState {
  readonly outlookId: OutlookItemId;
  readonly luid: Luid;
  /** The server's id, when the item came from a server Add (kept until mapped; useful for diagnosis). */
  readonly guid?: Guid;
  readonly fingerprint: string;
  /** UTC ISO instant of the run that last synced it. */
  readonly lastSyncedAt: string;
  /** Display name at the last sync, so a deletion can be shown by name when the item is gone. */
  readonly name?: string;
  /**
   * Outlook stored our write only in part. Its content is not sent to the CRM (it would overwrite the full
   * version there); the server's next delivery of the item rewrites it.
   */
  readonly incomplete?: boolean;
}

export type SyncDirection = 'two-way' | 'crm-to-outlook' | 'outlook-to-crm';

/**
 * Why an Outlook item must be sent next run even if Graph's delta does not report it again:
 * `resend` = our change was not accepted (failed status, or Outlook won a conflict);
 * `readd` = the CRM deleted it while Outlook edited it; the edit won, so it goes back as a new Add.
 */
export type PendingReason = 'resend' | 'readd';

/** The per-folder checkpoint. Advances only after the data is durable (CONVENTIONS.md rule 4). */
export interface FolderCheckpoint {
  readonly folderId: OutlookFolderId;
  readonly kind: ItemKind;
  /** CRM datastore name (e.g. 'addressbook'). */
  readonly datastore: string;
  readonly direction: SyncDirection;
  readonly policy: ConflictPolicyName;
  /** Our SyncML anchor from the last completed session; absent = never synced → slow sync. */
  readonly lastAnchor?: string;
  /** Graph delta link (opaque); absent = full read. */
  readonly deltaCursor?: string;
  /** Counter for new LUIDs; LUIDs are never reused (reference/syncml.md §4.2). */
  readonly nextLuid: number;
  /** A session broke after our changes may have reached the server: next run must slow-sync (DESIGN.md §6). */
  readonly needsSlowSync?: boolean;
  /** Items to send next run regardless of delta, keyed by Outlook id. */
  readonly pending: Readonly<Record<string, PendingReason>>;
}

export interface FolderSyncState {
  readonly checkpoint: FolderCheckpoint;
  /** Keyed by Outlook item id. */
  readonly items: Readonly<Record<string, ItemSyncState>>;
}

export interface FolderPairSettings {
  readonly folderId: OutlookFolderId;
  readonly kind: ItemKind;
  readonly datastore: string;
  readonly direction: SyncDirection;
  readonly policy: ConflictPolicyName;
}

/** The state of a folder pair that has never synced. */
export function initialFolderState(pair: FolderPairSettings): FolderSyncState {
  return {
    checkpoint: {
      folderId: pair.folderId,
      kind: pair.kind,
      datastore: pair.datastore,
      direction: pair.direction,
      policy: pair.policy,
      nextLuid: 1,
      pending: {},
    },
    items: {},
  };
}

/**
 * Stored state for a folder with the pair's current settings applied. A changed datastore means the
 * stored anchors and LUIDs belong to another server store: start over (slow sync, items re-linked by content).
 */
export function stateForPair(stored: FolderSyncState | undefined, pair: FolderPairSettings): FolderSyncState {
  if (!stored || stored.checkpoint.datastore !== pair.datastore || stored.checkpoint.kind !== pair.kind) {
    return initialFolderState(pair);
  }
  return { ...stored, checkpoint: { ...stored.checkpoint, direction: pair.direction, policy: pair.policy } };
}

const LUID_PREFIX: Readonly<Record<ItemKind, string>> = { contact: 'c', event: 'e', task: 't' };

/** Short LUIDs ('c1', 'c2', …): small messages, fit any server column (reference/syncml.md §4.2). */
export function allocateLuids(
  kind: ItemKind,
  nextLuid: number,
  count: number,
): { luids: Luid[]; nextLuid: number } {
  const luids: Luid[] = [];
  for (let i = 0; i < count; i++) luids.push(luid(`${LUID_PREFIX[kind]}${(nextLuid + i).toString(36)}`));
  return { luids, nextLuid: nextLuid + count };
}

/** The first counter above every LUID of ours in use (LUIDs are never reused, reference/syncml.md §4.2). */
export function nextFreeLuid(kind: ItemKind, states: readonly ItemSyncState[]): number {
  let next = 1;
  const prefix = LUID_PREFIX[kind];
  for (const s of states) {
    if (!s.luid.startsWith(prefix)) continue;
    const counter = parseInt(s.luid.slice(prefix.length), 36);
    if (Number.isFinite(counter) && counter >= next) next = counter + 1;
  }
  return next;
}

/** Index of item states by LUID (the server speaks LUIDs, Outlook speaks ids). */
export function indexByLuid(items: Readonly<Record<string, ItemSyncState>>): Map<Luid, ItemSyncState> {
  const byLuid = new Map<Luid, ItemSyncState>();
  for (const s of Object.values(items)) byLuid.set(s.luid, s);
  return byLuid;
}
