/**
 * An in-memory OutlookStore: the stand-in the sync engine's tests use. It passes the same contract
 * suite as the Graph stores (test/contracts/outlook-store.contract.ts), and adds a few hooks to act
 * as the Outlook user (edit, delete) and to inject faults (an expired cursor, a failing item).
 *
 * Change tracking mirrors Graph's delta: every mutation gets a sequence number; a cursor names the
 * folder's epoch and the last sequence seen. Expiring cursors bumps the epoch, so old cursors give a
 * full listing flagged `fullResync`, as Graph's 410 SyncStateNotFound does.
 */
import type { ItemKind, Luid, OutlookFolderId, OutlookItemId, SyncItem } from '../model/index.js';
import { outlookItemId } from '../model/index.js';
import {
  OutlookStoreError,
  outlookCursor,
  type AbortSignalLike,
  type ChangeSet,
  type ItemLink,
  type OutlookChange,
  type OutlookCursor,
  type OutlookStore,
  type OutlookStoreIssue,
  type StoredItem,
  type WriteOp,
  type WriteResult,
} from './outlook-store.js';

interface Entry {
  readonly id: OutlookItemId;
  readonly item: SyncItem | undefined; // undefined = removed (tombstone kept for delta)
  readonly link: ItemLink | undefined;
  readonly seq: number;
}

interface FolderState {
  epoch: number;
  readonly entries: Map<OutlookItemId, Entry>;
}

/** Decides, per op, whether it fails (for fault-injection tests); undefined = let it through. */
export type WriteFault = (op: WriteOp, index: number) => OutlookStoreIssue | undefined;

export class MemoryOutlookStore implements OutlookStore {
  private readonly folders = new Map<OutlookFolderId, FolderState>();
  private seq = 0;
  private nextId = 1;
  private writeFault: WriteFault | undefined;
  private readonly unreadable = new Set<OutlookItemId>();
  /** Calls made, by method: lets engine tests assert "no write happened" without mocks. */
  readonly calls = { readChanges: 0, readAll: 0, writeBatch: 0, findByLuid: 0, opsWritten: 0 };

  constructor(readonly kind: ItemKind) {}

  async readChanges(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    signal?: AbortSignalLike,
  ): Promise<ChangeSet> {
    throwIfAborted(signal);
    this.calls.readChanges++;
    const state = this.folderState(folder);
    const since = parseCursor(cursor, folder, state.epoch);
    const changes: OutlookChange[] = [];
    const unreadable: Array<{ id: OutlookItemId; error: OutlookStoreIssue }> = [];
    for (const entry of state.entries.values()) {
      if (since !== undefined && entry.seq <= since) continue;
      if (entry.item && this.unreadable.has(entry.id)) unreadable.push({ id: entry.id, error: UNREADABLE });
      else if (entry.item) changes.push(storedItem(entry));
      else if (since !== undefined) changes.push({ id: entry.id, removed: true });
    }
    return {
      changes,
      nextCursor: makeCursor(folder, state.epoch, this.seq),
      fullResync: since === undefined,
      ...(unreadable.length > 0 ? { unreadable } : {}),
    };
  }

  async readAll(folder: OutlookFolderId, signal?: AbortSignalLike): Promise<readonly StoredItem[]> {
    throwIfAborted(signal);
    this.calls.readAll++;
    return this.live(folder);
  }

  async writeBatch(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    signal?: AbortSignalLike,
  ): Promise<readonly WriteResult[]> {
    throwIfAborted(signal);
    this.calls.writeBatch++;
    const state = this.folderState(folder);
    return ops.map((op, index) => {
      const fault = this.writeFault?.(op, index);
      if (fault) return { ok: false, op: op.op, error: fault };
      const result = this.applyOp(state, op);
      if (result.ok) this.calls.opsWritten++;
      return result;
    });
  }

  async findByLuid(
    folder: OutlookFolderId,
    luid: Luid,
    signal?: AbortSignalLike,
  ): Promise<StoredItem | undefined> {
    throwIfAborted(signal);
    this.calls.findByLuid++;
    return this.live(folder).find((s) => s.link?.luid === luid);
  }

  // --- test hooks: acting as the Outlook user, injecting faults ---------------------------------

  /** An item the user created in Outlook (no link). Returns its id. */
  userCreate(folder: OutlookFolderId, item: SyncItem, link?: ItemLink): OutlookItemId {
    const id = outlookItemId(`mem-${this.nextId++}`);
    this.put(this.folderState(folder), id, item, link);
    return id;
  }

