/** Types of the SyncML client session reducer: configuration, state, events and commands. */
import type { AuthScheme } from '../auth.js';
import type { SyncMode } from '../codes.js';
import type { ItemContentType } from '../devinf/ours.js';
import type { DevInf } from '../devinf/types.js';
import type { SyncMLError } from '../errors.js';
import type { Anchor, MapItem, StatusCommand } from '../model.js';

export type ChangeOp = 'add' | 'replace' | 'delete';

/** One of our changes; for slow and refresh-from-client syncs, `changes` holds every item. */
export interface ClientChange {
  readonly op: ChangeOp;
  readonly luid: string;
  readonly data?: string;
}

export interface DatastoreConfig {
  /** Our datastore URI (DevInf SourceRef), e.g. './contacts'. */
  readonly localUri: string;
  /** The server's datastore URI, e.g. 'addressbook'. */
  readonly remoteUri: string;
  readonly contentType: ItemContentType;
  readonly mode: SyncMode;
  /** Our Next of the last completed session; absent = never synced (a two-way becomes slow). */
  readonly lastAnchor?: string;
  readonly nextAnchor: string;
  readonly changes: readonly ClientChange[];
}

export interface SessionConfig {
  readonly serverUrl: string;
  readonly user: string;
  readonly password: string;
  readonly auth: AuthScheme;
  readonly deviceId: string;
  /** Fresh for every session (§1.11). */
  readonly sessionId: string;
  /** Largest message we accept (bytes), announced in every header. */
  readonly maxMsgSize: number;
  /** Largest object we accept (bytes). */
  readonly maxObjSize: number;
  readonly softwareVersion: string;
  /** The NextNonce last issued to this device, from the NonceStore. */
  readonly nonce?: string;
  readonly datastores: readonly DatastoreConfig[];
}

/** A change the server sent: Add carries its GUID, Replace/Delete our LUID (some servers add the GUID too). */
export interface ServerChange {
  readonly op: ChangeOp;
  readonly guid?: string;
  readonly luid?: string;
  readonly data?: string;
  readonly contentType?: string;
}

/** The caller's answer per server change, in order: a SyncML status and, for an applied Add, our new LUID. */
export interface ServerChangeOutcome {
  readonly status: number;
  readonly luid?: string;
}

export interface OurChangeResult {
  readonly luid: string;
  readonly op: ChangeOp;
  /** The server's status; 0 = not sent in this session (mode sends nothing, delete in slow sync, too large). */
  readonly status: number;
  readonly ok: boolean;
}

export interface DatastoreResult {
  readonly localUri: string;
  /** The mode that actually ran (e.g. 'slow' after a 508). */
  readonly mode: SyncMode;
  readonly nextAnchor: string;
  readonly serverAnchor?: Anchor;
  readonly ourChanges: readonly OurChangeResult[];
  readonly serverChangesApplied: number;
  readonly serverChangesReceived: number;
}

export interface SessionResult {
  readonly datastores: readonly DatastoreResult[];
  readonly serverDevInf?: DevInf;
}

// ---- internal state ----

export type SentRef =
  | { readonly kind: 'header' | 'put' | 'get' | 'results' | 'alert222' }
  | { readonly kind: 'alert' | 'sync' | 'map'; readonly store: number }
  | {
      readonly kind: 'item';
      readonly store: number;
      readonly luid: string;
      readonly op: ChangeOp;
      readonly last: boolean;
    };

/** An outgoing item being sent in chunks: `offset` is a UTF-16 index into the data. */
export interface OutgoingChunk {
  readonly change: ClientChange;
  readonly offset: number;
  readonly totalBytes: number;
}

/** A server command we must answer once the caller decided (items of pkg 4). */
export interface PendingServerCommand {
  readonly msgRef: string;
  readonly cmdRef: string;
  readonly cmd: 'Add' | 'Replace' | 'Delete';
  readonly targetRefs: readonly string[];
  readonly sourceRefs: readonly string[];
  /** Indexes into StoreState.incoming. */
  readonly changeIndexes: readonly number[];
  readonly noResp?: boolean;
}

