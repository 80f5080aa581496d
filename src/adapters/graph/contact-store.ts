/**
 * Contacts of one contact folder through Graph (issue 6). Change tracking by the folder's contact
 * delta (ids only); current content and our link are then read with `$expand` of the two extended
 * properties, which delta can't expand: changed items one by one in batches when few, the whole
 * folder in big pages when many (docs/decisions/0052-graph-stores.md).
 */
import type { Contact, Luid, OutlookFolderId } from '../../core/model/index.js';
import {
  OutlookStoreError,
  type AbortSignalLike,
  type ChangeSet,
  type OutlookChange,
  type OutlookCursor,
  type StoredItem,
  type WriteOp,
  type WriteResult,
} from '../../core/sync/outlook-store.js';
import { CONTACT_CARRY_PROPERTY_ID } from '../../core/formats/index.js';
import { readContactPhotos, withPhotoMark, writeContactPhotos } from './contact-photos.js';
import { WrittenPhotos } from './written-photos.js';
import {
  linkFromExtendedProperties,
  linkPropertiesExpand,
  sameProperty,
  withLinkProperties,
} from './item-link.js';
import { byId, changeSet, GraphStore, removal, signalOnly } from './store-base.js';
import {
  asItemId,
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
  /** Photos just written: their echo in the next change round is not read back (written-photos.ts). */
  private readonly writtenPhotos = new WrittenPhotos();

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
    const decoded = await this.decode(folder, present, signal);
    this.writtenPhotos.clear();
    return changeSet(round, decoded, removed);
  }

  readAll(folder: OutlookFolderId, signal?: AbortSignalLike): Promise<readonly StoredItem[]> {
    return this.call(signal, async (s) => {
      const listing = byId(await this.listAll(base(folder), this.expand(), signalOnly(s)));
      const jsons = [...listing].map(([id, json]) => ({ id, json }));
      return (await this.decode(folder, jsons, s, true)).items;
    });
  }

  findByLuid(folder: OutlookFolderId, luid: Luid, signal?: AbortSignalLike): Promise<StoredItem | undefined> {
    return this.call(signal, async (s) => {
      const jsons = await this.findLinked(base(folder), luid, this.expand(), signalOnly(s));
      return (await this.decode(folder, jsons, s, true)).items[0];
    });
  }

  /**
   * The contacts, with their photos where we gave them one (contact-photos.ts; those we have just written
   * come from memory): Outlook holds them, and both our echo check (the fingerprint of what we wrote
   * includes the photo) and a Replace built from a user's edit need them. A photo that can't be read must
   * not be left out (the contact would look edited and clear the CRM's photo): in a change round the
   * contact is unreadable this time; a plain read (`strict`), which has no place for such items, fails.
   */
  private async decode(
    folder: OutlookFolderId,
    jsons: ReadonlyArray<{ id: string; json: GraphJson }>,
    signal: AbortSignal | undefined,
    strict = false,
  ): Promise<ReturnType<typeof decodeItems>> {
    const decoded = decodeItems(this.codec, jsons, linkFromExtendedProperties);
    const { photos, failed } = await readContactPhotos(this.client, base(folder), jsons, signal, (id) =>
      this.writtenPhotos.get(id),
    );
    const [firstFailure] = failed.values();
    if (strict && firstFailure) throw new OutlookStoreError(firstFailure.code, firstFailure.message);
    const items = decoded.items.flatMap((stored) => {
      if (failed.has(stored.id)) return [];
      const photo = photos.get(stored.id);
      return photo ? [{ ...stored, item: { ...(stored.item as Contact), photo } }] : [stored];
    });
    const unreadable = [...failed].map(([id, error]) => ({ id: asItemId(id), error }));
    return { items, unreadable: [...decoded.unreadable, ...unreadable] };
  }

  /** The contacts, then the photos of those written (docs/decisions/0171-contact-photos.md). */
  protected async write(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    signal: AbortSignal | undefined,
  ): Promise<readonly WriteResult[]> {
    const contacts = await this.runOps(ops, (op) => this.plan(folder, op), signal);
    // A written contact gets its photo even when the run is being cancelled: the item is written whole.
    const results = await writeContactPhotos(this.client, base(folder), ops, contacts, undefined);
    for (const [index, op] of ops.entries()) {
      const result = results[index];
      if (result?.ok && op.op !== 'delete' && op.item.kind === 'contact' && op.item.photo)
        this.writtenPhotos.remember(result.id, op.item.photo);
    }
    return results;
  }

  private plan(folder: OutlookFolderId, op: WriteOp): OpPlan {
    return this.planRequest(base(folder), op, (item, write) => {
      const body = withPhotoMark(this.codec.toGraph(item).body, item);
      return withLinkProperties(write.op === 'update' ? clearingCarry(body) : body, write.link);
    });
  }

  private expand(): string {
    return linkPropertiesExpand([...(this.codec.extendedPropertyIds ?? []), CONTACT_CARRY_PROPERTY_ID]);
  }
}

const base = (folder: OutlookFolderId) => `/me/contactFolders/${encode(folder)}/contacts`;

/**
 * PATCH keeps an extended property it is not given: a contact whose CRM version no longer has anything to
 * carry gets the carry written empty (read back as none), so removed X- values don't come back.
 */
function clearingCarry(body: Record<string, unknown>): Record<string, unknown> {
  const given = Array.isArray(body.singleValueExtendedProperties)
    ? (body.singleValueExtendedProperties as Array<{ id: string; value: string }>)
    : [];
  if (given.some((p) => sameProperty(p.id, CONTACT_CARRY_PROPERTY_ID))) return body;
  return { ...body, singleValueExtendedProperties: [...given, { id: CONTACT_CARRY_PROPERTY_ID, value: '' }] };
}
