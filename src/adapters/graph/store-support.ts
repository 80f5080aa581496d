/**
 * What the three Graph stores share: the codec seam to src/core/formats, delta rounds with the 410
 * fallback, batched re-reads, batched writes with per-op results, and turning Graph failures into
 * the port's typed errors.
 */
import type { OutlookItemId, SyncItem } from '../../core/model/index.js';
import { outlookItemId } from '../../core/model/index.js';
import {
  OutlookStoreError,
  type AbortSignalLike,
  type ItemLink,
  type OutlookStoreIssue,
  type StoredItem,
  type WriteOp,
  type WriteResult,
} from '../../core/sync/outlook-store.js';
import type { GraphOccurrenceChange } from '../../core/formats/index.js';
import type { BatchItemResult, BatchRequest } from './batch.js';
import type { GraphClient } from './client.js';
import { GraphError, toStoreIssue } from './errors.js';

export type GraphJson = Readonly<Record<string, unknown>>;

/** What a codec gives for a write: the POST/PATCH body, and for a series its occurrence changes. */
export interface GraphWrite {
  readonly body: Record<string, unknown>;
  readonly occurrences?: readonly GraphOccurrenceChange[];
}

/** The mapping between Graph JSON and the model (codecs.ts wraps src/core/formats). */
export interface GraphCodec<T extends SyncItem> {
  /** Throws when the item can't be read; `related` carries a series' instances in the window. */
  fromGraph(json: GraphJson, related?: readonly GraphJson[]): T;
  /** Throws when the item can't be written. */
  toGraph(item: T): GraphWrite;
  /** Extended properties the mapping reads besides our link (expanded on every read). */
  readonly extendedPropertyIds?: readonly string[];
  /** Open extensions the mapping writes (To Do): cleared on update when the body has none. */
  readonly extensionNames?: readonly string[];
}

/** fetch needs a real AbortSignal; the port hands us the core's structural one. */
export function asAbortSignal(signal?: AbortSignalLike): AbortSignal | undefined {
  if (!signal) return undefined;
  if (signal instanceof AbortSignal) return signal;
  return signal.aborted ? AbortSignal.abort(signal.reason) : undefined;
}

export function checkNotAborted(signal?: AbortSignalLike): void {
  if (signal?.aborted) throw new OutlookStoreError('ABORTED', 'the run was cancelled');
}

/** Runs a whole store call; Graph failures leave as OutlookStoreError with the Graph details. */
export async function storeCall<T>(signal: AbortSignalLike | undefined, body: () => Promise<T>): Promise<T> {
  checkNotAborted(signal);
  try {
    return await body();
  } catch (error) {
    if (error instanceof GraphError) {
      const issue = toStoreIssue(error);
      throw new OutlookStoreError(issue.code, issue.message, issue.details, { cause: error });
    }
    throw error;
  }
}

export interface DeltaEntry {
  readonly id: string;
  readonly json: GraphJson;
  readonly removed: boolean;
}

export interface DeltaRound {
  /** One entry per id, the newest (delta may replay an item). */
  readonly entries: Map<string, DeltaEntry>;
  readonly deltaLink: string;
  readonly fullResync: boolean;
}

/**
 * Follows a delta round to its delta link: from `cursor`, or from `initialUrl` when there is none or
 * Graph says the cursor is dead (410 / SyncStateNotFound) — then the round is a full listing.
 */
export async function readDeltaRound(
  client: GraphClient,
  initialUrl: string,
  cursor: string | undefined,
  options: { signal?: AbortSignal; prefer?: readonly string[] },
): Promise<DeltaRound> {
  if (cursor !== undefined) {
    try {
      return await followRound(client, cursor, false, options);
    } catch (error) {
      if (!(error instanceof GraphError) || error.code !== 'SYNC_STATE_NOT_FOUND') throw error;
    }
  }
  return followRound(client, initialUrl, true, options);
}

async function followRound(
  client: GraphClient,
  start: string,
  fullResync: boolean,
  options: { signal?: AbortSignal; prefer?: readonly string[] },
): Promise<DeltaRound> {
  const entries = new Map<string, DeltaEntry>();
  let deltaLink: string | undefined;
  for await (const page of client.pages<Record<string, unknown>>(start, options)) {
    for (const json of page.value) {
      if (typeof json.id !== 'string') continue;
      entries.set(json.id, { id: json.id, json, removed: '@removed' in json });
    }
    deltaLink = page.deltaLink ?? deltaLink;
  }
  if (deltaLink === undefined) throw new GraphError('UNEXPECTED', 'delta round ended without a delta link');
  // A full listing has no removals worth reporting: what is absent is gone.
  if (fullResync) for (const [id, entry] of entries) if (entry.removed) entries.delete(id);
  return { entries, deltaLink, fullResync };
}

