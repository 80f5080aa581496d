/** What the sandbox CRM remembers about one SyncML session between its messages (in memory). */
import type { DevInf, SyncMode } from '../../../core/syncml/index.js';
import type { ContentType, Datastore } from '../datastores.js';

/** Slow-sync index of the CRM's live records, built once per datastore and session. */
export interface TwinIndex {
  readonly byFingerprint: Map<string, string[]>;
  readonly byMatchKey: Map<string, string[]>;
}

export interface DatastoreState {
  readonly datastore: Datastore;
  /** The client's own URI of the datastore (Alert Item/Source), e.g. './addressbook'. */
  readonly clientUri: string;
  /** Our URI as the client wrote it (Alert Item/Target), e.g. 'addressbook'. */
  readonly serverUri: string;
  readonly mode: SyncMode;
  readonly clientNext: string;
  readonly serverLast: string | undefined;
  readonly serverNext: string;
  /** Change-log cursor the device was at before this session (0 for slow/refresh). */
  readonly sinceRev: number;
  /** GUIDs a client item was paired with or created from in this session (slow/refresh). */
  readonly claimed: Set<string>;
  /** GUIDs whose slow-sync twin was identical: nothing to send. */
  readonly twins: Set<string>;
  /** GUIDs to send down as Replace although unchanged (slow-sync conflict, the CRM's version won). */
  readonly sendReplace: Set<string>;
  twinIndex?: TwinIndex;
  /** Cursor at the moment the server's changes were collected. */
  snapshotRev?: number;
  /** Revs of our items the client did not apply: the cursor stops below the first of them. */
  readonly failedRevs: number[];
  /** For the log line at the end: items applied from the client, items sent to it. */
  readonly counts: { fromClient: number; toClient: number };
  /** The format the client wants to receive (its DevInf Rx-Pref, when we can produce it). */
  sendType: ContentType;
}

export interface OutgoingItem {
  readonly datastore: Datastore;
  readonly op: 'Add' | 'Replace' | 'Delete';
  readonly guid: string;
  readonly luid?: string;
  readonly content?: string;
  readonly type?: string;
  readonly rev: number;
}

/** A large object on its way to the client, chunk by chunk (MoreData). */
export interface OutgoingChunk {
  readonly item: OutgoingItem;
  readonly bytes: Buffer;
  offset: number;
}

/** A large object arriving from the client, chunk by chunk. */
export interface IncomingChunk {
  readonly datastore: Datastore;
  readonly kind: 'Add' | 'Replace';
  readonly luid: string;
  readonly type: string | undefined;
  readonly size: number | undefined;
  readonly parts: string[];
}

export type SessionPhase = 'init' | 'client-changes' | 'server-changes' | 'done';

export interface Session {
  /** Our id, in the RespURI. */
  readonly id: string;
  readonly deviceId: string;
  readonly clientSessionId: string;
  readonly user: string | undefined;
  readonly serverUrl: string;
  phase: SessionPhase;
  clientMaxMsgSize: number;
  clientMaxObjSize: number | undefined;
  clientDevInf: DevInf | undefined;
  nextMsgId: number;
  /** Incoming messages handled so far (fault hooks count them). */
  messagesIn: number;
  lastIncomingMsgId?: string;
  lastResponse?: string;
  readonly datastores: Map<Datastore, DatastoreState>;
  /** Server changes not yet sent (pkg 4 may span several messages). */
  outbox: OutgoingItem[];
  outChunk?: OutgoingChunk;
  /** Datastores whose Sync we already opened in pkg 4 (NumberOfChanges goes in the first). */
  readonly syncOpened: Set<Datastore>;
  /** `${msgId}:${cmdId}` → what we sent, to read the client's statuses. */
  readonly sent: Map<string, OutgoingItem>;
  inChunk?: IncomingChunk;
  lastActivity: number;
}