export interface IncomingPartial {
  readonly op: ChangeOp;
  readonly guid?: string;
  readonly luid?: string;
  readonly contentType?: string;
  readonly size?: number;
  /** Joined so far; raw UTF-8 bytes (one char per byte) when `binary`, else text. */
  readonly text: string;
  readonly binary: boolean;
}

export interface StoreState {
  readonly cfg: DatastoreConfig;
  readonly alertedMode?: SyncMode;
  readonly serverAnchor?: Anchor;
  /** Our changes still to send, in order (the chunked one is in `chunk`). */
  readonly queue: readonly ClientChange[];
  readonly chunk?: OutgoingChunk;
  readonly syncOpened: boolean;
  readonly results: Readonly<Record<string, OurChangeResult>>;
  readonly incoming: readonly ServerChange[];
  readonly pendingCommands: readonly PendingServerCommand[];
  readonly partial?: IncomingPartial;
  readonly maps: readonly MapItem[];
  readonly applied: number;
  readonly expectedFromServer?: number;
  /** Our changes of this session: cfg.changes, or every item after the server asked for a slow sync. */
  readonly ours?: readonly ClientChange[];
}

export type Phase =
  | 'idle'
  | 'init'
  | 'loading-items'
  | 'client-changes'
  | 'server-changes'
  | 'deciding'
  | 'map'
  | 'done'
  | 'failed';

/** A Status we owe the server, numbered when the message is packed. */
export type OwedStatus = Omit<StatusCommand, 'cmdId' | 'kind'>;

export interface SessionState {
  readonly config: SessionConfig;
  readonly phase: Phase;
  readonly msgId: number;
  readonly url: string;
  readonly authenticated: boolean;
  readonly auth: AuthScheme;
  readonly nonce?: string;
  readonly authRetries: number;
  readonly serverMaxMsgSize?: number;
  readonly serverMaxObjSize?: number;
  readonly serverDevInf?: DevInf;
  readonly sent: Readonly<Record<string, SentRef>>;
  readonly owedStatuses: readonly OwedStatus[];
  /** A server Get for our DevInf: answer with Results (msgRef/cmdRef of the Get). */
  readonly owedResults?: { readonly msgRef: string; readonly cmdRef: string };
  readonly stores: readonly StoreState[];
  /** Replies in a row to our Alert 222 that brought nothing but statuses and no Final. */
  readonly idleReplies: number;
  /** The last message we sent ended our package (Final). */
  readonly sentFinal?: boolean;
  /** The datastore of the server's latest Sync: Alert 222 names it (Horde looks the data up by it). */
  readonly lastServerSync?: number;
  /** Index of the store whose server changes the caller is deciding on. */
  readonly deciding?: number;
}

// ---- events and commands ----

export type SessionEvent =
  | { readonly type: 'start' }
  /** `binary`: the body is the reply's bytes as a binary string (bytes.ts binaryFromBytes). */
  | { readonly type: 'reply'; readonly body: string; readonly binary?: boolean }
  | { readonly type: 'all-items'; readonly store: number; readonly items: readonly ClientChange[] }
  | {
      readonly type: 'server-changes-decided';
      readonly store: number;
      readonly outcomes: readonly ServerChangeOutcome[] | 'abort';
    };

export type SessionCommand =
  | { readonly type: 'send'; readonly body: string; readonly url: string; readonly msgId: number }
  | { readonly type: 'save-nonce'; readonly nonce: string }
  | { readonly type: 'load-all-items'; readonly store: number; readonly localUri: string }
  | {
      readonly type: 'decide-server-changes';
      readonly store: number;
      readonly localUri: string;
      readonly changes: readonly ServerChange[];
    }
  | { readonly type: 'finished'; readonly result: SessionResult }
  | { readonly type: 'failed'; readonly error: SyncMLError };

export interface StepResult {
  readonly state: SessionState;
  readonly commands: readonly SessionCommand[];
}
