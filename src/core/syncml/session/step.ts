/**
 * The SyncML client session as a reducer (CONVENTIONS.md rule 3):
 * step(state, event) → { state, commands }. The executor (run.ts) sends, asks the caller and
 * feeds replies back; this file decides what happens next. Packages: 1 init → 2 server init →
 * 3 our changes (maybe several messages) → 4 server changes (maybe several, each answered by
 * statuses + Alert 222) → the caller decides per datastore → 5 statuses + Map → 6 Map ack.
 */
import { ALERT, MODE_FLOW, STATUS, isPlausibleStatus, statusOutcome } from '../codes.js';
import { parseMessage } from '../codec/parse.js';
import { SyncMLError } from '../errors.js';
import type { SyncMLMessage } from '../model.js';
import { draftOf, type SessionDraft, type StoreDraft } from './draft.js';
import { applyReply } from './incoming.js';
import { alertCodeFor, packInit, packNext } from './outgoing.js';
import type {
  ClientChange,
  OurChangeResult,
  ServerChangeOutcome,
  SessionCommand,
  SessionConfig,
  SessionEvent,
  SessionResult,
  SessionState,
  StepResult,
} from './types.js';

/** Auth attempts after the first (md5 needs one to learn the nonce). */
const MAX_AUTH_RETRIES = 2;
/** Replies in a row to our Alert 222 with neither Final nor commands before we give up. */
const MAX_IDLE_REPLIES = 8;

export function initialSessionState(config: SessionConfig): SessionState {
  if (config.datastores.length === 0)
    throw new SyncMLError('BAD_CONFIG', 'no datastore to sync', { field: 'datastores' });
  return {
    config,
    phase: 'idle',
    msgId: 0,
    url: config.serverUrl,
    authenticated: false,
    auth: config.auth,
    ...(config.nonce !== undefined ? { nonce: config.nonce } : {}),
    authRetries: 0,
    sent: {},
    owedStatuses: [],
    idleReplies: 0,
    stores: config.datastores.map((cfg) => ({
      cfg,
      queue: [],
      syncOpened: false,
      results: {},
      incoming: [],
      pendingCommands: [],
      maps: [],
      applied: 0,
    })),
  };
}

export function step(state: SessionState, event: SessionEvent): StepResult {
  const d = draftOf(state);
  const commands: SessionCommand[] = [];
  try {
    switch (event.type) {
      case 'start':
        expectPhase(d, 'idle', event.type);
        d.phase = 'init';
        send(d, commands, packInit(d));
        break;
      case 'reply':
        onReply(d, commands, event.body, event.binary === true);
        break;
      case 'all-items':
        expectPhase(d, 'loading-items', event.type);
        d.stores[event.store]!.queue = queueFor(d.stores[event.store]!, event.items);
        d.stores[event.store]!.ours = event.items;
        continueAfterInit(d, commands);
        break;
      case 'server-changes-decided':
        expectPhase(d, 'deciding', event.type);
        onDecided(d, commands, event.store, event.outcomes);
        break;
    }
  } catch (e) {
    if (!(e instanceof SyncMLError)) throw e;
    d.phase = 'failed';
    return {
      state: freeze(d),
      commands: [...commands.filter((c) => c.type === 'save-nonce'), { type: 'failed', error: e }],
    };
  }
  return { state: freeze(d), commands };
}

function freeze(d: SessionDraft): SessionState {
  return d;
}

function expectPhase(d: SessionDraft, phase: SessionDraft['phase'], event: string): void {
  if (d.phase !== phase)
    throw new SyncMLError('BAD_CONFIG', `event ${event} in phase ${d.phase}`, { event, phase: d.phase });
}

function send(d: SessionDraft, commands: SessionCommand[], body: string): void {
  commands.push({ type: 'send', body, url: d.url, msgId: d.msgId });
}

function onReply(d: SessionDraft, commands: SessionCommand[], body: string, binary: boolean): void {
  const msg = parseMessage(body, { binary });
  const summary = applyReply(d, msg);
  if (summary.newNonce !== undefined) commands.push({ type: 'save-nonce', nonce: summary.newNonce });
  if (summary.authRefused) return retryAuth(d, commands, summary.authRefused, msg, summary.newNonce);
  const idle = !summary.broughtCommands && !msg.final && !stillSendingOurPackage(d);
  d.idleReplies = idle ? d.idleReplies + 1 : 0;
  if (d.idleReplies > MAX_IDLE_REPLIES)
    throw new SyncMLError('NO_FINAL', 'the server keeps answering without Final', { phase: d.phase });
  switch (d.phase) {
    case 'init':
      if (!msg.final) return send(d, commands, packNext(d, { askForMore: true }).body);
      return continueAfterInit(d, commands);
    case 'client-changes':
      return sendClientChanges(d, commands);
    case 'server-changes':
      if (!msg.final) return send(d, commands, packNext(d, { askForMore: true }).body);
      return startDeciding(d, commands);
    case 'map':
      return onMapReply(d, commands, msg);
    default:
      throw new SyncMLError('UNEXPECTED_COMMAND', `a reply arrived in phase ${d.phase}`, { phase: d.phase });
  }
}

