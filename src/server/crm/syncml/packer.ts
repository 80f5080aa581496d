/**
 * Fills the CRM's reply with its pending changes up to the client's MaxMsgSize (../shared/
 * reference/syncml.md §5): whole commands while they fit, the rest in later messages (the reply
 * then lacks Final and the client asks on with Alert 222), and an item too big for any message
 * in MoreData chunks (exact UTF-8 byte Size on the first) when the client takes large objects.
 */
import {
  serializeCommand,
  serializeEnvelope,
  type Item,
  type SyncCommand,
  type SyncHdr,
  type SyncItemCommand,
  type SyncMLCommand,
} from '../../../core/syncml/index.js';
import type { Datastore } from '../datastores.js';
import type { OutgoingItem, Session } from './session-state.js';

/** Room left for XML the estimate can't see (CmdID digits, a closing tag or two). */
const SAFETY_BYTES = 256;
/** A chunk smaller than this waits for the next, emptier message. */
const MIN_CHUNK_BYTES = 512;

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

export class ReplyBuilder {
  readonly commands: SyncMLCommand[] = [];
  private cmdId = 0;
  constructor(readonly header: SyncHdr) {}

  nextCmdId(): string {
    this.cmdId += 1;
    return String(this.cmdId);
  }

  add(command: SyncMLCommand): void {
    this.commands.push(command);
  }

  serialize(final: boolean): string {
    return serializeEnvelope(this.header, this.commands.map(serializeCommand), final);
  }
}

function itemCommand(
  item: OutgoingItem,
  cmdId: string,
  data?: { text: string; size?: number; more: boolean },
): SyncItemCommand {
  const text = data?.text ?? item.content;
  const payload: Item = {
    ...(item.op === 'Add'
      ? { source: { locUri: item.guid } }
      : { target: { locUri: item.luid ?? item.guid } }),
    ...(data?.size !== undefined ? { meta: { size: data.size } } : {}),
    ...(text !== undefined && item.op !== 'Delete' ? { data: { kind: 'text' as const, text } } : {}),
    ...(data?.more ? { moreData: true } : {}),
  };
  if (item.op === 'Delete') return { kind: 'Delete', cmdId, items: [payload] };
  return { kind: item.op, cmdId, meta: { type: item.type ?? 'text/plain' }, items: [payload] };
}

/** Cuts at most `max` bytes off the front without splitting a UTF-8 sequence. */
function utf8Cut(bytes: Buffer, offset: number, max: number): number {
  let end = Math.min(bytes.length, offset + max);
  while (end < bytes.length && end > offset && (bytes[end]! & 0xc0) === 0x80) end--;
  return end;
}

interface Filling {
  used: number;
  readonly budget: number;
  readonly syncs: Map<Datastore, OpenSync>;
}

interface OpenSync {
  readonly cmdId: string;
  readonly commands: SyncItemCommand[];
  /** Set on the first Sync of a datastore in the package: how many changes will follow in all. */
  readonly numberOfChanges?: number;
}

function openSync(session: Session, builder: ReplyBuilder, filling: Filling, datastore: Datastore): OpenSync {
  const existing = filling.syncs.get(datastore);
  if (existing !== undefined) return existing;
  const pending =
    session.outbox.filter((o) => o.datastore === datastore).length +
    (session.outChunk?.item.datastore === datastore ? 1 : 0);
  const opened: OpenSync = {
    cmdId: builder.nextCmdId(),
    commands: [],
    ...(session.syncOpened.has(datastore) ? {} : { numberOfChanges: pending }),
  };
  session.syncOpened.add(datastore);
  filling.syncs.set(datastore, opened);
  filling.used += byteLength(serializeCommand(syncWrapper(session, datastore, opened)));
  return opened;
}

