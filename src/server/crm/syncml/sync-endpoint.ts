/**
 * The SyncML endpoint without HTTP: XML text in, status + XML text out. Keeps the sessions
 * (one per device: a new session of the same device replaces its stale one, like SyncEvolution;
 * sessions of different devices run side by side), authenticates first messages and answers
 * unusable input the way a real server does.
 */
import { randomBytes } from 'node:crypto';
import {
  SYNCML_CONTENT_TYPE,
  SyncMLError,
  parseMessage,
  serializeMessage,
  type StatusCommand,
  type SyncMLMessage,
} from '../../../core/syncml/index.js';
import type { FormatConverter } from '../content/convert.js';
import { formatsConverter } from '../content/format-converter.js';
import type { CrmStore } from '../store/crm-store.js';
import { authenticate, type CrmUsers } from './auth.js';
import { handleSessionMessage } from './session-handler.js';
import type { Session } from './session-state.js';

export interface SyncEndpointOptions {
  readonly store: CrmStore;
  /** user → password; null = no authentication. Default: { test: 'test' } like the SyncEvolution peer. */
  readonly users?: CrmUsers;
  readonly convert?: FormatConverter;
  readonly maxMsgSize?: number;
  readonly maxObjSize?: number;
  readonly sessionTimeoutMs?: number;
  readonly now?: () => Date;
  /** Gets one line per completed session (npm start prints them). */
  readonly log?: (line: string) => void;
}

export interface SyncReply {
  readonly httpStatus: number;
  readonly contentType: string;
  readonly body: string;
  /** Set when the reply belongs to a session (fault hooks count its messages). */
  readonly session?: Session;
}

export const DEFAULT_MAX_MSG_SIZE = 150_000;
export const DEFAULT_MAX_OBJ_SIZE = 4_000_000;

const textReply = (httpStatus: number, body: string): SyncReply => ({
  httpStatus,
  contentType: 'text/plain; charset=utf-8',
  body,
});

/** e.g. `outlook-addin-1: addressbook two-way (2 in, 3 out), todo slow (0 in, 5 out)` */
export function sessionSummary(session: Session): string {
  const parts = [...session.datastores.values()].map(
    (d) => `${d.datastore} ${d.mode} (${d.counts.fromClient} in, ${d.counts.toClient} out)`,
  );
  return `${session.deviceId}: ${parts.join(', ') || 'no datastores'}`;
}

export class SyncEndpoint {
  private readonly sessions = new Map<string, Session>();
  readonly maxMsgSize: number;
  readonly maxObjSize: number;
  private readonly users: CrmUsers;
  private readonly convert: FormatConverter;
  private readonly sessionTimeoutMs: number;
  private readonly now: () => Date;
  /** Fault hook: the next sync Alerts are answered with 508 although the anchors match. */
  forceRefresh = false;

  constructor(private readonly options: SyncEndpointOptions) {
    this.maxMsgSize = options.maxMsgSize ?? DEFAULT_MAX_MSG_SIZE;
    this.maxObjSize = options.maxObjSize ?? DEFAULT_MAX_OBJ_SIZE;
    this.users = options.users === undefined ? { test: 'test' } : options.users;
    this.convert = options.convert ?? formatsConverter;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 5 * 60_000;
    this.now = options.now ?? (() => new Date());
  }

  activeSessions(): number {
    return this.sessions.size;
  }

  private sweep(nowMs: number): void {
    for (const [id, s] of this.sessions)
      if (s.phase === 'done' || nowMs - s.lastActivity > this.sessionTimeoutMs) this.sessions.delete(id);
  }

  /** `serverUrl` is the endpoint's absolute URL without query (RespURIs are built from it). */
  handle(body: string, serverUrl: string, sessionId: string | null): SyncReply {
    const now = this.now();
    this.sweep(now.getTime());
    let msg: SyncMLMessage;
    try {
      msg = parseMessage(body);
    } catch (e) {
      if (e instanceof SyncMLError) return textReply(400, `${e.code}: ${e.message}`);
      throw e;
    }
    if (sessionId !== null) return this.continueSession(msg, sessionId, now);
    const auth = authenticate(this.options.store, this.users, msg.header);
    if (!auth.ok) return this.headerOnlyReply(msg, auth.code, auth.chal);
    for (const [id, s] of this.sessions)
      if (s.deviceId === msg.header.source.locUri) this.sessions.delete(id);
    const session = this.newSession(msg, serverUrl, auth.user, now);
    this.sessions.set(session.id, session);
    return this.run(
      session,
      msg,
      { code: auth.code, ...(auth.chal !== undefined ? { chal: auth.chal } : {}) },
      now,
    );
  }

