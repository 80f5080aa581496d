/**
 * Package 3 and 5 contents: our changes as Add/Replace/Delete inside one Sync per datastore
 * (a too-large item in MoreData chunks with the exact UTF-8 Meta Size on the first), and the Map
 * for the server's Adds we applied. Both fill the message up to the packer's budget and leave
 * the rest for the next message.
 */
import { utf8Length, utf8PrefixLength } from '../bytes.js';
import { STATUS } from '../codes.js';
import { serializeCommand } from '../codec/serialize.js';
import type { Item, MapCommand, SyncCommand, SyncItemCommand } from '../model.js';
import { register, type SessionDraft, type StoreDraft } from './draft.js';
import type { MessagePacker } from './packer.js';
import type { ClientChange } from './types.js';

/** Smallest first chunk worth starting in a partly filled message. */
const MIN_CHUNK_BYTES = 512;

/** Package 3: one Sync per datastore (also empty), items in order, a too-large item in chunks. */
export function packClientChanges(d: SessionDraft, packer: MessagePacker): boolean {
  for (let index = 0; index < d.stores.length; index++) {
    const s = d.stores[index]!;
    if (s.syncOpened && s.queue.length === 0 && !s.chunk) continue;
    const full = !packStoreSync(d, packer, index);
    if (full) return false;
  }
  return d.stores.every((s) => s.syncOpened && s.queue.length === 0 && !s.chunk);
}

/** Returns false when the message is full (or a chunk was placed) and this store has more. */
function packStoreSync(d: SessionDraft, packer: MessagePacker, index: number): boolean {
  const s = d.stores[index]!;
  const cmdId = packer.nextCmdId();
  const shell: SyncCommand = {
    kind: 'Sync',
    cmdId,
    target: { locUri: s.cfg.remoteUri },
    source: { locUri: s.cfg.localUri },
    ...(s.syncOpened ? {} : { numberOfChanges: s.queue.length + (s.chunk ? 1 : 0) }),
    commands: [],
  };
  const shellXml = serializeCommand(shell);
  const shellBytes = utf8Length(shellXml);
  if (shellBytes + MIN_CHUNK_BYTES > packer.remaining && !packer.isEmpty()) {
    packer.releaseCmdId();
    return false;
  }
  packer.reserve(shellBytes);
  register(d, cmdId, { kind: 'sync', store: index });
  s.syncOpened = true;
  const children: string[] = [];
  const capacity = packer.emptyCapacity - shellBytes - 1024;
  let roomLeft = true;
  if (s.chunk) roomLeft = packChunk(d, packer, index, children);
  while (roomLeft && s.queue.length > 0) {
    const change = s.queue[0]!;
    if (change.data !== undefined && utf8Length(change.data) > (d.serverMaxObjSize ?? Infinity)) {
      // Above the server's MaxObjSize: an item-level failure, never sent (decision 0032).
      s.queue.shift();
      s.results[change.luid] = { luid: change.luid, op: change.op, status: STATUS.TOO_LARGE, ok: false };
      continue;
    }
    const childId = packer.nextCmdId();
    const xml = serializeCommand(itemCommand(s, change, childId, {}));
    const bytes = utf8Length(xml);
    if (bytes <= packer.remaining) {
      packer.reserve(bytes);
      children.push(xml);
      register(d, childId, { kind: 'item', store: index, luid: change.luid, op: change.op, last: true });
      s.queue.shift();
      continue;
    }
    packer.releaseCmdId();
    if (bytes <= capacity) {
      roomLeft = false;
      break;
    }
    s.queue.shift();
    const dataBytes = utf8Length(change.data ?? '');
    if (d.serverDevInf?.supportLargeObjs === false) {
      s.results[change.luid] = { luid: change.luid, op: change.op, status: STATUS.TOO_LARGE, ok: false };
      continue;
    }
    s.chunk = { change, offset: 0, totalBytes: dataBytes };
    roomLeft = packer.remaining - 512 >= MIN_CHUNK_BYTES ? packChunk(d, packer, index, children) : false;
  }
  packer.pushReserved(shellXml.slice(0, -'</Sync>'.length) + children.join('') + '</Sync>');
  return roomLeft;
}

