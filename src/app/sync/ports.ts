/**
 * What the sync use cases are composed over: the Outlook stores, a SyncML session function, the state and
 * journal stores, the item codec and fingerprint, a clock. The composition root (task pane, CLI) builds these
 * from the adapters; tests build them from in-memory fakes that pass the same contracts.
 */
import type { ItemKind, ParseResult, SyncItem } from '../../core/model/index.js';
import type { JournalStore, OutlookStore, SyncStateStore } from '../../core/sync/index.js';
import type { ItemContentType } from '../../core/syncml/devinf/ours.js';
import type { RunSyncSessionOptions, SyncSessionResult } from '../../core/syncml/run.js';

/**
 * `runSyncSession` with the connection (transport, server URL, credentials, device id, nonce store) already
 * bound, so the engine never sees a password.
 */
export type RunSession = (
  options: Pick<RunSyncSessionOptions, 'datastores' | 'onServerChanges' | 'signal' | 'onProgress'>,
) => Promise<Pick<SyncSessionResult, 'datastores'>>;

/** vCard / vCalendar text ⇄ model, by content type (the formats' parsers and serialisers). */
export interface ItemCodec {
  encode(item: SyncItem, contentType: ItemContentType): string;
  decode(data: string, kind: ItemKind, contentType: ItemContentType): ParseResult<SyncItem>;
}

/** How a kind of item travels: our datastore URI and the content type agreed with the server. */
export interface DatastoreWire {
  readonly localUri: string;
  readonly contentType: ItemContentType;
}

export const DEFAULT_WIRE: Readonly<Record<ItemKind, DatastoreWire>> = {
  contact: { localUri: './contacts', contentType: 'text/x-vcard' },
  event: { localUri: './calendar', contentType: 'text/x-vcalendar' },
  task: { localUri: './tasks', contentType: 'text/x-vcalendar' },
};

export interface SyncPorts {
  readonly outlook: Readonly<Partial<Record<ItemKind, OutlookStore>>>;
  readonly runSession: RunSession;
  readonly stateStore: SyncStateStore;
  readonly journal: JournalStore;
  readonly codec: ItemCodec;
  readonly fingerprint: (item: SyncItem) => string;
  /** UTC ISO now. */
  readonly now: () => string;
  readonly newRunId: () => string;
  /**
   * Per kind, what Outlook keeps of an item once written (for contacts: contactFromGraph(contactToGraph(item))).
   * Without it, a field Outlook can't hold makes our own write look like a user edit on the next run.
   */
  readonly outlookShape?: Readonly<Partial<Record<ItemKind, (item: SyncItem) => SyncItem>>>;
  /** Per kind; defaults to DEFAULT_WIRE. */
  readonly wire?: Readonly<Partial<Record<ItemKind, DatastoreWire>>>;
}
