/**
 * Building our messages: package 1 (DevInf Put/Get + Alerts), then every later message from
 * what is owed (Statuses, Results) plus what the phase sends (Sync items with chunking in
 * package 3, Map in package 5, Alert 222 while the server's package is unfinished).
 */
import { credentialFor } from '../auth.js';
import { utf8Length, utf8PrefixLength } from '../bytes.js';
import { ALERT, ALERT_BY_SYNC_MODE, STATUS } from '../codes.js';
import { serializeCommand } from '../codec/serialize.js';
import { buildOurDevInf, kindOfContentType } from '../devinf/ours.js';
import type { Item, MapCommand, SyncCommand, SyncHdr, SyncItemCommand } from '../model.js';
import { DEVINF_TYPE, DEVINF_URI } from '../model.js';
import type { SessionDraft, StoreDraft } from './draft.js';
import { MessagePacker } from './packer.js';
import type { ClientChange, SentRef } from './types.js';

/** Smallest first chunk worth starting in a partly filled message. */
const MIN_CHUNK_BYTES = 512;
const DEFAULT_SERVER_MAX_MSG_SIZE = 65_535;

export function buildHeader(d: SessionDraft): SyncHdr {
  const c = d.config;
  return {
    verDTD: '1.2',
    verProto: 'SyncML/1.2',
    sessionId: c.sessionId,
    msgId: String(d.msgId),
    target: { locUri: c.serverUrl },
    source: { locUri: c.deviceId, locName: c.user },
    ...(d.authenticated ? {} : { cred: credentialFor(d.auth, c.user, c.password, d.nonce) }),
    meta: { maxMsgSize: c.maxMsgSize, maxObjSize: c.maxObjSize },
  };
}

function register(d: SessionDraft, cmdId: string, ref: SentRef): void {
  d.sent[`${d.msgId}:${cmdId}`] = ref;
}

export function ourDevInf(d: SessionDraft) {
  const c = d.config;
  return buildOurDevInf({
    deviceId: c.deviceId,
    softwareVersion: c.softwareVersion,
    maxGuidSize: 255,
    dataStores: c.datastores.map((ds) => ({
      localUri: ds.localUri,
      contentType: ds.contentType,
      kind: kindOfContentType(ds.contentType, ds.remoteUri),
    })),
  });
}

/** Package 1: Put our DevInf, Get theirs, one Alert per datastore, Final. */
export function packInit(d: SessionDraft): string {
  d.msgId += 1;
  d.sent = {};
  const packer = new MessagePacker(
    buildHeader(d),
    Math.max(d.config.maxMsgSize, DEFAULT_SERVER_MAX_MSG_SIZE),
  );
  const putId = packer.nextCmdId();
  packer.tryAdd(
    {
      kind: 'Put',
      cmdId: putId,
      meta: { type: DEVINF_TYPE },
      items: [{ source: { locUri: DEVINF_URI }, data: { kind: 'devinf', devInf: ourDevInf(d) } }],
    },
    true,
  );
  register(d, putId, { kind: 'put' });
  const getId = packer.nextCmdId();
  packer.tryAdd(
    { kind: 'Get', cmdId: getId, meta: { type: DEVINF_TYPE }, items: [{ target: { locUri: DEVINF_URI } }] },
    true,
  );
  register(d, getId, { kind: 'get' });
  d.stores.forEach((s, index) => {
    const cmdId = packer.nextCmdId();
    const code = alertCodeFor(s);
    const anchor =
      code === ALERT.SLOW || !s.cfg.lastAnchor
        ? { next: s.cfg.nextAnchor }
        : { last: s.cfg.lastAnchor, next: s.cfg.nextAnchor };
    packer.tryAdd(
      {
        kind: 'Alert',
        cmdId,
        code,
        items: [
          {
            target: { locUri: s.cfg.remoteUri },
            source: { locUri: s.cfg.localUri },
            meta: { anchor, maxObjSize: d.config.maxObjSize },
          },
        ],
      },
      true,
    );
    register(d, cmdId, { kind: 'alert', store: index });
  });
  return packer.finish(true);
}

/** Decision table §3.3: a two-way without a last anchor is a slow sync. */
export function alertCodeFor(s: StoreDraft): number {
  if (s.cfg.mode === 'two-way' && !s.cfg.lastAnchor) return ALERT.SLOW;
  return ALERT_BY_SYNC_MODE[s.cfg.mode];
}

export interface PackedMessage {
  readonly body: string;
  readonly final: boolean;
}

/** Any message after package 1. */
export function packNext(d: SessionDraft, opts: { readonly askForMore: boolean }): PackedMessage {
  d.msgId += 1;
  // Our own MaxMsgSize caps what we send too: a client configured small sits behind a small pipe.
  const limit = Math.min(d.serverMaxMsgSize ?? DEFAULT_SERVER_MAX_MSG_SIZE, d.config.maxMsgSize);
  const packer = new MessagePacker(buildHeader(d), limit);
  const statusesDone = packOwedStatuses(d, packer);
  let complete = statusesDone && packOwedResults(d, packer);
  if (complete && d.phase === 'client-changes') complete = packClientChanges(d, packer);
  if (complete && d.phase === 'map') complete = packMaps(d, packer);
  if (opts.askForMore) {
    const store = d.stores[0];
    const cmdId = packer.nextCmdId();
    const item: Item = store
      ? { target: { locUri: store.cfg.remoteUri }, source: { locUri: store.cfg.localUri } }
      : {};
    packer.tryAdd({ kind: 'Alert', cmdId, code: ALERT.NEXT_MESSAGE, items: [item] }, true);
    register(d, cmdId, { kind: 'alert222' });
    return { body: packer.finish(false), final: false };
  }
  const final = complete && (d.phase === 'client-changes' || d.phase === 'map');
  return { body: packer.finish(final), final };
}

function packOwedStatuses(d: SessionDraft, packer: MessagePacker): boolean {
  let i = 0;
  for (; i < d.owedStatuses.length; i++) {
    const owed = d.owedStatuses[i]!;
    const cmdId = packer.nextCmdId();
    if (!packer.tryAdd({ kind: 'Status', ...owed, cmdId }, i === 0)) {
      packer.releaseCmdId();
      break;
    }
  }
  d.owedStatuses.splice(0, i);
  return d.owedStatuses.length === 0;
}

function packOwedResults(d: SessionDraft, packer: MessagePacker): boolean {
  if (!d.owedResults) return true;
  const cmdId = packer.nextCmdId();
  const ok = packer.tryAdd(
    {
      kind: 'Results',
      cmdId,
      msgRef: d.owedResults.msgRef,
      cmdRef: d.owedResults.cmdRef,
      meta: { type: DEVINF_TYPE },
      items: [{ source: { locUri: DEVINF_URI }, data: { kind: 'devinf', devInf: ourDevInf(d) } }],
    },
    packer.isEmpty(),
  );
  if (!ok) {
    packer.releaseCmdId();
    return false;
  }
  register(d, cmdId, { kind: 'results' });
  d.owedResults = undefined;
  return true;
}

/** Package 3: one Sync per datastore (also empty), items in order, a too-large item in chunks. */
function packClientChanges(d: SessionDraft, packer: MessagePacker): boolean {
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
function packMaps(d: SessionDraft, packer: MessagePacker): boolean {
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
