/**
 * One SyncML message in, one reply out, for an authenticated session. The packages follow
 * ../shared/reference/syncml.md §1 and the SyncEvolution traces: pkg 1 → Statuses, DevInf,
 * the CRM's Alerts; pkg 3 (possibly over several messages) → Statuses, then the CRM's Syncs
 * (pkg 4, split to the client's MaxMsgSize); pkg 5 (Statuses + Map) → pkg 6 and the commit of
 * anchors and cursors. The whole message runs in one SQLite transaction.
 */
import {
  DEVINF_TYPE,
  DEVINF_URI,
  MODE_FLOW,
  serializeCommand,
  type AlertCommand,
  type Chal,
  type DevInf,
  type MapCommand,
  type PutCommand,
  type StatusCommand,
  type SyncHdr,
  type SyncMLCommand,
  type SyncMLMessage,
} from '../../../core/syncml/index.js';
import { DATASTORE_FORMATS, type ContentType, type Datastore } from '../datastores.js';
import type { FormatConverter } from '../content/convert.js';
import { knownContentType } from '../content/convert.js';
import type { CrmStore } from '../store/crm-store.js';
import { datastoreFromUri, handleSyncAlert } from './alerts.js';
import { finishRefreshFromClient } from './client-changes.js';
import { ReplyBuilder, packServerChanges } from './packer.js';
import { collectServerChanges, committedRev } from './server-changes.js';
import { CTCAP_MIN_MSG_SIZE, serverDevInf } from './server-devinf.js';
import type { Session } from './session-state.js';
import { handleClientSync } from './sync-commands.js';

export interface EngineContext {
  readonly store: CrmStore;
  readonly convert: FormatConverter;
  readonly maxMsgSize: number;
  readonly maxObjSize: number;
  readonly now: Date;
  readonly forceRefresh: boolean;
}

type Draft = Omit<StatusCommand, 'cmdId'>;

function replyHeader(ctx: EngineContext, session: Session, msg: SyncMLMessage): SyncHdr {
  return {
    verDTD: '1.2',
    verProto: 'SyncML/1.2',
    sessionId: msg.header.sessionId,
    msgId: String(session.nextMsgId++),
    target: { locUri: session.deviceId, ...(session.user !== undefined ? { locName: session.user } : {}) },
    source: { locUri: msg.header.target.locUri },
    respUri: `${session.serverUrl}?sessionid=${session.id}`,
    meta: { maxMsgSize: ctx.maxMsgSize, maxObjSize: ctx.maxObjSize },
  };
}

function simpleStatus(
  msgId: string,
  cmd: SyncMLCommand,
  code: number,
  refs: { target?: string; source?: string } = {},
): Draft {
  return {
    kind: 'Status',
    msgRef: msgId,
    cmdRef: cmd.cmdId,
    cmd: cmd.kind,
    targetRefs: refs.target === undefined ? [] : [refs.target],
    sourceRefs: refs.source === undefined ? [] : [refs.source],
    code,
    items: [],
  };
}

/** The client's statuses for our commands: failures keep the item pending for the next session. */
function readClientStatus(ctx: EngineContext, session: Session, status: StatusCommand): void {
  const key = `${status.msgRef}:${status.cmdRef}`;
  const item = session.sent.get(key);
  if (item === undefined) return;
  session.sent.delete(key);
  if (status.code === 213 || (status.code >= 200 && status.code < 300) || status.code === 418) return;
  session.datastores.get(item.datastore)?.failedRevs.push(item.rev);
  if (item.op === 'Replace' && (status.code === 404 || status.code === 410))
    ctx.store.deleteMapByGuid(session.deviceId, item.datastore, item.guid);
}

function rememberDevInf(ctx: EngineContext, session: Session, devInf: DevInf): void {
  session.clientDevInf = devInf;
  ctx.store.setDevInf(session.deviceId, JSON.stringify(devInf));
}

