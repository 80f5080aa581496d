/**
 * Building our messages: package 1 (DevInf Put/Get + Alerts), then every later message from
 * what is owed (Statuses, Results) plus what the phase sends (Sync items with chunking in
 * package 3, Map in package 5, Alert 222 while the server's package is unfinished).
 */
import { credentialFor } from '../auth.js';
import { ALERT, ALERT_BY_SYNC_MODE } from '../codes.js';
import { buildOurDevInf, kindOfContentType } from '../devinf/ours.js';
import type { Item, SyncHdr } from '../model.js';
import { DEVINF_TYPE, DEVINF_URI } from '../model.js';
import { register, type SessionDraft, type StoreDraft } from './draft.js';
import { MessagePacker } from './packer.js';
import { packClientChanges, packMaps } from './pack-changes.js';

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
    const store = d.stores[d.lastServerSync ?? 0];
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
