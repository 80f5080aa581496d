/**
 * To Do tasks of one list through Graph (issue 6). To Do has no extended properties: our link is an
 * open extension (item-link.ts). Task delta supports `$expand`, so a delta round carries content
 * and link at once — no re-reads. Writes: a create carries the extension in the same POST; an update
 * PATCHes the task, and only when that worked, the extension (created if the task had none).
 */
import type { Luid, OutlookFolderId, Task } from '../../core/model/index.js';
import type {
  AbortSignalLike,
  ChangeSet,
  OutlookChange,
  OutlookCursor,
  OutlookStoreIssue,
  StoredItem,
  WriteOp,
  WriteResult,
} from '../../core/sync/outlook-store.js';
import type { BatchRequest } from './batch.js';
import { toStoreIssue } from './errors.js';
import { TASK_LINK_EXTENSION, linkFromExtensions, linkToExtension } from './item-link.js';
import { changeSet, GraphStore, removal, signalOnly } from './store-base.js';
import { decodeItems, encode, query, readDeltaRound, type GraphJson, type OpPlan } from './store-support.js';

// All of a task's extensions (usually just ours): To Do extension ids differ from their names by host.
const EXPAND_LINK = 'extensions';

export class GraphTaskStore extends GraphStore<Task> {
  readonly kind = 'task' as const;

  protected async changesSince(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    signal: AbortSignal | undefined,
  ): Promise<ChangeSet> {
    const initial = `${base(folder)}/delta${query({ $expand: EXPAND_LINK })}`;
    const round = await readDeltaRound(this.client, initial, cursor, signalOnly(signal));
    const removed: OutlookChange[] = [];
    const present: Array<{ id: string; json: GraphJson }> = [];
    for (const entry of round.entries.values()) {
      if (entry.removed) removed.push(removal(entry.id));
      else present.push({ id: entry.id, json: entry.json });
    }
    return changeSet(round, decodeItems(this.codec, present, linkFromExtensions), removed);
  }

  readAll(folder: OutlookFolderId, signal?: AbortSignalLike): Promise<readonly StoredItem[]> {
    return this.call(signal, async (s) => {
      const jsons = await this.listAll(base(folder), EXPAND_LINK, signalOnly(s));
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

  protected async write(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    s: AbortSignal | undefined,
  ): Promise<readonly WriteResult[]> {
    const jobs = new Map<number, ExtensionJob>();
    const results = await this.runOps(ops, (op, index) => this.plan(folder, op, index, jobs), s);
    // Updates: the extensions follow only a successful content write, so the link never claims
    // content that Outlook doesn't have.
    const due = [...jobs].filter(([index]) => results[index]?.ok).map(([, job]) => job);
    // A written task gets its link even when the run is being cancelled: the item is written whole.
    const failures = await this.writeExtensions(folder, due, undefined);
    for (const [index, error] of failures) results[index] = { ok: false, op: 'update', error };
    return results;
  }

  private plan(folder: OutlookFolderId, op: WriteOp, index: number, jobs: Map<number, ExtensionJob>): OpPlan {
    return this.planRequest(base(folder), op, (item, itemOp) => {
      const { extensions, ...task } = this.codec.toGraph(item).body;
      const theirs = (Array.isArray(extensions) ? (extensions as Array<Record<string, unknown>>) : []).filter(
        (x) => x.extensionName !== TASK_LINK_EXTENSION,
      );
      const upserts = [...theirs, linkToExtension(itemOp.link)];
      if (itemOp.op === 'create') return { ...task, extensions: upserts };
      const removals = (this.codec.extensionNames ?? []).filter(
        (name) => !theirs.some((x) => x.extensionName === name),
      );
      jobs.set(index, { index, taskId: itemOp.id, upserts, removals });
      return task;
    });
  }

  /** PATCH each extension (POST when the task has none yet), DELETE the mapping's absent ones. */
  private async writeExtensions(
    folder: OutlookFolderId,
    jobs: readonly ExtensionJob[],
    signal?: AbortSignal,
  ): Promise<Map<number, OutlookStoreIssue>> {
    const url = (job: ExtensionJob, name?: string) =>
      `${base(folder)}/${encode(job.taskId)}/extensions${name ? `/${encode(name)}` : ''}`;
    const steps = jobs.flatMap((job) => [
      ...job.upserts.map((ext) => ({
        job,
        ext,
        request: { method: 'PATCH', url: url(job, String(ext.extensionName)), body: ext } as BatchRequest,
      })),
      ...job.removals.map((name) => ({
        job,
        ext: undefined,
        request: { method: 'DELETE', url: url(job, name) } as BatchRequest,
      })),
    ]);
    const options = signal ? { signal } : {};
    const first = await this.client.batch(
      steps.map((step) => step.request),
      options,
    );
    const missing = steps.filter((step, i) => step.ext && first[i]?.error?.code === 'NOT_FOUND');
    const posted = await this.client.batch(
      missing.map((step) => ({ method: 'POST' as const, url: url(step.job), body: step.ext })),
      options,
    );
    const failures = new Map<number, OutlookStoreIssue>();
    steps.forEach((step, i) => {
      const error = first[i]?.error;
      if (error && error.code !== 'NOT_FOUND') failures.set(step.job.index, toStoreIssue(error));
    });
    missing.forEach((step, i) => {
      const error = posted[i]?.error;
      if (error && !failures.has(step.job.index)) failures.set(step.job.index, toStoreIssue(error));
    });
    return failures;
  }
}

interface ExtensionJob {
  readonly index: number;
  readonly taskId: string;
  readonly upserts: ReadonlyArray<Record<string, unknown>>;
  readonly removals: readonly string[];
}

const base = (folder: OutlookFolderId) => `/me/todo/lists/${encode(folder)}/tasks`;
