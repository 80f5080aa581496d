/**
 * The frame the three Graph stores are built on: the port's read and write calls wrapped once in
 * storeCall (typed errors out, a real AbortSignal in), the per-op request of a write, folder
 * listings and LUID lookups. What differs by kind — how a round becomes changes, what a write sends
 * and what follows it — stays in each store's own file.
 */
import {
  outlookItemId,
  type ItemKind,
  type Luid,
  type OutlookFolderId,
  type SyncItem,
} from '../../core/model/index.js';
import {
  outlookCursor,
  type AbortSignalLike,
  type ChangeSet,
  type OutlookChange,
  type OutlookCursor,
  type OutlookStore,
  type StoredItem,
  type WriteOp,
  type WriteResult,
} from '../../core/sync/outlook-store.js';
import type { GraphClient } from './client.js';
import { luidFilter } from './item-link.js';
import {
  asAbortSignal,
  encode,
  query,
  runWriteOps,
  storeCall,
  type DeltaRound,
  type GraphCodec,
  type GraphJson,
  type OpPlan,
} from './store-support.js';

export interface GraphStoreOptions {
  /** Above this many changed items, one listing of the folder is cheaper than re-reading each. */
  readonly rereadThreshold?: number;
  /** Page size for folder listings (Outlook lists allow up to 1000). */
  readonly listPageSize?: number;
}

/** Extra request options a store sends with every read (the calendar's time zone and body type). */
export interface ReadOptions {
  readonly signal?: AbortSignal;
  readonly prefer?: readonly string[];
}

/** A create or an update: the ops that carry an item. */
export type ItemWriteOp = Exclude<WriteOp, { op: 'delete' }>;

const STORE_NAMES = {
  contact: 'a contact store',
  event: 'an event store',
  task: 'a task store',
} as const satisfies Record<ItemKind, string>;

export abstract class GraphStore<T extends SyncItem> implements OutlookStore {
  abstract readonly kind: T['kind'];

  constructor(
    protected readonly client: GraphClient,
    protected readonly codec: GraphCodec<T>,
    protected readonly options: GraphStoreOptions = {},
  ) {}

  readChanges(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    signal?: AbortSignalLike,
  ): Promise<ChangeSet> {
    return this.call(signal, (s) => this.changesSince(folder, cursor, s));
  }

  writeBatch(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    signal?: AbortSignalLike,
  ): Promise<readonly WriteResult[]> {
    return this.call(signal, (s) => this.write(folder, ops, s));
  }

  abstract readAll(folder: OutlookFolderId, signal?: AbortSignalLike): Promise<readonly StoredItem[]>;

  abstract findByLuid(
    folder: OutlookFolderId,
    luid: Luid,
    signal?: AbortSignalLike,
  ): Promise<StoredItem | undefined>;

  /** Runs a port call: Graph failures leave typed, the core's signal arrives as a real AbortSignal. */
  protected call<R>(
    signal: AbortSignalLike | undefined,
    body: (signal: AbortSignal | undefined) => Promise<R>,
  ): Promise<R> {
    return storeCall(signal, () => body(asAbortSignal(signal)));
  }

  /** The changes of one delta round from `cursor` (a full round when there is none). */
  protected abstract changesSince(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    signal: AbortSignal | undefined,
  ): Promise<ChangeSet>;

  /** Applies the ops; results in op order. */
  protected abstract write(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    signal: AbortSignal | undefined,
  ): Promise<readonly WriteResult[]>;

  /**
   * An op's one request on `collection` (the folder's items URL): DELETE, or POST/PATCH of what
   * `body` makes of the item. An item of another kind fails without reaching Graph.
   */
  protected planRequest(
    collection: string,
    op: WriteOp,
    body: (item: T, op: ItemWriteOp) => Record<string, unknown>,
  ): OpPlan {
    if (op.op === 'delete') return { request: { method: 'DELETE', url: `${collection}/${encode(op.id)}` } };
    if (!this.holds(op.item)) {
      const message = `${STORE_NAMES[this.kind]} can't hold a ${op.item.kind}`;
      return { invalid: { code: 'INVALID_ITEM', message } };
    }
    const json = body(op.item, op);
    return op.op === 'create'
      ? { request: { method: 'POST', url: collection, body: json } }
      : { request: { method: 'PATCH', url: `${collection}/${encode(op.id)}`, body: json } };
  }

  /** One request per op through $batch (see runWriteOps); the results in op order. */
  protected async runOps(
    ops: readonly WriteOp[],
    plan: (op: WriteOp, index: number) => OpPlan,
    signal: AbortSignal | undefined,
  ): Promise<WriteResult[]> {
    return (await runWriteOps(this.client, ops, plan, signal)).map((o) => o.result);
  }

  /** Whether `changed` items are better read by one listing of the folder than one by one. */
  protected listingIsCheaper(changed: number): boolean {
    return changed > (this.options.rereadThreshold ?? 100);
  }

  /** The whole collection in big pages. */
  protected async listAll(
    collection: string,
    expand: string,
    options: ReadOptions,
  ): Promise<Array<{ id: string; json: GraphJson }>> {
    const pageSize = this.options.listPageSize ?? 500;
    const url = `${collection}${query({ $expand: expand, $top: pageSize })}`;
    const { items } = await this.client.getAll<GraphJson>(url, { ...options, pageSize });
    return withIds(items);
  }

  /** The items whose link extended property carries `luid` (a filter Graph evaluates). */
  protected async findLinked(
    collection: string,
    luid: Luid,
    expand: string,
    options: ReadOptions,
  ): Promise<Array<{ id: string; json: GraphJson }>> {
    const url = `${collection}${query({ $filter: luidFilter(luid), $expand: expand })}`;
    const { items } = await this.client.getAll<GraphJson>(url, options);
    return withIds(items);
  }

  private holds(item: SyncItem): item is T {
    return item.kind === this.kind;
  }
}

/** Graph JSON paired with its id; entries without one can't be synced and are passed over. */
export function withIds(items: readonly GraphJson[]): Array<{ id: string; json: GraphJson }> {
  return items.flatMap((json) => (typeof json.id === 'string' ? [{ id: json.id, json }] : []));
}

/** Request options that carry just the signal, if any. */
export function signalOnly(signal: AbortSignal | undefined): ReadOptions {
  return signal ? { signal } : {};
}

/** A listing by id (the last entry wins should Graph list an item twice). */
export function byId(entries: ReadonlyArray<{ id: string; json: GraphJson }>): Map<string, GraphJson> {
  return new Map(entries.map(({ id, json }) => [id, json] as const));
}

export function removal(id: string): OutlookChange {
  return { id: outlookItemId(id), removed: true };
}

/** The port's change set from a round and what its items decoded to. */
export function changeSet(
  round: DeltaRound,
  decoded: { items: readonly StoredItem[]; unreadable: NonNullable<ChangeSet['unreadable']> },
  removed: readonly OutlookChange[],
): ChangeSet {
  return {
    changes: [...decoded.items, ...removed],
    nextCursor: outlookCursor(round.deltaLink),
    fullResync: round.fullResync,
    ...(decoded.unreadable.length > 0 ? { unreadable: decoded.unreadable } : {}),
  };
}
