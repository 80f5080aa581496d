/**
 * To Do tasks of one list through Graph (issue 6). To Do has no extended properties: our link is an
 * open extension (item-link.ts). Task delta supports `$expand`, so a delta round carries content
 * and link at once — no re-reads. Writes: a create carries the extension in the same POST; an update
 * PATCHes the task, and only when that worked, the extension (created if the task had none).
 */
import { outlookItemId, type Luid, type OutlookFolderId, type Task } from '../../core/model/index.js';
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
import type { BatchRequest } from './batch.js';
import type { GraphClient } from './client.js';
import type { GraphStoreOptions } from './contact-store.js';
import { toStoreIssue } from './errors.js';
import { TASK_LINK_EXTENSION, linkFromExtensions, linkToExtension } from './item-link.js';
import {
  asAbortSignal,
  decodeItems,
  encode,
  query,
  readDeltaRound,
  runWriteOps,
  storeCall,
  type GraphCodec,
  type GraphJson,
  type OpPlan,
} from './store-support.js';

// All of a task's extensions (usually just ours): To Do extension ids differ from their names by host.
const EXPAND_LINK = 'extensions';

export class GraphTaskStore implements OutlookStore {
  readonly kind = 'task' as const;

  constructor(
    private readonly client: GraphClient,
    private readonly codec: GraphCodec<Task>,
    private readonly options: GraphStoreOptions = {},
  ) {}

  readChanges(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    signal?: AbortSignalLike,
  ): Promise<ChangeSet> {
    return storeCall(signal, async () => {
      const s = asAbortSignal(signal);
      const initial = `${base(folder)}/delta${query({ $expand: EXPAND_LINK })}`;
      const round = await readDeltaRound(this.client, initial, cursor, s ? { signal: s } : {});
      const removed: OutlookChange[] = [];
      const present: Array<{ id: string; json: GraphJson }> = [];
      for (const entry of round.entries.values()) {
        if (entry.removed) removed.push({ id: outlookItemId(entry.id), removed: true });
        else present.push({ id: entry.id, json: entry.json });
      }
      const { items, unreadable } = decodeItems(this.codec, present, linkFromExtensions);
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
      const s = asAbortSignal(signal);
      const pageSize = this.options.listPageSize ?? 500;
      const url = `${base(folder)}${query({ $expand: EXPAND_LINK, $top: pageSize })}`;
      const { items } = await this.client.getAll<GraphJson>(url, { pageSize, ...(s ? { signal: s } : {}) });
      const jsons = items.flatMap((json) => (typeof json.id === 'string' ? [{ id: json.id, json }] : []));
      return decodeItems(this.codec, jsons, linkFromExtensions).items;
    });
  }

  /** Open extensions can't be filtered by value: the list is read and searched. */
  async findByLuid(
    folder: OutlookFolderId,
    luid: Luid,
    signal?: AbortSignalLike,
  ): Promise<StoredItem | undefined> {
    return (await this.readAll(folder, signal)).find((s) => s.link?.luid === luid);
  }

  writeBatch(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    signal?: AbortSignalLike,
  ): Promise<readonly WriteResult[]> {
    return storeCall(signal, async () => {
      const s = asAbortSignal(signal);
      const outcomes = await runWriteOps(this.client, ops, (op) => this.plan(folder, op), s);
      const results = outcomes.map((o) => o.result);
      // Updates: the link follows only a successful content write, so it never claims content
      // that Outlook doesn't have.
      const linkWrites = ops.flatMap((op, index) =>
        op.op === 'update' && results[index]?.ok ? [{ index, op }] : [],
      );
      await this.writeLinks(folder, linkWrites, results, s);
      return results;
    });
  }

  private plan(folder: OutlookFolderId, op: WriteOp): OpPlan {
    if (op.op === 'delete') return { request: { method: 'DELETE', url: `${base(folder)}/${encode(op.id)}` } };
    if (op.item.kind !== 'task') {
      return { invalid: { code: 'INVALID_ITEM', message: `a task store can't hold a ${op.item.kind}` } };
    }
    const task = this.codec.toGraph(op.item);
    return op.op === 'create'
      ? {
          request: {
            method: 'POST',
            url: base(folder),
            body: { ...task, extensions: [linkToExtension(op.link)] },
          },
        }
      : { request: { method: 'PATCH', url: `${base(folder)}/${encode(op.id)}`, body: task } };
  }

  private async writeLinks(
    folder: OutlookFolderId,
    writes: ReadonlyArray<{ index: number; op: Extract<WriteOp, { op: 'update' }> }>,
    results: WriteResult[],
    signal?: AbortSignal,
  ): Promise<void> {
    const extensionUrl = (op: { id: string }) => `${base(folder)}/${encode(op.id)}/extensions`;
    const patch = (w: (typeof writes)[number]): BatchRequest => ({
      method: 'PATCH',
      url: `${extensionUrl(w.op)}/${encode(TASK_LINK_EXTENSION)}`,
      body: linkToExtension(w.op.link),
    });
    const options = signal ? { signal } : {};
    const patched = await this.client.batch(writes.map(patch), options);
    const missing = writes.filter((_, i) => patched[i]?.error?.code === 'NOT_FOUND');
    const posted = await this.client.batch(
      missing.map((w) => ({
        method: 'POST' as const,
        url: extensionUrl(w.op),
        body: linkToExtension(w.op.link),
      })),
      options,
    );
    const failures = new Map<number, (typeof patched)[number]>();
    writes.forEach((w, i) => {
      const result = patched[i];
      if (result?.error && result.error.code !== 'NOT_FOUND') failures.set(w.index, result);
    });
    missing.forEach((w, i) => {
      if (posted[i]?.error) failures.set(w.index, posted[i] as (typeof posted)[number]);
    });
    for (const [index, failure] of failures) {
      if (failure.error) results[index] = { ok: false, op: 'update', error: toStoreIssue(failure.error) };
    }
  }
}

const base = (folder: OutlookFolderId) => `/me/todo/lists/${encode(folder)}/tasks`;
