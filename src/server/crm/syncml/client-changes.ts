/**
 * Applying a client's Add/Replace/Delete to the CRM, with the CRM's conflict policy
 * (docs/decisions/0061-crm-conflict-policy.md): in a two-way sync the CRM's own newer edit wins
 * (status 419) and the client's version is kept as a conflict copy; a slow sync pairs identical
 * twins without touching them, pairs same-named items with the CRM's version winning, and adds
 * the rest. Every function returns the SyncML status code for the item.
 */
import { toStoredForm, type FormatConverter } from '../content/convert.js';
import { itemFingerprint, itemMatchKey } from '../content/item-identity.js';
import { keepUndeclaredProperties } from '../content/keep-undeclared.js';
import type { CrmStore } from '../store/crm-store.js';
import type { DatastoreState, TwinIndex } from './session-state.js';

export interface ApplyContext {
  readonly store: CrmStore;
  readonly deviceId: string;
  readonly state: DatastoreState;
  readonly convert: FormatConverter;
  /** Property names the client's CTCap declares (undefined: it sent none, so it stores everything). */
  readonly declared?: ReadonlySet<string> | undefined;
}

export interface ClientItem {
  readonly luid: string;
  readonly content: string;
  readonly mediaType: string | undefined;
}

const isSlowLike = (s: DatastoreState): boolean => s.mode === 'slow' || s.mode === 'refresh-from-client';

/** Changed in the CRM since the device's last completed sync, by someone else: a conflict. */
function changedElsewhere(ctx: ApplyContext, rev: number, origin: string): boolean {
  return rev > ctx.state.sinceRev && origin !== ctx.deviceId;
}

function createFromClient(ctx: ApplyContext, item: ClientItem): number {
  const { store, deviceId, state } = ctx;
  const stored = toStoredForm(ctx.convert, state.datastore, item.content, item.mediaType);
  const record = store.createRecord(state.datastore, stored.content, stored.contentType, deviceId);
  store.setMap(deviceId, state.datastore, item.luid, record.guid);
  state.claimed.add(record.guid);
  return 201;
}

function overwriteFromClient(ctx: ApplyContext, guid: string, item: ClientItem): number {
  const stored = toStoredForm(ctx.convert, ctx.state.datastore, item.content, item.mediaType);
  const current = ctx.store.getRecord(ctx.state.datastore, guid)?.content;
  // Like a libsynthesis server: what the client can't store (not in its CTCap) stays the CRM's.
  const content =
    ctx.state.datastore === 'addressbook' && current !== undefined
      ? keepUndeclaredProperties(current, stored.content, ctx.declared)
      : stored.content;
  ctx.store.updateRecord(ctx.state.datastore, guid, content, stored.contentType, ctx.deviceId);
  ctx.state.claimed.add(guid);
  return 200;
}

function keepAsConflictCopy(ctx: ApplyContext, guid: string, item: ClientItem): void {
  const stored = toStoredForm(ctx.convert, ctx.state.datastore, item.content, item.mediaType);
  ctx.store.addConflictCopy(ctx.state.datastore, guid, ctx.deviceId, stored.content, stored.contentType);
}

/** Add or Replace in a two-way (or one-way-from-client) session. */
export function applyClientUpsert(ctx: ApplyContext, item: ClientItem): number {
  if (isSlowLike(ctx.state)) return applySlowSyncItem(ctx, item);
  const { store, deviceId, state } = ctx;
  const guid = store.guidForLuid(deviceId, state.datastore, item.luid);
  const record = guid === undefined ? undefined : store.getRecord(state.datastore, guid);
  // Unknown LUID, or its record is gone: the client's item is new to the CRM. A resent Add whose
  // map survived an interrupted session lands on its record below instead (no duplicate).
  if (guid === undefined || record === undefined || record.deleted) return createFromClient(ctx, item);
  if (changedElsewhere(ctx, record.rev, record.origin)) {
    keepAsConflictCopy(ctx, guid, item);
    return 419;
  }
  return overwriteFromClient(ctx, guid, item);
}

export function applyClientDelete(ctx: ApplyContext, luid: string): number {
  const { store, deviceId, state } = ctx;
  const guid = store.guidForLuid(deviceId, state.datastore, luid);
  if (guid === undefined) return 211;
  const record = store.getRecord(state.datastore, guid);
  store.deleteMapByGuid(deviceId, state.datastore, guid);
  if (record === undefined || record.deleted) return 200;
  // Edited in the CRM meanwhile: the edit wins, the record stays and comes back as an Add.
  if (changedElsewhere(ctx, record.rev, record.origin)) return 419;
  store.deleteRecord(state.datastore, guid, deviceId);
  return 200;
}

function buildTwinIndex(ctx: ApplyContext): TwinIndex {
  const index: TwinIndex = { byFingerprint: new Map(), byMatchKey: new Map() };
  const push = (map: Map<string, string[]>, key: string, guid: string) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [guid]);
    else list.push(guid);
  };
  for (const record of ctx.store.listRecords(ctx.state.datastore)) {
    push(index.byFingerprint, itemFingerprint(ctx.state.datastore, record.content), record.guid);
    const key = itemMatchKey(ctx.state.datastore, record.content);
    if (key !== undefined) push(index.byMatchKey, key, record.guid);
  }
  return index;
}

function takeUnclaimed(ctx: ApplyContext, candidates: string[] | undefined): string | undefined {
  return candidates?.find((guid) => !ctx.state.claimed.has(guid));
}

/** Slow sync / refresh from client: pair with the CRM's items first, add only what is new. */
function applySlowSyncItem(ctx: ApplyContext, item: ClientItem): number {
  const { store, deviceId, state } = ctx;
  const mapped = store.guidForLuid(deviceId, state.datastore, item.luid);
  if (mapped !== undefined && store.getRecord(state.datastore, mapped)?.deleted === false)
    return overwriteFromClient(ctx, mapped, item);
  state.twinIndex ??= buildTwinIndex(ctx);
  const stored = toStoredForm(ctx.convert, state.datastore, item.content, item.mediaType);
  const twin = takeUnclaimed(
    ctx,
    state.twinIndex.byFingerprint.get(itemFingerprint(state.datastore, stored.content)),
  );
  if (twin !== undefined) {
    store.setMap(deviceId, state.datastore, item.luid, twin);
    state.claimed.add(twin);
    state.twins.add(twin);
    return 200;
  }
  const key = itemMatchKey(state.datastore, stored.content);
  const match = key === undefined ? undefined : takeUnclaimed(ctx, state.twinIndex.byMatchKey.get(key));
  if (match === undefined) return createFromClient(ctx, item);
  store.setMap(deviceId, state.datastore, item.luid, match);
  state.claimed.add(match);
  if (state.mode === 'refresh-from-client') return overwriteFromClient(ctx, match, item);
  keepAsConflictCopy(ctx, match, item);
  state.sendReplace.add(match);
  return 200;
}

/** End of a refresh from the client: what the client did not send is gone from the CRM too. */
export function finishRefreshFromClient(ctx: ApplyContext): void {
  for (const record of ctx.store.listRecords(ctx.state.datastore)) {
    if (!ctx.state.claimed.has(record.guid))
      ctx.store.deleteRecord(ctx.state.datastore, record.guid, ctx.deviceId);
  }
}
