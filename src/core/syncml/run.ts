/**
 * runSyncSession: the small executor around the session reducer. It owns the I/O the reducer
 * asks for (send a message, save the nonce, load all items, ask the caller about the server's
 * changes) and nothing else. It never commits anything: the caller saves anchors and item
 * state only after this resolves.
 */
import type { AuthScheme, NonceStore } from './auth.js';
import { binaryFromBytes, utf8Length } from './bytes.js';
import type { SyncMode } from './codes.js';
import type { ItemContentType } from './devinf/ours.js';
import type { DevInf } from './devinf/types.js';
import { SyncMLError } from './errors.js';
import { initialSessionState, step } from './session/step.js';
import type {
  ClientChange,
  DatastoreResult,
  ServerChange,
  ServerChangeOutcome,
  SessionCommand,
  SessionEvent,
  SessionState,
} from './session/types.js';
import {
  assertSyncMLReply,
  throwIfCancelled,
  type CancelSignal,
  type SyncMLTransport,
  type TransportReply,
} from './transport.js';

export interface SyncDatastore {
  readonly localUri: string;
  readonly remoteUri: string;
  readonly contentType: ItemContentType;
  readonly mode: SyncMode;
  readonly lastAnchor?: string;
  readonly nextAnchor: string;
  readonly changes: readonly ClientChange[];
  /** Every item of the store, for when the server demands a slow sync (508) mid-way. */
  readonly loadAllItems?: () => Promise<readonly ClientChange[]>;
}

export type ServerChangesDecision = { readonly outcomes: readonly ServerChangeOutcome[] } | 'abort';

export interface SyncProgress {
  readonly phase: SessionState['phase'];
  readonly messages: number;
  readonly stores: readonly {
    readonly localUri: string;
    readonly sent: number;
    readonly toSend: number;
    readonly received: number;
    readonly expected?: number;
  }[];
}

export interface RunSyncSessionOptions {
  readonly transport: SyncMLTransport;
  readonly serverUrl: string;
  readonly user: string;
  readonly password: string;
  readonly auth: AuthScheme;
  readonly deviceId: string;
  readonly nonceStore: NonceStore;
  readonly maxMsgSize?: number;
  readonly maxObjSize?: number;
  readonly datastores: readonly SyncDatastore[];
  /**
   * Called once per datastore with all of the server's changes, before any status for them is
   * sent. Return one outcome per change (SyncML status; our LUID for an applied Add), or 'abort'
   * to end the session without acknowledging anything.
   */
  readonly onServerChanges: (
    store: SyncDatastore,
    changes: readonly ServerChange[],
  ) => Promise<ServerChangesDecision>;
  readonly signal?: CancelSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Fresh per session unless given (tests). */
  readonly sessionId?: string;
  readonly softwareVersion?: string;
}

export interface SyncSessionResult {
  readonly datastores: readonly DatastoreResult[];
  readonly serverDevInf?: DevInf;
  readonly messages: number;
  readonly bytesUp: number;
  readonly bytesDown: number;
}

export const DEFAULT_MAX_MSG_SIZE = 150_000;
export const DEFAULT_MAX_OBJ_SIZE = 4_000_000;

let sessionCounter = 0;

/** A new SessionID per session (§1.11): time-based so a restarted client does not repeat one. */
export function freshSessionId(): string {
  sessionCounter = (sessionCounter + 1) % 1000;
  return String((Date.now() % 1_000_000_000) * 1000 + sessionCounter);
}

export async function runSyncSession(options: RunSyncSessionOptions): Promise<SyncSessionResult> {
  validateOptions(options);
  const nonce = await options.nonceStore.get(options.serverUrl, options.deviceId);
  let state = initialSessionState({
    serverUrl: options.serverUrl,
    user: options.user,
    password: options.password,
    auth: options.auth,
    deviceId: options.deviceId,
    sessionId: options.sessionId ?? freshSessionId(),
    maxMsgSize: options.maxMsgSize ?? DEFAULT_MAX_MSG_SIZE,
    maxObjSize: options.maxObjSize ?? DEFAULT_MAX_OBJ_SIZE,
    softwareVersion: options.softwareVersion ?? '0.1.0',
    ...(nonce !== undefined ? { nonce } : {}),
    datastores: options.datastores.map(({ loadAllItems: _loader, ...ds }) => ds),
  });
  const stats = { messages: 0, bytesUp: 0, bytesDown: 0 };
  let pending: SessionEvent | undefined = { type: 'start' };
  while (pending) {
    throwIfCancelled(options.signal);
    const result = step(state, pending);
    state = result.state;
    pending = undefined;
    options.onProgress?.(progressOf(state, stats.messages));
    for (const command of result.commands) {
      const outcome = await execute(command, options, stats);
      if (outcome.done) return { ...outcome.done, ...stats };
      if (outcome.next) pending = outcome.next;
    }
  }
  throw new SyncMLError('NO_FINAL', 'the session stopped without an end', { phase: state.phase });
}

