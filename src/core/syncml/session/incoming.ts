/**
 * Reading one server message into the session draft: the SyncHdr status (auth, nonce), statuses
 * for our commands, the server's Alerts, DevInf Put/Get/Results and its Sync with items (large
 * objects joined across messages). Statuses for the server's items are not owed here: the caller
 * decides on them first (see step.ts).
 */
import { ALERT, MODE_FLOW, STATUS, SYNC_MODE_BY_ALERT, statusOutcome, type SyncMode } from '../codes.js';
import { SyncMLError } from '../errors.js';
import type {
  AlertCommand,
  Item,
  SyncCommand,
  SyncMLCommand,
  SyncMLMessage,
  StatusCommand,
} from '../model.js';
import { owe, type SessionDraft, type StoreDraft } from './draft.js';
import { applyServerItems } from './server-items.js';
import type { ChangeOp, OwedStatus } from './types.js';

export interface ReplySummary {
  /** 401/407 on the SyncHdr: the credentials were refused. */
  readonly authRefused?: 401 | 407;
  readonly newNonce?: string;
  /** The message carried commands other than Status. */
  readonly broughtCommands: boolean;
}

export function applyReply(d: SessionDraft, msg: SyncMLMessage): ReplySummary {
  const h = msg.header;
  if (h.respUri) d.url = h.respUri;
  if (h.meta?.maxMsgSize) d.serverMaxMsgSize = h.meta.maxMsgSize;
  if (h.meta?.maxObjSize) d.serverMaxObjSize = h.meta.maxObjSize;
  const headerStatus = msg.body.find((c): c is StatusCommand => c.kind === 'Status' && c.cmdRef === '0');
  const newNonce = headerStatus?.chal?.meta.nextNonce;
  if (newNonce !== undefined) d.nonce = newNonce;
  const nonceInfo = newNonce !== undefined ? { newNonce } : {};
  if (headerStatus && (headerStatus.code === 401 || headerStatus.code === 407)) {
    return { authRefused: headerStatus.code, broughtCommands: false, ...nonceInfo };
  }
  if (headerStatus) checkHeaderStatus(d, headerStatus);
  owe(d, {
    msgRef: h.msgId,
    cmdRef: '0',
    cmd: 'SyncHdr',
    targetRefs: [h.target.locUri],
    sourceRefs: [h.source.locUri],
    code: STATUS.OK,
    items: [],
  });
  let broughtCommands = false;
  for (const cmd of msg.body) {
    if (cmd.kind === 'Status') {
      if (cmd !== headerStatus) applyStatus(d, cmd);
      continue;
    }
    broughtCommands = true;
    applyServerCommand(d, cmd, h.msgId);
  }
  return { broughtCommands, ...nonceInfo };
}

function checkHeaderStatus(d: SessionDraft, st: StatusCommand): void {
  // 212 = authenticated for the session. A later 200 (SyncEvolution sends it for every further
  // message) does not revoke that; before a 212, 200 means "send credentials again".
  if (st.code === STATUS.AUTH_ACCEPTED) d.authenticated = true;
  else if (st.code === STATUS.OK) return;
  else if (statusOutcome(st.code) !== 'ok') {
    throw new SyncMLError('SERVER_ERROR', `the server refused our message (status ${st.code})`, {
      status: st.code,
      msgRef: st.msgRef,
    });
  }
}

function applyStatus(d: SessionDraft, st: StatusCommand): void {
  const key = `${st.msgRef}:${st.cmdRef}`;
  const ref = d.sent[key];
  if (!ref) {
    throw new SyncMLError(
      'UNEXPECTED_STATUS',
      `status ${st.code} for a command we did not send (${st.cmd} ${key})`,
      {
        status: st.code,
        cmd: st.cmd,
        msgRef: st.msgRef,
        cmdRef: st.cmdRef,
      },
    );
  }
  delete d.sent[key];
  switch (ref.kind) {
    case 'alert': {
      if (st.code === STATUS.REFRESH_REQUIRED || statusOutcome(st.code) === 'ok') return;
      const store = d.stores[ref.store]!;
      throw new SyncMLError(
        'DATASTORE_REJECTED',
        `the server refused datastore ${store.cfg.remoteUri} (status ${st.code})`,
        {
          status: st.code,
          remoteUri: store.cfg.remoteUri,
        },
      );
    }
    case 'sync':
      if (statusOutcome(st.code) !== 'ok') {
        throw new SyncMLError('SYNC_REJECTED', `the server refused our Sync (status ${st.code})`, {
          status: st.code,
          localUri: d.stores[ref.store]!.cfg.localUri,
        });
      }
      return;
    case 'map':
      if (statusOutcome(st.code) !== 'ok') {
        throw new SyncMLError('MAP_REJECTED', `the server refused our Map (status ${st.code})`, {
          status: st.code,
          localUri: d.stores[ref.store]!.cfg.localUri,
        });
      }
      return;
    case 'item':
      applyItemStatus(d.stores[ref.store]!, ref.luid, ref.op, ref.last, st.code);
      return;
    default:
      return; // Put/Get/Results/Alert 222: nothing depends on them
  }
}

function applyItemStatus(s: StoreDraft, luid: string, op: ChangeOp, last: boolean, code: number): void {
  if (!last && code === STATUS.CHUNK_ACCEPTED) return;
  if (!last && s.chunk?.change.luid === luid) s.chunk = undefined; // chunk refused: stop sending the rest
  const ok =
    statusOutcome(code) === 'ok' || (op === 'delete' && (code === STATUS.NOT_FOUND || code === STATUS.GONE));
  s.results[luid] = { luid, op, status: code, ok: ok && last };
}

