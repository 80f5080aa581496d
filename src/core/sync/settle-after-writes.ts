/**
 * The delta round after our own Outlook writes (decision record 0140). The cursor read before the run wrote
 * would make the next run's delta start before our writes: Graph reports the items we created as new to that
 * cursor, and an item created and deleted again before the next round (undo does exactly this) is never
 * reported at all, so the CRM would keep it. The checkpoint therefore carries the cursor of one more round,
 * read after the writes. That round shows our writes as echoes (fingerprints equal to the stored ones); any
 * other change in it happened in Outlook while the run was going, and since the new cursor is past it, it is
 * marked pending so the next run reads it by id whatever delta says.
 */
import type { OutlookItemId, SyncItem } from '../model/index.js';
import type { OutlookCursor } from './outlook-store.js';
import type { OutlookChange, OutlookChangeSet } from './outlook-writes.js';
import type { ItemSyncState, PendingReason, SyncDirection } from './state.js';

export interface SettleInput {
  /** Item state after this run's writes and session statuses. */
  readonly items: Readonly<Record<string, ItemSyncState>>;
  readonly pending: Readonly<Record<string, PendingReason>>;
  /** The round read from the pre-write cursor, after every write of the run. */
  readonly changeSet: OutlookChangeSet;
  /** The cursor read before the run wrote: kept when the round can't be trusted item by item. */
  readonly preWriteCursor: OutlookCursor;
  readonly fingerprint: (item: SyncItem) => string;
  /** 'crm-to-outlook' never sends Outlook changes: nothing to keep pending for. */
  readonly direction: SyncDirection;
}

export interface Settled {
  readonly items: Readonly<Record<string, ItemSyncState>>;
  readonly pending: Readonly<Record<string, PendingReason>>;
  readonly cursor: OutlookCursor;
  /** Our own writes seen coming back. */
  readonly echoes: number;
  /** Changes in the round that were not ours (made in Outlook during the run), now pending. */
  readonly othersChanges: number;
}

export function settleAfterWrites(input: SettleInput): Settled {
  const { changeSet } = input;
  // A full listing (the cursor died meanwhile) or an unreadable item can't be sorted into ours and theirs
  // here: keep the pre-write cursor, as before this round existed; the next run reconciles as it always did.
  if (changeSet.fullResync || (changeSet.unreadable?.length ?? 0) > 0) {
    const { items, pending, preWriteCursor } = input;
    return { items, pending, cursor: preWriteCursor, echoes: 0, othersChanges: 0 };
  }
  const items: Record<string, ItemSyncState> = { ...input.items };
  const pending: Record<string, PendingReason> = { ...input.pending };
  let othersChanges = 0;
  let echoes = 0;
  for (const change of latestPerId(changeSet.changes).values()) {
    if (isOurEcho(change, items, input.fingerprint)) {
      if (!change.removed) echoes += 1;
      continue;
    }
    othersChanges += 1;
    if (input.direction !== 'crm-to-outlook') pending[change.id] ??= 'resend';
  }
  return { items, pending, cursor: changeSet.nextCursor, echoes, othersChanges };
}

/** Our own write coming back (also refreshes a stored fingerprint the item's link proves current). */
function isOurEcho(
  change: OutlookChange,
  items: Record<string, ItemSyncState>,
  fingerprint: (item: SyncItem) => string,
): boolean {
  const known = items[change.id];
  // Removed: gone from our state means we deleted it (or it never reached our state); still known means
  // someone else deleted it during the run.
  if (change.removed || !change.item) return known === undefined;
  if (!known) return false;
  if (known.incomplete) return true; // our partial write: the server's next delivery rewrites it anyway
  const fp = fingerprint(change.item);
  if (fp === known.fingerprint) return true;
  if (fp !== change.link?.fingerprint) return false;
  items[change.id] = { ...known, fingerprint: fp };
  return true;
}

function latestPerId(changes: readonly OutlookChange[]): Map<OutlookItemId, OutlookChange> {
  const byId = new Map<OutlookItemId, OutlookChange>();
  for (const c of changes) byId.set(c.id, c);
  return byId;
}