  private continueSession(msg: SyncMLMessage, sessionId: string, now: Date): SyncReply {
    const session = this.sessions.get(sessionId);
    // Unknown, expired or someone else's session: 408, the client starts over (anchors unchanged).
    if (session === undefined || session.deviceId !== msg.header.source.locUri)
      return this.headerOnlyReply(msg, 408);
    if (session.lastIncomingMsgId === msg.header.msgId && session.lastResponse !== undefined) {
      return { httpStatus: 200, contentType: SYNCML_CONTENT_TYPE, body: session.lastResponse, session };
    }
    return this.run(session, msg, { code: 200 }, now);
  }

  private run(
    session: Session,
    msg: SyncMLMessage,
    hdrStatus: Parameters<typeof handleSessionMessage>[3],
    now: Date,
  ): SyncReply {
    session.lastActivity = now.getTime();
    session.messagesIn += 1;
    const ctx = {
      store: this.options.store,
      convert: this.convert,
      maxMsgSize: this.maxMsgSize,
      maxObjSize: this.maxObjSize,
      now,
      forceRefresh: this.forceRefresh,
    };
    try {
      const body = handleSessionMessage(ctx, session, msg, hdrStatus);
      if (session.phase === 'done') {
        this.sessions.delete(session.id);
        this.options.log?.(sessionSummary(session));
      }
      return { httpStatus: 200, contentType: SYNCML_CONTENT_TYPE, body, session };
    } catch (e) {
      // the message's transaction rolled back; the session can't go on from a half-known state
      this.sessions.delete(session.id);
      return textReply(500, `processing failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private newSession(msg: SyncMLMessage, serverUrl: string, user: string | undefined, now: Date): Session {
    return {
      id: randomBytes(9).toString('hex'),
      deviceId: msg.header.source.locUri,
      clientSessionId: msg.header.sessionId,
      user,
      serverUrl,
      phase: 'init',
      clientMaxMsgSize: 1_000_000,
      clientMaxObjSize: undefined,
      clientDevInf: undefined,
      nextMsgId: 1,
      messagesIn: 0,
      datastores: new Map(),
      outbox: [],
      syncOpened: new Set(),
      sent: new Map(),
      lastActivity: now.getTime(),
    };
  }

  /** A reply with one status code for the header and every command (auth failure, lost session). */
  private headerOnlyReply(msg: SyncMLMessage, code: number, chal?: StatusCommand['chal']): SyncReply {
    let cmdId = 0;
    const status = (
      cmdRef: string,
      cmd: string,
      targetRefs: string[],
      sourceRefs: string[],
      withChal: boolean,
    ): StatusCommand => ({
      kind: 'Status',
      cmdId: String(++cmdId),
      msgRef: msg.header.msgId,
      cmdRef,
      cmd,
      targetRefs,
      sourceRefs,
      ...(withChal && chal !== undefined ? { chal } : {}),
      code,
      items: [],
    });
    const body = [status('0', 'SyncHdr', [msg.header.target.locUri], [msg.header.source.locUri], true)];
    for (const cmd of msg.body)
      if (cmd.kind !== 'Status') body.push(status(cmd.cmdId, cmd.kind, [], [], false));
    const xml = serializeMessage({
      header: {
        verDTD: '1.2',
        verProto: 'SyncML/1.2',
        sessionId: msg.header.sessionId,
        msgId: msg.header.msgId,
        target: { locUri: msg.header.source.locUri },
        source: { locUri: msg.header.target.locUri },
        meta: { maxMsgSize: this.maxMsgSize, maxObjSize: this.maxObjSize },
      },
      body,
      final: true,
    });
    return { httpStatus: 200, contentType: SYNCML_CONTENT_TYPE, body: xml };
  }
}