/** Places the next chunk of the store's large item; true when it was the last chunk. */
function packChunk(d: SessionDraft, packer: MessagePacker, index: number, children: string[]): boolean {
  const s = d.stores[index]!;
  const chunk = s.chunk!;
  const text = chunk.change.data ?? '';
  const rest = text.slice(chunk.offset);
  const first = chunk.offset === 0;
  const cmdId = packer.nextCmdId();
  const overhead = utf8Length(
    serializeCommand(
      itemCommand(s, chunk.change, cmdId, { text: '', first, total: chunk.totalBytes, more: true }),
    ),
  );
  let room = packer.remaining - overhead - 64;
  for (let attempt = 0; attempt < 6; attempt++) {
    const take = utf8PrefixLength(rest, Math.max(room, 1));
    const last = take >= rest.length;
    const xml = serializeCommand(
      itemCommand(s, chunk.change, cmdId, {
        text: rest.slice(0, take),
        first,
        total: chunk.totalBytes,
        more: !last,
      }),
    );
    const bytes = utf8Length(xml);
    if (bytes > packer.remaining && attempt < 5) {
      room -= bytes - packer.remaining + 32;
      continue;
    }
    packer.reserve(bytes);
    children.push(xml);
    register(d, cmdId, { kind: 'item', store: index, luid: chunk.change.luid, op: chunk.change.op, last });
    s.chunk = last ? undefined : { ...chunk, offset: chunk.offset + take };
    return last;
  }
  return false;
}

interface ChunkPart {
  readonly text?: string;
  readonly first?: boolean;
  readonly total?: number;
  readonly more?: boolean;
}

function itemCommand(s: StoreDraft, change: ClientChange, cmdId: string, part: ChunkPart): SyncItemCommand {
  const source = { locUri: change.luid };
  if (change.op === 'delete') return { kind: 'Delete', cmdId, items: [{ source }] };
  const text = part.text ?? change.data ?? '';
  const item: Item = {
    source,
    ...(part.first && part.total !== undefined ? { meta: { size: part.total } } : {}),
    data: { kind: 'text', text },
    ...(part.more ? { moreData: true } : {}),
  };
  return {
    kind: change.op === 'add' ? 'Add' : 'Replace',
    cmdId,
    meta: { type: s.cfg.contentType },
    items: [item],
  };
}

/** Package 5: a Map per datastore for the server's Adds we applied. */
export function packMaps(d: SessionDraft, packer: MessagePacker): boolean {
  for (let index = 0; index < d.stores.length; index++) {
    const s = d.stores[index]!;
    while (s.maps.length > 0) {
      const cmdId = packer.nextCmdId();
      const base: MapCommand = {
        kind: 'Map',
        cmdId,
        target: { locUri: s.cfg.remoteUri },
        source: { locUri: s.cfg.localUri },
        mapItems: [],
      };
      const baseBytes = utf8Length(serializeCommand(base));
      let count = 0;
      let bytes = baseBytes;
      for (const m of s.maps) {
        const itemBytes =
          utf8Length(
            `<MapItem><Target><LocURI>${m.target}</LocURI></Target><Source><LocURI>${m.source}</LocURI></Source></MapItem>`,
          ) + 16;
        if (bytes + itemBytes > packer.remaining) break;
        bytes += itemBytes;
        count++;
      }
      if (count === 0) {
        packer.releaseCmdId();
        return false;
      }
      packer.tryAdd({ ...base, mapItems: s.maps.slice(0, count) }, true);
      register(d, cmdId, { kind: 'map', store: index });
      s.maps = s.maps.slice(count);
    }
  }
  return true;
}
