/** The CRM's side of package 4: which records go to the client, as Add, Replace or Delete. */
import { MODE_FLOW } from '../../../core/syncml/index.js';
import { toClientForm, type FormatConverter } from '../content/convert.js';
import type { CrmRecord, CrmStore } from '../store/crm-store.js';
import type { DatastoreState, OutgoingItem } from './session-state.js';

function outgoing(
  store: CrmStore,
  deviceId: string,
  state: DatastoreState,
  record: CrmRecord,
  convert: FormatConverter,
): OutgoingItem | undefined {
  const luid = store.luidForGuid(deviceId, state.datastore, record.guid);
  const base = { datastore: state.datastore, guid: record.guid, rev: record.rev };
  if (record.deleted) return luid === undefined ? undefined : { ...base, op: 'Delete', luid };
  const form = toClientForm(convert, state.datastore, record.content, record.contentType, state.sendType);
  return luid === undefined
    ? { ...base, op: 'Add', content: form.content, type: form.type }
    : { ...base, op: 'Replace', luid, content: form.content, type: form.type };
}

/** Collects the changes for one datastore and fixes the cursor the device will be at. */
export function collectServerChanges(
  store: CrmStore,
  deviceId: string,
  state: DatastoreState,
  convert: FormatConverter,
): OutgoingItem[] {
  // One-way from the client sends nothing down, so the device's cursor must not move past the
  // CRM's own changes; after a refresh from the client the CRM holds exactly the device's data.
  const cursorMoves = MODE_FLOW[state.mode].serverSends || state.mode === 'refresh-from-client';
  state.snapshotRev = cursorMoves ? store.currentRev() : state.sinceRev;
  if (!MODE_FLOW[state.mode].serverSends) return [];
  const out: OutgoingItem[] = [];
  if (state.mode === 'slow' || state.mode === 'refresh-from-server') {
    for (const record of store.listRecords(state.datastore)) {
      if (state.twins.has(record.guid)) continue;
      // created from or overwritten by this client's own item in this session: it has it already
      if (state.claimed.has(record.guid) && !state.sendReplace.has(record.guid)) continue;
      const item = outgoing(store, deviceId, state, record, convert);
      if (item !== undefined) out.push(item);
    }
    return out;
  }
  for (const record of store.changesFor(deviceId, state.datastore, state.sinceRev)) {
    const item = outgoing(store, deviceId, state, record, convert);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** The cursor to commit: the snapshot, or just below the first item the client failed to apply. */
export function committedRev(state: DatastoreState): number {
  const snapshot = state.snapshotRev ?? state.sinceRev;
  return state.failedRevs.length === 0 ? snapshot : Math.min(snapshot, Math.min(...state.failedRevs) - 1);
}