function applyServerCommand(d: SessionDraft, cmd: SyncMLCommand, msgRef: string): void {
  const answer = (code: number, targetRefs: readonly string[] = [], sourceRefs: readonly string[] = []) => {
    if (!('noResp' in cmd && cmd.noResp))
      owe(d, { msgRef, cmdRef: cmd.cmdId, cmd: cmd.kind, targetRefs, sourceRefs, code, items: [] });
  };
  switch (cmd.kind) {
    case 'Alert':
      applyServerAlert(d, cmd, msgRef);
      return;
    case 'Put':
    case 'Results': {
      const data = cmd.items[0]?.data;
      if (data?.kind === 'devinf') d.serverDevInf = data.devInf;
      answer(STATUS.OK, [], cmd.kind === 'Put' ? ['./devinf12'] : []);
      return;
    }
    case 'Get':
      answer(STATUS.OK, ['./devinf12']);
      d.owedResults = { msgRef, cmdRef: cmd.cmdId };
      return;
    case 'Sync':
      applyServerSync(d, cmd, msgRef);
      return;
    default:
      throw new SyncMLError('UNEXPECTED_COMMAND', `a server must not send ${cmd.kind} here`, {
        command: cmd.kind,
        phase: d.phase,
      });
  }
}

function findStore(
  d: SessionDraft,
  ourUri: string | undefined,
  theirUri: string | undefined,
): StoreDraft | undefined {
  const norm = (u: string | undefined) => (u ?? '').replace(/^\.\//, '');
  return (
    d.stores.find((s) => ourUri !== undefined && norm(s.cfg.localUri) === norm(ourUri)) ??
    d.stores.find((s) => theirUri !== undefined && norm(s.cfg.remoteUri) === norm(theirUri))
  );
}

function applyServerAlert(d: SessionDraft, cmd: AlertCommand, msgRef: string): void {
  const item: Item | undefined = cmd.items[0];
  const refs = {
    targetRefs: item?.target ? [item.target.locUri] : [],
    sourceRefs: item?.source ? [item.source.locUri] : [],
  };
  const status = (code: number, items: OwedStatus['items'] = []) =>
    owe(d, { msgRef, cmdRef: cmd.cmdId, cmd: 'Alert', ...refs, code, items });
  if (cmd.code === ALERT.NEXT_MESSAGE) return status(STATUS.OK);
  const mode = SYNC_MODE_BY_ALERT[cmd.code];
  if (!mode)
    throw new SyncMLError('UNEXPECTED_COMMAND', `unexpected Alert ${cmd.code}`, {
      command: 'Alert',
      alert: cmd.code,
    });
  const store = findStore(d, item?.target?.locUri, item?.source?.locUri);
  if (!store)
    throw new SyncMLError(
      'UNEXPECTED_COMMAND',
      `Alert for an unknown datastore ${item?.target?.locUri ?? '?'}`,
      { command: 'Alert' },
    );
  assertModeAllowed(store.cfg.mode, mode, store.cfg.localUri);
  store.alertedMode = mode;
  store.serverAnchor = item?.meta?.anchor;
  const echo = store.serverAnchor
    ? [{ data: { kind: 'anchor' as const, anchor: { next: store.serverAnchor.next } } }]
    : [];
  status(STATUS.OK, echo);
}

/** libsynthesis' rule, ours too: a server must not turn a session that writes only to it into one that writes to us. */
function assertModeAllowed(requested: SyncMode, alerted: SyncMode, localUri: string): void {
  const clientOnly = !MODE_FLOW[requested].serverSends;
  const wipesUs = alerted === 'refresh-from-server' && requested !== 'refresh-from-server';
  if ((clientOnly && MODE_FLOW[alerted].serverSends) || wipesUs) {
    throw new SyncMLError('MODE_NOT_ALLOWED', `the server wants ${alerted} where we asked for ${requested}`, {
      requested,
      alerted,
      localUri,
    });
  }
}

function applyServerSync(d: SessionDraft, sync: SyncCommand, msgRef: string): void {
  const store = findStore(d, sync.target?.locUri, sync.source?.locUri);
  if (!store)
    throw new SyncMLError(
      'UNEXPECTED_COMMAND',
      `Sync for an unknown datastore ${sync.target?.locUri ?? '?'}`,
      { command: 'Sync' },
    );
  const mode = store.alertedMode ?? store.cfg.mode;
  if (sync.commands.length > 0 && !MODE_FLOW[mode].serverSends) {
    throw new SyncMLError('MODE_NOT_ALLOWED', `the server sent changes in ${mode}`, {
      alerted: mode,
      localUri: store.cfg.localUri,
    });
  }
  if (!sync.noResp) {
    owe(d, {
      msgRef,
      cmdRef: sync.cmdId,
      cmd: 'Sync',
      targetRefs: sync.target ? [sync.target.locUri] : [],
      sourceRefs: sync.source ? [sync.source.locUri] : [],
      code: STATUS.OK,
      items: [],
    });
  }
  d.lastServerSync = d.stores.indexOf(store);
  if (sync.numberOfChanges !== undefined && store.expectedFromServer === undefined)
    store.expectedFromServer = sync.numberOfChanges;
  for (const cmd of sync.commands) applyServerItems(d, store, cmd, msgRef);
}
