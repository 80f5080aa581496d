/**
 * JSON batching for one mailbox (reference §A2): at most 20 requests per `$batch`, each batch a
 * sequential `dependsOn` chain, batches sent concurrently but never more than the client's 4 in
 * flight. Outlook runs one chain item at a time, so 4 chains = 4 concurrent requests, Graph's limit.
 *
 * Per item: 429/503/504 are retried after the largest Retry-After of the round (bounded by the
 * client's maxRetries); 424 (an earlier item of the chain failed, this one never ran) is simply sent
 * again. Every other status is final and comes back as the item's result. See docs/decisions/0050.
 */
import { BinaryBody } from './binary-body.js';
import { GraphError, graphErrorFromResponse, isRetryableStatus } from './errors.js';
import type { GraphClient } from './client.js';
import { throwIfAborted } from './pacing.js';

export interface BatchRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the Graph base URL, e.g. "/me/contacts/{id}". Absolute Graph links are accepted. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface BatchItemResult {
  readonly status: number;
  readonly body: unknown;
  /** Set when the item finally failed (after retries for 429/503/504). */
  readonly error?: GraphError;
}

export interface BatchOptions {
  readonly signal?: AbortSignal;
  /**
   * For writes: when it fires, no further request is sent, but the ones already sent are awaited and their
   * answers count; items never sent come back as ABORTED (status 0). A cancelled run thus knows what it wrote.
   */
  readonly stop?: AbortSignal;
  /** ≤ 20 (Graph's limit). */
  readonly maxPerBatch?: number;
  /** Extra Prefer values put on every item (items don't inherit the outer request's headers). */
  readonly prefer?: readonly string[];
}

interface RawResponse {
  readonly id?: unknown;
  readonly status?: unknown;
  readonly headers?: unknown;
  readonly body?: unknown;
  /** A request sent on its own (not in a $batch) comes back final: the client already retried it. */
  readonly final?: BatchItemResult;
}

const MAX_PER_BATCH = 20;
/** A chain of 20 can push an item back 19 times; beyond this something is wrong with the server. */
const MAX_NOT_RUN = 40;

/** Runs the requests; results are in the order of `requests`. Throws only when the whole call fails. */
export async function executeBatch(
  client: GraphClient,
  requests: readonly BatchRequest[],
  options: BatchOptions = {},
): Promise<BatchItemResult[]> {
  const results: Array<BatchItemResult | undefined> = new Array(requests.length);
  const attempts = new Array<number>(requests.length).fill(0);
  const notRun = new Array<number>(requests.length).fill(0);
  const perBatch = Math.max(1, Math.min(MAX_PER_BATCH, options.maxPerBatch ?? MAX_PER_BATCH));
  let pending = requests.map((_, index) => index);
  let round = 0;
  while (pending.length > 0) {
    throwIfAborted(options.signal);
    if (options.stop?.aborted) {
      for (const index of pending) results[index] = notSent(requests[index] as BatchRequest, options.stop);
      break;
    }
    const chunks = chunk(pending, perBatch);
    // A lone request goes out as itself: a $batch around it would cost one more request.
    const outcomes = await Promise.all(
      chunks.map((indices) =>
        indices.length === 1
          ? sendAlone(client, requests, indices[0] as number, options)
          : sendChain(client, requests, indices, options),
      ),
    );
    const retry: number[] = [];
    let retryAfter: number | undefined;
    let throttledRetry = false;
    for (const outcome of outcomes) {
      for (const [index, response] of outcome) {
        if (response?.final) {
          results[index] = response.final;
          continue;
        }
        const status = typeof response?.status === 'number' ? response.status : 0;
        const request = requests[index] as BatchRequest;
        if ((status === 424 || status === 0) && notRun[index]!++ < MAX_NOT_RUN) {
          retry.push(index); // never ran: send again, not counted as a throttling attempt
          continue;
        }
        if (status === 429) client.stats.throttled++;
        if (isRetryableStatus(status) && attempts[index]! < client.maxRetries) {
          attempts[index]!++;
          throttledRetry = true;
          retry.push(index);
          const seconds = retryAfterOf(response?.headers, client.clock.now());
          if (seconds !== undefined) retryAfter = Math.max(retryAfter ?? 0, seconds);
          continue;
        }
        results[index] = toResult(client, request, status, response);
      }
    }
    if (throttledRetry) {
      client.stats.retries++;
      await client.pause(retryAfter, round, options.signal ?? options.stop).catch((error: unknown) => {
        if (!options.stop?.aborted) throw error; // stopped while waiting: the loop answers the rest
      });
    }
    pending = retry.sort((a, b) => a - b);
    round++;
  }
  return results as BatchItemResult[];
}

