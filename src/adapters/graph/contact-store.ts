/**
 * Contacts of one contact folder through Graph (issue 6). Change tracking by the folder's contact
 * delta (ids only); current content and our link are then read with `$expand` of the two extended
 * properties, which delta can't expand: changed items one by one in batches when few, the whole
 * folder in big pages when many (docs/decisions/0052-graph-stores.md).
 */
import type { Contact, Luid, OutlookFolderId } from '../../core/model/index.js';
import type {
  AbortSignalLike,
  ChangeSet,
  OutlookChange,
  OutlookCursor,
  StoredItem,
  WriteOp,
  WriteResult,
} from '../../core/sync/outlook-store.js';
import { linkFromExtendedProperties, linkPropertiesExpand, withLinkProperties } from './item-link.js';
import { byId, changeSet, GraphStore, removal, signalOnly } from './store-base.js';
import {
  decodeItems,
  encode,
  query,
  readDeltaRound,
  readItems,
  type GraphJson,
  type OpPlan,
} from './store-support.js';

export class GraphContactStore extends GraphStore<Contact> {
  readonly kind = 'contact' as const;

  protected async changesSince(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    signal: AbortSignal | undefined,
  ): Promise<ChangeSet> {
    const options = signalOnly(signal);
    const initial = `${base(folder)}/delta${query({ $select: 'id' })}`;
    const round = await readDeltaRound(this.client, initial, cursor, options);
    const changedIds = [...round.entries.values()].filter((e) => !e.removed).map((e) => e.id);
    const removed: OutlookChange[] = [...round.entries.values()]
      .filter((e) => e.removed)
      .map((e) => removal(e.id));
    let current: Map<string, GraphJson | 'gone'>;
    if (round.fullResync || this.listingIsCheaper(changedIds.length)) {
      const listing = byId(await this.listAll(base(folder), this.expand(), options));
      // A full round lists what is there now; otherwise only what the delta named.
      current = round.fullResync ? listing : new Map(changedIds.map((id) => [id, listing.get(id) ?? 'gone']));
    } else {
      const urls = new Map(
        changedIds.map((id) => [id, `${base(folder)}/${encode(id)}${query({ $expand: this.expand() })}`]),
      );
      current = await readItems(this.client, urls, options);
    }
    const present: Array<{ id: string; json: GraphJson }> = [];
    for (const [id, json] of current) {
      if (json === 'gone') removed.push(removal(id));
      else present.push({ id, json });
    }
    return changeSet(round, decodeItems(this.codec, present, linkFromExtendedProperties), removed);
  }

  readAll(folder: OutlookFolderId, signal?: AbortSignalLike): Promise<readonly StoredItem[]> {
    return this.call(signal, async (s) => {
      const listing = byId(await this.listAll(base(folder), this.expand(), signalOnly(s)));
      const jsons = [...listing].map(([id, json]) => ({ id, json }));
      return decodeItems(this.codec, jsons, linkFromExtendedProperties).items;
    });
  }

  findByLuid(folder: OutlookFolderId, luid: Luid, signal?: AbortSignalLike): Promise<StoredItem | undefined> {
    return this.call(signal, async (s) => {
      const jsons = await this.findLinked(base(folder), luid, this.expand(), signalOnly(s));
      return decodeItems(this.codec, jsons, linkFromExtendedProperties).items[0];
    });
  }

  protected async write(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    signal: AbortSignal | undefined,
  ): Promise<readonly WriteResult[]> {
    return this.runOps(ops, (op) => this.plan(folder, op), signal);
  }

  private plan(folder: OutlookFolderId, op: WriteOp): OpPlan {
    return this.planRequest(base(folder), op, (item, write) =>
      withLinkProperties(this.codec.toGraph(item).body, write.link),
    );
  }

  private expand(): string {
    return linkPropertiesExpand(this.codec.extendedPropertyIds);
  }
}

const base = (folder: OutlookFolderId) => `/me/contactFolders/${encode(folder)}/contacts`;