/**
 * While our own package (3, or 5 with statuses and Map) is still going out message by message, a
 * server reply without Final and without commands is the protocol, not an idle server: a slow sync
 * of 10,000 items takes hundreds of such rounds. Only replies to our "send more" (Alert 222) can be
 * idle, so a server that never sends Final is still caught.
 */
function stillSendingOurPackage(d: SessionDraft): boolean {
  return d.phase === 'client-changes' || (d.phase === 'map' && d.sentFinal === false);
}

function retryAuth(
  d: SessionDraft,
  commands: SessionCommand[],
  code: 401 | 407,
  msg: SyncMLMessage,
  newNonce: string | undefined,
): void {
  const errorCode = code === 401 ? 'AUTH_FAILED' : 'AUTH_REQUIRED';
  // Only md5 can succeed on a retry: with a fresh nonce. Basic with the same password fails again.
  const retryable =
    d.phase === 'init' && d.auth === 'md5' && newNonce !== undefined && d.authRetries < MAX_AUTH_RETRIES;
  if (!retryable) {
    throw new SyncMLError(errorCode, `the server refused our credentials (status ${code})`, {
      status: code,
      attempts: d.authRetries + 1,
      scheme: d.auth,
    });
  }
  d.authRetries += 1;
  // A refused attempt starts over at the base URL: the server dropped that session (SyncEvolution
  // even names a RespURI in the 401 reply, then answers HTTP 500 there).
  void msg;
  d.url = d.config.serverUrl;
  d.owedStatuses = [];
  d.authenticated = false;
  send(d, commands, packInit(d));
}

/** After package 2 (Final): every datastore must have its Alert; then load items if the mode needs all. */
function continueAfterInit(d: SessionDraft, commands: SessionCommand[]): void {
  for (let i = 0; i < d.stores.length; i++) {
    const s = d.stores[i]!;
    if (!s.alertedMode) {
      throw new SyncMLError('DATASTORE_REJECTED', `the server sent no Alert for ${s.cfg.remoteUri}`, {
        remoteUri: s.cfg.remoteUri,
        reason: 'no-alert',
      });
    }
    if (s.ours) continue;
    if (needsAllItems(s)) {
      d.phase = 'loading-items';
      commands.push({ type: 'load-all-items', store: i, localUri: s.cfg.localUri });
      return;
    }
    s.ours = s.cfg.changes;
    s.queue = queueFor(s, s.cfg.changes);
  }
  d.phase = 'client-changes';
  sendClientChanges(d, commands);
}

/** The server turned our incremental session into one that needs every item (508, 203). */
function needsAllItems(s: StoreDraft): boolean {
  const mode = s.alertedMode!;
  if (!MODE_FLOW[mode].clientSendsAll) return false;
  return !(alertCodeFor(s) === ALERT.SLOW || s.cfg.mode === 'refresh-from-client');
}

/** What we send in this mode: nothing, changes, or every item (as Replace; deletes mean nothing then). */
function queueFor(s: StoreDraft, changes: readonly ClientChange[]): ClientChange[] {
  const flow = MODE_FLOW[s.alertedMode!];
  if (!flow.clientSends) return [];
  if (!flow.clientSendsAll) return [...changes];
  return changes
    .filter((c) => c.op !== 'delete')
    .map((c) => (c.op === 'add' ? { ...c, op: 'replace' as const } : c));
}

function sendClientChanges(d: SessionDraft, commands: SessionCommand[]): void {
  const packed = packNext(d, { askForMore: false });
  if (packed.final) d.phase = 'server-changes';
  send(d, commands, packed.body);
}

/** Package 4 is complete: every status for our changes must be in, then the caller decides per store. */
function startDeciding(d: SessionDraft, commands: SessionCommand[]): void {
  const missing = Object.entries(d.sent).filter(([, ref]) => ref.kind === 'item' || ref.kind === 'sync');
  if (missing.length > 0) {
    throw new SyncMLError(
      'MISSING_STATUS',
      `the server sent no status for ${missing.length} of our commands`,
      { count: missing.length, first: missing[0]![0] },
    );
  }
  const open = d.stores.find((s) => s.partial);
  if (open)
    throw new SyncMLError('CHUNK_INTERRUPTED', 'the server ended its package inside a chunked item', {
      localUri: open.cfg.localUri,
    });
  d.phase = 'deciding';
  askCaller(d, commands, 0);
}