  /** The user edited an item in Outlook: content changes, the stored link stays as it was. */
  userUpdate(folder: OutlookFolderId, id: OutlookItemId, item: SyncItem): void {
    const state = this.folderState(folder);
    const entry = state.entries.get(id);
    if (!entry?.item) throw new OutlookStoreError('NOT_FOUND', `no item ${id} in folder ${folder}`, { id });
    this.put(state, id, item, entry.link);
  }

  userDelete(folder: OutlookFolderId, id: OutlookItemId): void {
    const state = this.folderState(folder);
    if (!state.entries.get(id)?.item) throw new OutlookStoreError('NOT_FOUND', `no item ${id}`, { id });
    this.put(state, id, undefined, undefined);
  }

  /** Makes every cursor of the folder stale, like Graph evicting its sync state (410). */
  expireCursors(folder: OutlookFolderId): void {
    this.folderState(folder).epoch++;
  }

  /**
   * From now on the item reads as malformed (as a Graph item the mapping can't read): it is
   * reported in `unreadable` and left out of readAll/findByLuid, but it still exists.
   */
  markUnreadable(id: OutlookItemId): void {
    this.unreadable.add(id);
    for (const state of this.folders.values()) {
      const entry = state.entries.get(id);
      if (entry) state.entries.set(id, { ...entry, seq: ++this.seq }); // shows up as a change
    }
  }

  /** Fails the ops the callback picks until cleared with `undefined`. */
  failWrites(fault: WriteFault | undefined): void {
    this.writeFault = fault;
  }

  /** Current items of a folder (sync-free view for assertions). */
  snapshot(folder: OutlookFolderId): readonly StoredItem[] {
    return this.live(folder);
  }

  // --- internals ----------------------------------------------------------------------------

  private applyOp(state: FolderState, op: WriteOp): WriteResult {
    if (op.op === 'create') {
      const id = outlookItemId(`mem-${this.nextId++}`);
      this.put(state, id, op.item, op.link);
      return { ok: true, op: 'create', id };
    }
    if (!state.entries.get(op.id)?.item) {
      return {
        ok: false,
        op: op.op,
        error: { code: 'NOT_FOUND', message: `no item ${op.id}`, details: { id: op.id } },
      };
    }
    if (op.op === 'update') this.put(state, op.id, op.item, op.link);
    else this.put(state, op.id, undefined, undefined);
    return { ok: true, op: op.op, id: op.id };
  }

  private put(
    state: FolderState,
    id: OutlookItemId,
    item: SyncItem | undefined,
    link: ItemLink | undefined,
  ): void {
    if (item && item.kind !== this.kind) {
      throw new OutlookStoreError('INVALID_ITEM', `a ${this.kind} store can't hold a ${item.kind}`, { id });
    }
    state.entries.set(id, { id, item, link, seq: ++this.seq });
  }

  private live(folder: OutlookFolderId): StoredItem[] {
    const out: StoredItem[] = [];
    for (const entry of this.folderState(folder).entries.values())
      if (entry.item) out.push(storedItem(entry));
    return out;
  }

  private folderState(folder: OutlookFolderId): FolderState {
    let state = this.folders.get(folder);
    if (!state) {
      state = { epoch: 0, entries: new Map() };
      this.folders.set(folder, state);
    }
    return state;
  }
}

function storedItem(entry: Entry): StoredItem & { item: SyncItem } {
  const item = entry.item as SyncItem;
  return entry.link ? { id: entry.id, item, link: entry.link } : { id: entry.id, item };
}

const CURSOR_PREFIX = 'memory-delta:';

function makeCursor(folder: OutlookFolderId, epoch: number, seq: number): OutlookCursor {
  return outlookCursor(`${CURSOR_PREFIX}${encodeURIComponent(folder)}:${epoch}:${seq}`);
}

/** The sequence to read after, or undefined for a full listing (no cursor, or an expired one). */
function parseCursor(
  cursor: OutlookCursor | undefined,
  folder: OutlookFolderId,
  epoch: number,
): number | undefined {
  if (cursor === undefined) return undefined;
  const [folderPart, epochPart, seqPart] = cursor.slice(CURSOR_PREFIX.length).split(':');
  if (
    !cursor.startsWith(CURSOR_PREFIX) ||
    folderPart !== encodeURIComponent(folder) ||
    seqPart === undefined
  ) {
    throw new OutlookStoreError('UNEXPECTED', 'cursor does not belong to this folder', { folder });
  }
  return Number(epochPart) === epoch ? Number(seqPart) : undefined;
}

const UNREADABLE: OutlookStoreIssue = {
  code: 'INVALID_ITEM',
  message: 'the item can not be read',
  details: { injected: true },
};

function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw new OutlookStoreError('ABORTED', 'the run was cancelled');
}