/** GETs many items in batches. Result per id: the JSON, or 'gone' (404: deleted or moved away). */
export async function readItems(
  client: GraphClient,
  urlsById: ReadonlyMap<string, string>,
  options: { signal?: AbortSignal; prefer?: readonly string[] },
): Promise<Map<string, GraphJson | 'gone'>> {
  const ids = [...urlsById.keys()];
  const results = await client.batch(
    ids.map((id) => ({ method: 'GET' as const, url: urlsById.get(id) as string })),
    options,
  );
  const out = new Map<string, GraphJson | 'gone'>();
  for (const [i, id] of ids.entries()) {
    const result = results[i] as BatchItemResult;
    if (result.error?.code === 'NOT_FOUND') out.set(id, 'gone');
    else if (result.error) throw result.error;
    else out.set(id, (result.body ?? {}) as GraphJson);
  }
  return out;
}

/** How one op becomes its one Graph request, or why it can't. */
export type OpPlan = { readonly request: BatchRequest } | { readonly invalid: OutlookStoreIssue };

export interface OpOutcome {
  readonly result: WriteResult;
  /** The raw answer, for follow-up requests (a To Do task's link extension). */
  readonly response?: BatchItemResult;
}

/**
 * Runs one request per op through $batch and gives one outcome per op, in op order. Ops that can't
 * be mapped fail with INVALID_ITEM without a request; Graph failures keep their details.
 */
export async function runWriteOps(
  client: GraphClient,
  ops: readonly WriteOp[],
  plan: (op: WriteOp, index: number) => OpPlan,
  signal?: AbortSignal,
): Promise<OpOutcome[]> {
  const plans = ops.map((op, index): OpPlan => {
    try {
      return plan(op, index);
    } catch (error) {
      return { invalid: invalidItemIssue(error) };
    }
  });
  const requests = plans.flatMap((p) => ('request' in p ? [p.request] : []));
  // Cancelling stops further writes but awaits those sent: the run must know what it wrote (decision 0103).
  const responses = await client.batch(requests, signal ? { stop: signal } : {});
  let next = 0;
  return ops.map((op, index): OpOutcome => {
    const opPlan = plans[index] as OpPlan;
    if ('invalid' in opPlan) return { result: { ok: false, op: op.op, error: opPlan.invalid } };
    const response = responses[next++] as BatchItemResult;
    if (response.error)
      return { result: { ok: false, op: op.op, error: toStoreIssue(response.error) }, response };
    const id = op.op === 'create' ? (response.body as { id?: unknown } | undefined)?.id : op.id;
    if (typeof id !== 'string') {
      const error: OutlookStoreIssue = { code: 'UNEXPECTED', message: 'Graph created an item without an id' };
      return { result: { ok: false, op: op.op, error }, response };
    }
    return { result: { ok: true, op: op.op, id: outlookItemId(id) }, response };
  });
}

export function invalidItemIssue(error: unknown): OutlookStoreIssue {
  const code =
    typeof (error as { code?: unknown })?.code === 'string' ? String((error as { code: string }).code) : '';
  return {
    code: 'INVALID_ITEM',
    message: error instanceof Error ? error.message : 'the item can not be mapped to Graph',
    ...(code ? { details: { formatCode: code } } : {}),
  };
}

export const encode = encodeURIComponent;

export const asItemId = (id: string): OutlookItemId => outlookItemId(id);

/** `?a=b&c=d` with OData parameter values percent-encoded (batch item URLs are not encoded for us). */
export function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Turns model items of a read into the port's changes; unreadable ones are reported apart. */
export function decodeItems<T extends SyncItem>(
  codec: GraphCodec<T>,
  jsons: Iterable<{ id: string; json: GraphJson; related?: readonly GraphJson[] }>,
  linkOf: (json: GraphJson) => ItemLink | undefined,
): { items: StoredItem[]; unreadable: Array<{ id: OutlookItemId; error: OutlookStoreIssue }> } {
  const items: StoredItem[] = [];
  const unreadable: Array<{ id: OutlookItemId; error: OutlookStoreIssue }> = [];
  for (const { id, json, related } of jsons) {
    try {
      const item = codec.fromGraph(json, related);
      const link = linkOf(json);
      items.push(link ? { id: outlookItemId(id), item, link } : { id: outlookItemId(id), item });
    } catch (error) {
      unreadable.push({ id: outlookItemId(id), error: invalidItemIssue(error) });
    }
  }
  return { items, unreadable };
}
