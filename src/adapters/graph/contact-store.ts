/**
 * Contacts of one contact folder through Graph (issue 6). Change tracking by the folder's contact
 * delta (ids only); current content and our link are then read with `$expand` of the two extended
 * properties, which delta can't expand: changed items one by one in batches when few, the whole
 * folder in big pages when many (docs/decisions/0052-graph-stores.md).
 */
import { outlookItemId, type Contact, type Luid, type OutlookFolderId } from '../../core/model/index.js';
import type {
  AbortSignalLike,
  ChangeSet,
  OutlookChange,
  OutlookCursor,
  OutlookStore,
  StoredItem,
  WriteOp,
  WriteResult,
} from '../../core/sync/outlook-store.js';
import { outlookCursor } from '../../core/sync/outlook-store.js';
import type { GraphClient } from './client.js';
import {
  linkFromExtendedProperties,
  linkPropertiesExpand,
  luidFilter,
  withLinkProperties,
} from './item-link.js';
import {
  asAbortSignal,
  decodeItems,
  encode,
  query,
  readDeltaRound,
  readItems,
  runWriteOps,
  storeCall,
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

export class GraphContactStore implements OutlookStore {
  readonly kind = 'contact' as const;

  constructor(
    private readonly client: GraphClient,
    private readonly codec: GraphCodec<Contact>,
    private readonly options: GraphStoreOptions = {},
  ) {}

  readChanges(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    signal?: AbortSignalLike,
  ): Promise<ChangeSet> {
    return storeCall(signal, async () => {
      const s = asAbortSignal(signal);
      const round = await readDeltaRound(
        this.client,
        `${base(folder)}/delta${query({ $select: 'id' })}`,
        cursor,
        {
          ...(s ? { signal: s } : {}),
        },
      );
      const changedIds = [...round.entries.values()].filter((e) => !e.removed).map((e) => e.id);
      const removed: OutlookChange[] = [...round.entries.values()]
        .filter((e) => e.removed)
        .map((e) => ({ id: outlookItemId(e.id), removed: true }));
      let current: Map<string, GraphJson | 'gone'>;
      if (round.fullResync || changedIds.length > (this.options.rereadThreshold ?? 100)) {
        const listing = await this.list(folder, s);
        // A full round lists what is there now; otherwise only what the delta named.
        current = round.fullResync
          ? listing
          : new Map(changedIds.map((id) => [id, listing.get(id) ?? 'gone']));
      } else {
        const urls = new Map(
          changedIds.map((id) => [id, `${base(folder)}/${encode(id)}${query({ $expand: this.expand() })}`]),
        );
        current = await readItems(this.client, urls, s ? { signal: s } : {});
      }
      const present: Array<{ id: string; json: GraphJson }> = [];
      for (const [id, json] of current) {
        if (json === 'gone') removed.push({ id: outlookItemId(id), removed: true });
        else present.push({ id, json });
      }
      const { items, unreadable } = decodeItems(this.codec, present, linkFromExtendedProperties);
      return {
        changes: [...items, ...removed],
        nextCursor: outlookCursor(round.deltaLink),
        fullResync: round.fullResync,
        ...(unreadable.length > 0 ? { unreadable } : {}),
      };
    });
  }

  readAll(folder: OutlookFolderId, signal?: AbortSignalLike): Promise<readonly StoredItem[]> {
    return storeCall(signal, async () => {
      const listing = await this.list(folder, asAbortSignal(signal));
      const jsons = [...listing].map(([id, json]) => ({ id, json }));
      return decodeItems(this.codec, jsons, linkFromExtendedProperties).items;
    });
  }

  findByLuid(folder: OutlookFolderId, luid: Luid, signal?: AbortSignalLike): Promise<StoredItem | undefined> {
    return storeCall(signal, async () => {
      const s = asAbortSignal(signal);
      const url = `${base(folder)}${query({ $filter: luidFilter(luid), $expand: this.expand() })}`;
      const { items } = await this.client.getAll<GraphJson>(url, s ? { signal: s } : {});
      const jsons = items.flatMap((json) => (typeof json.id === 'string' ? [{ id: json.id, json }] : []));
      return decodeItems(this.codec, jsons, linkFromExtendedProperties).items[0];
    });
  }

  writeBatch(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    signal?: AbortSignalLike,
  ): Promise<readonly WriteResult[]> {
    return storeCall(signal, async () => {
      const outcomes = await runWriteOps(
        this.client,
        ops,
        (op) => this.plan(folder, op),
        asAbortSignal(signal),
      );
      return outcomes.map((o) => o.result);
    });
  }

  private plan(folder: OutlookFolderId, op: WriteOp): OpPlan {
    if (op.op === 'delete') return { request: { method: 'DELETE', url: `${base(folder)}/${encode(op.id)}` } };
    if (op.item.kind !== 'contact') {
      return { invalid: { code: 'INVALID_ITEM', message: `a contact store can't hold a ${op.item.kind}` } };
    }
    const body = withLinkProperties(this.codec.toGraph(op.item).body, op.link);
    return op.op === 'create'
      ? { request: { method: 'POST', url: base(folder), body } }
      : { request: { method: 'PATCH', url: `${base(folder)}/${encode(op.id)}`, body } };
  }

  private expand(): string {
    return linkPropertiesExpand(this.codec.extendedPropertyIds);
  }

  private async list(folder: OutlookFolderId, signal?: AbortSignal): Promise<Map<string, GraphJson>> {
    const pageSize = this.options.listPageSize ?? 500;
    const url = `${base(folder)}${query({ $expand: this.expand(), $top: pageSize })}`;
    const { items } = await this.client.getAll<GraphJson>(url, { pageSize, ...(signal ? { signal } : {}) });
    return new Map(items.flatMap((json) => (typeof json.id === 'string' ? [[json.id, json] as const] : [])));
  }
}

const base = (folder: OutlookFolderId) => `/me/contactFolders/${encode(folder)}/contacts`;