async function sendChain(
  client: GraphClient,
  requests: readonly BatchRequest[],
  indices: readonly number[],
  options: BatchOptions,
): Promise<Map<number, RawResponse | undefined>> {
  const prefer = ['IdType="ImmutableId"', ...(options.prefer ?? [])].join(', ');
  const items = indices.map((index, position) => {
    const request = requests[index] as BatchRequest;
    return {
      id: String(index),
      method: request.method,
      url: client.relative(request.url),
      headers: {
        Prefer: prefer,
        ...(request.body !== undefined ? { 'Content-Type': batchContentType(request.body) } : {}),
        ...request.headers,
      },
      ...(request.body !== undefined ? { body: batchBody(request.body) } : {}),
      ...(position > 0 ? { dependsOn: [String(indices[position - 1])] } : {}),
    };
  });
  const reply = await client
    .request<{ responses?: unknown }>('POST', '/$batch', {
      body: { requests: items },
      // Each item counts against the mailbox budget, and (conservatively) the $batch request too.
      cost: items.length + 1,
      retryOn424: true,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.stop ? { stop: options.stop } : {}),
    })
    .catch((error: unknown) => {
      // Stopped before it was sent: none of these ran (the loop answers them as not sent).
      if (options.stop?.aborted && error instanceof GraphError && error.code === 'ABORTED') return undefined;
      throw error;
    });
  const byId = new Map<string, RawResponse>();
  if (Array.isArray(reply?.responses)) {
    for (const raw of reply.responses as RawResponse[]) byId.set(String(raw.id), raw);
  }
  return new Map(indices.map((index) => [index, byId.get(String(index))]));
}

async function sendAlone(
  client: GraphClient,
  requests: readonly BatchRequest[],
  index: number,
  options: BatchOptions,
): Promise<Map<number, RawResponse>> {
  const request = requests[index] as BatchRequest;
  try {
    const body = await client.request<unknown>(request.method, request.url, {
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(request.headers ? { headers: request.headers } : {}),
      ...(options.prefer ? { prefer: options.prefer } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.stop ? { stop: options.stop } : {}),
    });
    return new Map([[index, { final: { status: request.method === 'POST' ? 201 : 200, body } }]]);
  } catch (error) {
    // Stopped before it was sent: it never ran (the loop answers it as not sent).
    if (options.stop?.aborted && error instanceof GraphError && error.code === 'ABORTED')
      return new Map([[index, { status: 0 }]]);
    if (!(error instanceof GraphError) || error.details.status === undefined) throw error;
    const final: BatchItemResult = { status: error.details.status, body: undefined, error };
    return new Map([[index, { final }]]);
  }
}

/** The answer for an item a stopped call never sent. */
function notSent(request: BatchRequest, stop: AbortSignal): BatchItemResult {
  const error = new GraphError(
    'ABORTED',
    'stopped before this request was sent',
    { method: request.method, path: request.url },
    { cause: stop.reason },
  );
  return { status: 0, body: undefined, error };
}

function toResult(
  client: GraphClient,
  request: BatchRequest,
  status: number,
  response: RawResponse | undefined,
): BatchItemResult {
  const body = response?.body;
  if (status >= 200 && status < 300) return { status, body };
  const seconds = retryAfterOf(response?.headers, client.clock.now());
  const error = graphErrorFromResponse(status, body, {
    method: request.method,
    path: client.relative(request.url).split('?')[0] ?? '',
    ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
  });
  return { status, body, error };
}

/** Retry-After from an item's headers, whatever their casing. */
function retryAfterOf(headers: unknown, nowMs: number): number | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'retry-after') continue;
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const date = Date.parse(String(value));
    if (!Number.isNaN(date)) return Math.max(0, (date - nowMs) / 1000);
  }
  return undefined;
}

/** A binary body travels in a $batch as base64 with its own media type (Graph's JSON batching). */
const batchBody = (body: unknown): unknown => (body instanceof BinaryBody ? body.base64 : body);
const batchContentType = (body: unknown): string =>
  body instanceof BinaryBody ? body.contentType : 'application/json';

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