function syncWrapper(session: Session, datastore: Datastore, sync: OpenSync): SyncCommand {
  const state = session.datastores.get(datastore)!;
  return {
    kind: 'Sync',
    cmdId: sync.cmdId,
    target: { locUri: state.clientUri },
    source: { locUri: state.serverUri },
    ...(sync.numberOfChanges !== undefined ? { numberOfChanges: sync.numberOfChanges } : {}),
    commands: sync.commands,
  };
}

/** Sends (the next part of) a large object; true when its last chunk went out. */
function packChunk(session: Session, builder: ReplyBuilder, filling: Filling, msgId: string): boolean {
  const chunk = session.outChunk!;
  const sync = openSync(session, builder, filling, chunk.item.datastore);
  const cmdId = builder.nextCmdId();
  const overhead = byteLength(
    serializeCommand(itemCommand(chunk.item, cmdId, { text: '', size: chunk.bytes.length, more: true })),
  );
  const room = filling.budget - filling.used - overhead;
  if (room < MIN_CHUNK_BYTES) return false;
  const end = utf8Cut(chunk.bytes, chunk.offset, room);
  const more = end < chunk.bytes.length;
  const text = chunk.bytes.subarray(chunk.offset, end).toString('utf8');
  sync.commands.push(
    itemCommand(chunk.item, cmdId, {
      text,
      more,
      ...(chunk.offset === 0 ? { size: chunk.bytes.length } : {}),
    }),
  );
  session.sent.set(`${msgId}:${cmdId}`, chunk.item);
  filling.used += overhead + (end - chunk.offset);
  chunk.offset = end;
  if (!more) {
    session.outChunk = undefined;
    session.datastores.get(chunk.item.datastore)!.counts.toClient += 1;
  }
  return !more;
}

/**
 * Adds the CRM's Sync commands to `builder`. Returns true when everything is out (Final may go).
 * `openAll` opens a Sync for every datastore of the session (the first message of package 4).
 */
export function packServerChanges(session: Session, builder: ReplyBuilder, openAll: boolean): boolean {
  const msgId = builder.header.msgId;
  const filling: Filling = {
    used: byteLength(builder.serialize(true)),
    budget: session.clientMaxMsgSize - SAFETY_BYTES,
    syncs: new Map(),
  };
  if (openAll)
    for (const datastore of session.datastores.keys()) openSync(session, builder, filling, datastore);
  let done = session.outChunk === undefined || packChunk(session, builder, filling, msgId);
  while (done && session.outbox.length > 0) {
    const item = session.outbox[0]!;
    const cmdId = builder.nextCmdId();
    const sync = openSync(session, builder, filling, item.datastore);
    const size = byteLength(serializeCommand(itemCommand(item, cmdId)));
    if (filling.used + size <= filling.budget) {
      sync.commands.push(itemCommand(item, cmdId));
      session.sent.set(`${msgId}:${cmdId}`, item);
      session.datastores.get(item.datastore)!.counts.toClient += 1;
      filling.used += size;
      session.outbox.shift();
      continue;
    }
    const emptyMessageRoom = session.clientMaxMsgSize - SAFETY_BYTES - 1024;
    if (size <= emptyMessageRoom) break; // fits into the next message
    session.outbox.shift();
    const objectBytes = Buffer.from(item.content ?? '', 'utf8');
    const takesLargeObjects =
      session.clientDevInf?.supportLargeObjs === true || session.clientMaxObjSize !== undefined;
    if (
      !takesLargeObjects ||
      (session.clientMaxObjSize !== undefined && objectBytes.length > session.clientMaxObjSize)
    ) {
      // like libsynthesis: an object the client can't take is not sent; it stays pending for next time
      session.datastores.get(item.datastore)?.failedRevs.push(item.rev);
      continue;
    }
    session.outChunk = { item, bytes: objectBytes, offset: 0 };
    done = packChunk(session, builder, filling, msgId);
  }
  for (const [datastore, sync] of filling.syncs) builder.add(syncWrapper(session, datastore, sync));
  return done && session.outbox.length === 0 && session.outChunk === undefined;
}