function askCaller(d: SessionDraft, commands: SessionCommand[], store: number): void {
  d.deciding = store;
  const s = d.stores[store]!;
  commands.push({ type: 'decide-server-changes', store, localUri: s.cfg.localUri, changes: s.incoming });
}

function onDecided(
  d: SessionDraft,
  commands: SessionCommand[],
  store: number,
  outcomes: readonly ServerChangeOutcome[] | 'abort',
): void {
  if (outcomes === 'abort')
    throw new SyncMLError('ABORTED_BY_HOOK', 'the caller stopped the session before acknowledging', {
      store,
    });
  const s = d.stores[store]!;
  if (
    store !== d.deciding ||
    outcomes.length !== s.incoming.length ||
    outcomes.some((o) => !isPlausibleStatus(o.status))
  ) {
    throw new SyncMLError('BAD_OUTCOMES', `expected ${s.incoming.length} outcomes for ${s.cfg.localUri}`, {
      expected: s.incoming.length,
      got: outcomes.length,
    });
  }
  for (const cmd of s.pendingCommands) {
    const codes = cmd.changeIndexes.map((i) => outcomes[i]!.status);
    const code = codes.find((c) => statusOutcome(c) !== 'ok') ?? codes[0] ?? STATUS.OK;
    if (!cmd.noResp) {
      d.owedStatuses.push({
        msgRef: cmd.msgRef,
        cmdRef: cmd.cmdRef,
        cmd: cmd.cmd,
        targetRefs: cmd.targetRefs,
        sourceRefs: cmd.sourceRefs,
        code,
        items: [],
      });
    }
  }
  s.incoming.forEach((change, i) => {
    const outcome = outcomes[i]!;
    if (statusOutcome(outcome.status) !== 'ok') return;
    s.applied += 1;
    const needsMap =
      change.op !== 'delete' &&
      change.guid !== undefined &&
      outcome.luid !== undefined &&
      (change.op === 'add' || change.luid !== outcome.luid);
    if (needsMap) s.maps.push({ target: change.guid!, source: outcome.luid! });
  });
  if (store + 1 < d.stores.length) return askCaller(d, commands, store + 1);
  d.deciding = undefined;
  // A package 4 without any command (one-way from client, refresh from client) ends the session:
  // there is nothing to acknowledge, and the server has already closed it.
  if (d.stores.every((s) => s.maps.length === 0) && d.owedStatuses.every((st) => st.cmd === 'SyncHdr')) {
    d.phase = 'done';
    commands.push({ type: 'finished', result: resultOf(d) });
    return;
  }
  d.phase = 'map';
  sendMapPackage(d, commands);
}

function sendMapPackage(d: SessionDraft, commands: SessionCommand[]): void {
  const packed = packNext(d, { askForMore: false });
  d.sentFinal = packed.final;
  send(d, commands, packed.body);
}

function onMapReply(d: SessionDraft, commands: SessionCommand[], msg: SyncMLMessage): void {
  if (!d.sentFinal) return sendMapPackage(d, commands);
  if (!msg.final) return send(d, commands, packNext(d, { askForMore: true }).body);
  const missing = Object.values(d.sent).filter((ref) => ref.kind === 'map').length;
  if (missing > 0)
    throw new SyncMLError('MISSING_STATUS', `the server sent no status for ${missing} Map commands`, {
      count: missing,
    });
  d.phase = 'done';
  commands.push({ type: 'finished', result: resultOf(d) });
}

function resultOf(d: SessionDraft): SessionResult {
  return {
    datastores: d.stores.map((s) => ({
      localUri: s.cfg.localUri,
      mode: s.alertedMode ?? s.cfg.mode,
      nextAnchor: s.cfg.nextAnchor,
      ...(s.serverAnchor ? { serverAnchor: s.serverAnchor } : {}),
      ourChanges: (s.ours ?? s.cfg.changes).map(
        (c): OurChangeResult => s.results[c.luid] ?? { luid: c.luid, op: c.op, status: 0, ok: false },
      ),
      serverChangesApplied: s.applied,
      serverChangesReceived: s.incoming.length,
    })),
    ...(d.serverDevInf ? { serverDevInf: d.serverDevInf } : {}),
  };
}