type Execution = {
  done?: Omit<SyncSessionResult, 'messages' | 'bytesUp' | 'bytesDown'>;
  next?: SessionEvent;
};

async function execute(
  command: SessionCommand,
  options: RunSyncSessionOptions,
  stats: { messages: number; bytesUp: number; bytesDown: number },
): Promise<Execution> {
  switch (command.type) {
    case 'send': {
      const reply = await sendMessage(options, command.body, command.url);
      stats.messages += 1;
      stats.bytesUp += utf8Length(command.body);
      stats.bytesDown += reply.bytes ? reply.bytes.length : utf8Length(reply.body);
      if (reply.bytes) return { next: { type: 'reply', body: binaryFromBytes(reply.bytes), binary: true } };
      return { next: { type: 'reply', body: reply.body } };
    }
    case 'save-nonce':
      await options.nonceStore.set(options.serverUrl, options.deviceId, command.nonce);
      return {};
    case 'load-all-items': {
      const loader = options.datastores[command.store]!.loadAllItems;
      if (!loader) {
        throw new SyncMLError(
          'SLOW_SYNC_NEEDS_ALL_ITEMS',
          `the server wants a slow sync of ${command.localUri}`,
          { localUri: command.localUri },
        );
      }
      return { next: { type: 'all-items', store: command.store, items: await loader() } };
    }
    case 'decide-server-changes': {
      const decision = await options.onServerChanges(options.datastores[command.store]!, command.changes);
      throwIfCancelled(options.signal);
      return {
        next: {
          type: 'server-changes-decided',
          store: command.store,
          outcomes: decision === 'abort' ? 'abort' : decision.outcomes,
        },
      };
    }
    case 'finished':
      return { done: command.result };
    case 'failed':
      throw command.error;
  }
}

async function sendMessage(
  options: RunSyncSessionOptions,
  body: string,
  url: string,
): Promise<TransportReply> {
  throwIfCancelled(options.signal);
  let reply;
  try {
    reply = await options.transport.send(body, url, options.signal);
  } catch (e) {
    if (e instanceof SyncMLError) throw e;
    throw new SyncMLError(
      'UNREACHABLE',
      `no reply from the server: ${e instanceof Error ? e.message : String(e)}`,
      { url },
    );
  }
  throwIfCancelled(options.signal);
  assertSyncMLReply(reply);
  return reply;
}

function validateOptions(o: RunSyncSessionOptions): void {
  const bad = (field: string, why: string) => new SyncMLError('BAD_CONFIG', `${field}: ${why}`, { field });
  if (o.datastores.length === 0) throw bad('datastores', 'none given');
  if (new Set(o.datastores.map((d) => d.localUri)).size !== o.datastores.length)
    throw bad('datastores', 'localUri used twice');
  if (!o.deviceId) throw bad('deviceId', 'empty');
  if ((o.maxMsgSize ?? DEFAULT_MAX_MSG_SIZE) < 2_000) throw bad('maxMsgSize', 'below 2000 bytes');
  for (const ds of o.datastores) {
    if (!ds.nextAnchor) throw bad('nextAnchor', `empty for ${ds.localUri}`);
    const luids = new Set<string>();
    for (const c of ds.changes) {
      if (!c.luid || luids.has(c.luid)) throw bad('changes', `missing or repeated luid in ${ds.localUri}`);
      luids.add(c.luid);
      if (c.op !== 'delete' && c.data === undefined)
        throw bad('changes', `${c.op} without data for ${c.luid}`);
    }
  }
}

function progressOf(state: SessionState, messages: number): SyncProgress {
  return {
    phase: state.phase,
    messages,
    stores: state.stores.map((s) => {
      const toSend = (s.ours ?? s.cfg.changes).length;
      return {
        localUri: s.cfg.localUri,
        sent: Math.max(0, toSend - s.queue.length - (s.chunk ? 1 : 0)),
        toSend,
        received: s.incoming.length,
        ...(s.expectedFromServer !== undefined ? { expected: s.expectedFromServer } : {}),
      };
    }),
  };
}
