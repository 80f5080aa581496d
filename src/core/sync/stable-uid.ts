/**
 * Appointments and tasks we write to Outlook always carry a UID. When the CRM sends one without, Graph would
 * invent its own on create, which we cannot predict: the item would read back with a different fingerprint and
 * our own write would look like a user edit forever. So we give it a UID derived from the server's id for the
 * item — the same on every later write of it — and Outlook keeps that (docs/decisions/0077-stable-uids.md).
 */
import type { Luid, SyncItem } from '../model/index.js';
import type { ServerChange } from './session-types.js';
import type { ItemSyncState } from './state.js';

export const UID_DOMAIN = 'outlook-crm-sync';

function withUid(item: SyncItem, key: string): SyncItem {
  if (item.kind === 'contact' || item.uid) return item;
  return { ...item, uid: `crm-${key}@${UID_DOMAIN}` };
}

export function withStableUids(
  changes: readonly ServerChange[],
  byLuid: ReadonlyMap<Luid, ItemSyncState>,
  datastore: string,
): ServerChange[] {
  return changes.map((c) => {
    if (c.op === 'add') return { ...c, item: withUid(c.item, `${datastore}-${c.guid}`) };
    if (c.op !== 'replace') return c;
    const guid = byLuid.get(c.luid)?.guid ?? c.guid;
    return { ...c, item: withUid(c.item, guid ? `${datastore}-${guid}` : `${datastore}-luid-${c.luid}`) };
  });
}
