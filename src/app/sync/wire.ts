/** Translation between the engine's model-level session shapes and the SyncML client's wire shapes. */
import { guid, luid, type ItemKind } from '../../core/model/index.js';
import type { ItemFailure, OurChange, ServerChange, SessionOutcome } from '../../core/sync/index.js';
import type {
  ClientChange,
  DatastoreResult,
  ServerChange as WireServerChange,
} from '../../core/syncml/session/types.js';
import type { ItemCodec, DatastoreWire } from './ports.js';

export function toClientChanges(
  changes: readonly OurChange[],
  codec: ItemCodec,
  wire: DatastoreWire,
): ClientChange[] {
  return changes.map((c) =>
    c.op === 'delete' || !c.item
      ? { op: 'delete', luid: c.luid }
      : { op: c.op, luid: c.luid, data: codec.encode(c.item, wire.contentType) },
  );
}

function undecodable(change: WireServerChange, failure: ItemFailure): ServerChange {
  return {
    op: 'undecodable',
    wireOp: change.op,
    ...(change.luid ? { luid: luid(change.luid) } : {}),
    ...(change.guid ? { guid: guid(change.guid) } : {}),
    failure,
  };
}

/** Decodes the server's changes; a bad one becomes an item-level failure, never a run failure. */
export function fromServerChanges(
  changes: readonly WireServerChange[],
  kind: ItemKind,
  codec: ItemCodec,
  wire: DatastoreWire,
): ServerChange[] {
  return changes.map((change): ServerChange => {
    if (change.op === 'delete') {
      return change.luid
        ? { op: 'delete', luid: luid(change.luid) }
        : undecodable(change, { code: 'UNKNOWN_LUID' });
    }
    const id = change.op === 'add' ? change.guid : change.luid;
    if (!id || change.data === undefined) {
      return undecodable(change, { code: 'UNPARSEABLE', detail: id ? 'NO_DATA' : 'NO_ID' });
    }
    const parsed = codec.decode(change.data, kind, wire.contentType);
    if (!parsed.ok) return undecodable(change, { code: 'UNPARSEABLE', detail: parsed.error.code });
    if (change.op === 'add') return { op: 'add', guid: guid(id), item: parsed.value };
    return {
      op: 'replace',
      luid: luid(id),
      ...(change.guid ? { guid: guid(change.guid) } : {}),
      item: parsed.value,
    };
  });
}

export function toSessionOutcome(result: DatastoreResult): SessionOutcome {
  return {
    mode: result.mode,
    nextAnchor: result.nextAnchor,
    ourChanges: result.ourChanges.map((c) => ({ luid: luid(c.luid), status: c.status })),
  };
}
