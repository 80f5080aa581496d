/**
 * Outlook-change detection (DESIGN.md §3 step 2): a delta round (or a full listing) plus the stored per-item
 * state become our SyncML changes. An item whose fingerprint equals the stored one is an echo of our own write
 * and is not sent. A full listing (first run, or a dead delta cursor) is reconciled by the ids stored on the
 * items, never treated as "everything is new" — that would duplicate the folder into the CRM.
 */
import type { OutlookItemId, SyncItem } from '../model/index.js';
import type { DeletionCandidate } from './deletion-guard.js';
import { itemDisplayName } from './item-name.js';
import type { OutlookChange, OutlookChangeSet } from './outlook-writes.js';
import type { OurChange } from './session-types.js';
import { allocateLuids, nextFreeLuid, type FolderSyncState, type ItemSyncState } from './state.js';

export interface PresentItem {
  readonly item: SyncItem;
  readonly fingerprint: string;
}

export interface DetectInput {
  readonly state: FolderSyncState;
  readonly changeSet: OutlookChangeSet;
  /** Current state of the checkpoint's pending items (read separately: delta will not report them again). */
  readonly pendingItems: readonly OutlookChange[];
  /** Slow sync: the server wants every item, linked ones as Replace. */
  readonly slowSync: boolean;
  readonly fingerprint: (item: SyncItem) => string;
  readonly now: string;
}

export interface DetectedChanges {
  /** What to send in package 3 (empty when the folder syncs CRM → Outlook only). */
  readonly changes: readonly OurChange[];
  /** Changes detected but held back by the direction setting (shown in the preview). */
  readonly heldBack: number;
  /** Items whose content equals what we last synced: our own writes coming back. */
  readonly echoes: number;
  /** Item state after reconciliation (adopted from item links, re-keyed, deletions removed). */
  readonly items: Readonly<Record<string, ItemSyncState>>;
  readonly nextLuid: number;
  /** Outlook deletions we would send, for the deletion guard. */
  readonly outlookDeletions: readonly DeletionCandidate[];
  /** Every present item seen this run, by Outlook id: conflict detection and twinning in the planner. */
  readonly present: ReadonlyMap<OutlookItemId, PresentItem>;
  /**
   * Linked items sent as Replace because Outlook changed them since their last good sync (or they were pending).
   * In a two-way session that is every Replace; a slow sync sends every item, and only these carry an edit
   * (decision record 0102).
   */
  readonly outlookEdits: ReadonlySet<OutlookItemId>;
  /** Items Outlook has but could not be read: left alone, reported per item. */
  readonly unreadable: readonly { readonly id: OutlookItemId; readonly code: string }[];
}

/** Last entry per id wins: delta rounds may replay an item (reference/graph-and-addin.md A1). */
function latestPerId(changes: readonly OutlookChange[]): Map<OutlookItemId, OutlookChange> {
  const byId = new Map<OutlookItemId, OutlookChange>();
  for (const c of changes) byId.set(c.id, c);
  return byId;
}

/** The stored state for an item; else the link it carries (reinstall, second device, moved To Do task). */
function resolveState(
  change: OutlookChange,
  items: Record<string, ItemSyncState>,
  now: string,
): ItemSyncState | undefined {
  const stored = items[change.id];
  if (stored) return stored;
  if (!change.link) return undefined;
  const sameLuid = Object.values(items).find((s) => s.luid === change.link?.luid);
  if (sameLuid) delete items[sameLuid.outlookId]; // the item got a new id (To Do move): re-key, don't delete
  return {
    outlookId: change.id,
    luid: change.link.luid,
    fingerprint: change.link.fingerprint,
    lastSyncedAt: now,
  };
}

export function detectOutlookChanges(input: DetectInput): DetectedChanges {
  const { state, fingerprint } = input;
  const { checkpoint } = state;
  const items: Record<string, ItemSyncState> = { ...state.items };
  const byId = latestPerId([...input.changeSet.changes, ...input.pendingItems]);
  const unreadable = (input.changeSet.unreadable ?? []).map((u) => ({ id: u.id, code: u.error.code }));
  // They still exist: never a Delete, not even in a full listing's reconciliation.
  const unreadableIds = new Set<string>(unreadable.map((u) => u.id));
  const present = new Map<OutlookItemId, PresentItem>();
  const changes: OurChange[] = [];
  const newItems: { id: OutlookItemId; item: SyncItem; fingerprint: string }[] = [];
  const outlookEdits = new Set<OutlookItemId>();
  let echoes = 0;

  for (const change of byId.values()) {
    if (change.removed || !change.item) {
      const known = items[change.id];
      if (known)
        changes.push({ op: 'delete', luid: known.luid, outlookId: change.id, name: known.name ?? '' });
      continue;
    }
    const fp = fingerprint(change.item);
    present.set(change.id, { item: change.item, fingerprint: fp });
    const pending = checkpoint.pending[change.id];
    const known = pending === 'readd' ? undefined : resolveState(change, items, input.now);
    if (!known) {
      newItems.push({ id: change.id, item: change.item, fingerprint: fp });
      continue;
    }
    items[change.id] = known;
    if (known.incomplete) continue; // a partial write of ours: the server's next delivery rewrites it
    const unchanged = fp === known.fingerprint || fp === change.link?.fingerprint;
    if (unchanged && !pending && !input.slowSync) {
      if (fp !== known.fingerprint) items[change.id] = { ...known, fingerprint: fp };
      echoes++;
      continue;
    }
    if (!unchanged || pending) outlookEdits.add(change.id);
    const name = itemDisplayName(change.item);
    changes.push({
      op: 'replace',
      luid: known.luid,
      outlookId: change.id,
      item: change.item,
      fingerprint: fp,
      name,
    });
  }

  if (input.changeSet.fullResync) {
    for (const known of Object.values(items)) {
      if (!byId.has(known.outlookId) && !unreadableIds.has(known.outlookId)) {
        changes.push({ op: 'delete', luid: known.luid, outlookId: known.outlookId, name: known.name ?? '' });
      }
    }
  }

  // LUIDs adopted from item links may be ahead of a counter that was never committed (a cancelled run).
  const firstFree = Math.max(checkpoint.nextLuid, nextFreeLuid(checkpoint.kind, Object.values(items)));
  const { luids, nextLuid } = allocateLuids(checkpoint.kind, firstFree, newItems.length);
  newItems.forEach((n, i) => {
    const name = itemDisplayName(n.item);
    changes.push({
      op: 'add',
      luid: luids[i]!,
      outlookId: n.id,
      item: n.item,
      fingerprint: n.fingerprint,
      name,
    });
  });

  const outlookDeletions = changes
    .filter((c) => c.op === 'delete')
    .map((c) => ({ luid: c.luid, outlookId: c.outlookId, name: c.name }));
  const sendNothing = checkpoint.direction === 'crm-to-outlook';
  return {
    changes: sendNothing ? [] : changes,
    heldBack: sendNothing ? changes.length : 0,
    echoes,
    items,
    nextLuid: sendNothing ? checkpoint.nextLuid : nextLuid,
    outlookDeletions: sendNothing ? [] : outlookDeletions,
    present,
    unreadable,
    outlookEdits: sendNothing ? new Set() : outlookEdits,
  };
}