/** The format to send: the client's Rx-Pref when it is one of ours, else what we store. */
function chooseSendType(session: Session, datastore: Datastore, clientUri: string): ContentType {
  const bare = (uri: string) => uri.replace(/^\.\//, '');
  const store = session.clientDevInf?.dataStores.find((d) => bare(d.sourceRef) === bare(clientUri));
  const preferred = store === undefined ? undefined : knownContentType(datastore, store.rxPref.ctType);
  return preferred ?? DATASTORE_FORMATS[datastore].canonical;
}

function handleMap(ctx: EngineContext, session: Session, msgId: string, map: MapCommand): Draft {
  const datastore = datastoreFromUri(map.target.locUri);
  const refs = { target: map.target.locUri, source: map.source.locUri };
  if (datastore === undefined || !session.datastores.has(datastore))
    return simpleStatus(msgId, map, 404, refs);
  for (const pair of map.mapItems) {
    if (ctx.store.getRecord(datastore, pair.target) !== undefined)
      ctx.store.setMap(session.deviceId, datastore, pair.source, pair.target);
  }
  return simpleStatus(msgId, map, 200, refs);
}

interface BodyResult {
  readonly serverAlerts: Omit<AlertCommand, 'cmdId'>[];
  readonly sawClientDevInf: boolean;
}

function handleBody(ctx: EngineContext, session: Session, msg: SyncMLMessage, b: ReplyBuilder): BodyResult {
  const msgId = msg.header.msgId;
  const serverAlerts: Omit<AlertCommand, 'cmdId'>[] = [];
  let sawClientDevInf = false;
  const add = (draft: Draft) => b.add({ ...draft, cmdId: b.nextCmdId() });
  for (const cmd of msg.body) {
    switch (cmd.kind) {
      case 'Status':
        readClientStatus(ctx, session, cmd);
        break;
      case 'Alert': {
        if (cmd.code === 222) {
          add(simpleStatus(msgId, cmd, 200));
          break;
        }
        const outcome = handleSyncAlert({ ...ctx, session, msgId, now: ctx.now }, cmd);
        add(outcome.status);
        if (outcome.serverAlert !== undefined) serverAlerts.push(outcome.serverAlert);
        break;
      }
      case 'Put':
      case 'Results': {
        const data = cmd.items[0]?.data;
        if (data?.kind === 'devinf') {
          rememberDevInf(ctx, session, data.devInf);
          sawClientDevInf = true;
        }
        add(
          simpleStatus(msgId, cmd, 200, cmd.kind === 'Put' ? { source: cmd.items[0]?.source?.locUri } : {}),
        );
        break;
      }
      case 'Get': {
        const target = cmd.items[0]?.target?.locUri;
        const isDevInf = target === DEVINF_URI || target === './devinf11';
        add(simpleStatus(msgId, cmd, isDevInf ? 200 : 404, { target }));
        if (isDevInf) {
          b.add({
            kind: 'Results',
            cmdId: b.nextCmdId(),
            msgRef: msgId,
            cmdRef: cmd.cmdId,
            meta: { type: DEVINF_TYPE },
            items: [
              {
                source: { locUri: DEVINF_URI },
                data: {
                  kind: 'devinf',
                  devInf: serverDevInf(session.serverUrl, session.clientMaxMsgSize >= CTCAP_MIN_MSG_SIZE),
                },
              },
            ],
          });
        }
        break;
      }
      case 'Sync':
        if (session.phase === 'init') session.phase = 'client-changes';
        for (const draft of handleClientSync({ ...ctx, session, msgId }, cmd)) add(draft);
        break;
      case 'Map':
        add(handleMap(ctx, session, msgId, cmd));
        break;
      default:
        // Add/Replace/Delete belong inside a Sync
        add(simpleStatus(msgId, cmd, 400));
    }
  }
  return { serverAlerts, sawClientDevInf };
}

function commitSession(ctx: EngineContext, session: Session): void {
  for (const state of session.datastores.values()) {
    ctx.store.setAnchor(session.deviceId, state.datastore, {
      clientAnchor: state.clientNext,
      serverAnchor: state.serverNext,
      syncedRev: committedRev(state),
    });
  }
  session.phase = 'done';
}

/** End of package 3: settle refreshes, collect what goes to the client. */
function startServerChanges(ctx: EngineContext, session: Session): void {
  for (const state of session.datastores.values()) {
    const apply = { store: ctx.store, deviceId: session.deviceId, state, convert: ctx.convert };
    if (state.mode === 'refresh-from-client') finishRefreshFromClient(apply);
    if (MODE_FLOW[state.mode].serverSends)
      state.sendType = chooseSendType(session, state.datastore, state.clientUri);
    session.outbox.push(...collectServerChanges(ctx.store, session.deviceId, state, ctx.convert));
  }
  session.phase = 'server-changes';
}

/**
 * The rest of package 2: the CRM's Alerts, and when the client sent no DevInf, a Get for it and
 * our own DevInf — the latter only when it fits into the client's MaxMsgSize (it is a courtesy).
 */
function closePackage1(
  session: Session,
  b: ReplyBuilder,
  serverAlerts: readonly Omit<AlertCommand, 'cmdId'>[],
  sawClientDevInf: boolean,
): void {
  for (const alert of serverAlerts) b.add({ ...alert, cmdId: b.nextCmdId() });
  if (sawClientDevInf || session.clientDevInf !== undefined) return;
  b.add({
    kind: 'Get',
    cmdId: b.nextCmdId(),
    meta: { type: DEVINF_TYPE },
    items: [{ target: { locUri: DEVINF_URI } }],
  });
  const devInf = serverDevInf(session.serverUrl, session.clientMaxMsgSize >= CTCAP_MIN_MSG_SIZE);
  const put: PutCommand = {
    kind: 'Put',
    cmdId: b.nextCmdId(),
    meta: { type: DEVINF_TYPE },
    items: [{ source: { locUri: DEVINF_URI }, data: { kind: 'devinf', devInf } }],
  };
  const room = session.clientMaxMsgSize - Buffer.byteLength(b.serialize(true)) - 256;
  if (Buffer.byteLength(serializeCommand(put)) <= room) b.add(put);
}

/** Handles one message of an authenticated session and returns the reply's XML. */
export function handleSessionMessage(
  ctx: EngineContext,
  session: Session,
  msg: SyncMLMessage,
  hdrStatus: { code: number; chal?: Chal },
): string {
  return ctx.store.transaction(() => {
    const metaIn = msg.header.meta;
    if (metaIn?.maxMsgSize !== undefined) session.clientMaxMsgSize = metaIn.maxMsgSize;
    if (metaIn?.maxObjSize !== undefined) session.clientMaxObjSize = metaIn.maxObjSize;
    const b = new ReplyBuilder(replyHeader(ctx, session, msg));
    b.add({
      kind: 'Status',
      cmdId: b.nextCmdId(),
      msgRef: msg.header.msgId,
      cmdRef: '0',
      cmd: 'SyncHdr',
      targetRefs: [msg.header.target.locUri],
      sourceRefs: [msg.header.source.locUri],
      ...(hdrStatus.chal !== undefined ? { chal: hdrStatus.chal } : {}),
      code: hdrStatus.code,
      items: [],
    });
    const phaseBefore = session.phase;
    const { serverAlerts, sawClientDevInf } = handleBody(ctx, session, msg, b);
    let final = false;
    if (phaseBefore === 'init' && session.phase === 'init') {
      if (msg.final) {
        closePackage1(session, b, serverAlerts, sawClientDevInf);
        session.phase = 'client-changes';
        final = true;
      }
    } else if (session.phase === 'client-changes') {
      if (msg.final) {
        // a Final with a chunked item still open: that item never completes (the client gets
        // 213 for its last chunk and no result); the rest of the session goes on
        session.inChunk = undefined;
        startServerChanges(ctx, session);
        final = packServerChanges(session, b, true);
      }
    } else if (session.phase === 'server-changes') {
      if (session.outbox.length > 0 || session.outChunk !== undefined)
        final = packServerChanges(session, b, false);
      else if (msg.final) {
        commitSession(ctx, session);
        final = true;
      }
    } else {
      final = msg.final;
    }
    const xml = b.serialize(final);
    session.lastIncomingMsgId = msg.header.msgId;
    session.lastResponse = xml;
    return xml;
  });
}
