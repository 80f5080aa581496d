/**
 * The one place every Microsoft Graph call goes through (CONVENTIONS.md rule 8): token, base URL,
 * `Prefer: IdType="ImmutableId"` on every request, page size, paging, Retry-After on 429/503/504
 * with bounded retries, AbortSignal, typed errors, and the mailbox's pacing (≤ 4 in flight, a token
 * bucket under 10,000 requests per 10 minutes). `fetch` and the clock are injectable.
 */
import { BinaryBody } from './binary-body.js';
import { GraphError, graphErrorFromResponse, isRetryableStatus } from './errors.js';
import {
  GRAPH_OUTLOOK_RATE_LIMIT,
  Semaphore,
  TokenBucket,
  abortError,
  systemClock,
  throwIfAborted,
  type Clock,
  type RateLimit,
} from './pacing.js';
import { executeBatch, type BatchOptions, type BatchRequest, type BatchItemResult } from './batch.js';

/** Supplies bearer tokens; the task pane wires MSAL (nested app auth) into it, tests a fake. */
export interface TokenProvider {
  getToken(scopes: readonly string[]): Promise<string>;
}

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
/** Least-privileged delegated scopes for everything this product does (reference §A5). */
export const GRAPH_SCOPES = [
  'User.Read',
  'Contacts.ReadWrite',
  'Calendars.ReadWrite',
  'Tasks.ReadWrite',
] as const;

export interface GraphClientOptions {
  readonly tokenProvider: TokenProvider;
  readonly fetch?: typeof fetch;
  readonly baseUrl?: string;
  readonly scopes?: readonly string[];
  /** `Prefer: odata.maxpagesize` on GETs (delta endpoints ignore `$top`). */
  readonly maxPageSize?: number;
  /** Retries of one request on 429/503/504 before giving up with THROTTLED/UNAVAILABLE. */
  readonly maxRetries?: number;
  /** Requests in flight per mailbox (Outlook allows 4). */
  readonly maxConcurrent?: number;
  /** `false` turns pacing off (unit tests of other behaviour). */
  readonly rateLimit?: RateLimit | false;
  readonly clock?: Clock;
  /** Cap of the exponential backoff used when a 429/503 carries no Retry-After. */
  readonly maxBackoffMs?: number;
  readonly random?: () => number;
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra `Prefer` values, e.g. `outlook.timezone="UTC"`. */
  readonly prefer?: readonly string[];
  readonly signal?: AbortSignal;
  /**
   * Like `signal` for everything before the request leaves (slot, budget, retry pauses), but a request already
   * sent is never cut off: Graph finishes it anyway, and a write's answer must reach the caller (decision 0103).
   */
  readonly stop?: AbortSignal;
  /** Requests this call counts for against the mailbox budget (a $batch counts each item). */
  readonly cost?: number;
  /** Overrides the client's `odata.maxpagesize` for this request (lists that allow bigger pages). */
  readonly pageSize?: number;
  /** Treat an outer 424 as retryable (a $batch whose throttled items failed it as a whole). */
  readonly retryOn424?: boolean;
}

export interface GraphStats {
  /** HTTP requests sent (a $batch is one). */
  httpRequests: number;
  /** Requests as Graph counts them against the 10,000/10 min budget (each batch item counts). */
  graphRequests: number;
  /** 429 answers seen, including items inside batches. */
  throttled: number;
  retries: number;
  /** Time spent waiting for Retry-After/backoff and for the token bucket. */
  waitedMs: number;
}

export interface Page<T> {
  readonly value: readonly T[];
  readonly nextLink?: string;
  readonly deltaLink?: string;
  readonly count?: number;
}

export class GraphClient {
  readonly baseUrl: string;
  readonly stats: GraphStats = { httpRequests: 0, graphRequests: 0, throttled: 0, retries: 0, waitedMs: 0 };
  readonly clock: Clock;
  readonly maxRetries: number;
  private readonly fetchFn: typeof fetch;
  private readonly inFlight: Semaphore;
  private readonly bucket: TokenBucket | undefined;

  constructor(private readonly options: GraphClientOptions) {
    this.baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.clock = options.clock ?? systemClock;
    this.maxRetries = options.maxRetries ?? 5;
    this.inFlight = new Semaphore(options.maxConcurrent ?? 4);
    const limit = options.rateLimit === undefined ? GRAPH_OUTLOOK_RATE_LIMIT : options.rateLimit;
    this.bucket = limit ? new TokenBucket(limit, this.clock) : undefined;
  }

  get<T>(pathOrUrl: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', pathOrUrl, options);
  }

  /** Sends one request, retrying 429/503/504 after Retry-After (or backoff) up to maxRetries. */
  async request<T>(method: string, pathOrUrl: string, options: RequestOptions = {}): Promise<T> {
    const url = this.resolve(pathOrUrl);
    const path = this.pathOf(url);
    let renewedToken = false;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(method, url, options);
      const body = await readBody(response);
      if (response.ok) return body as T;
      // A token can expire between the provider's check and Graph's: ask once more, then give up.
      if (response.status === 401 && !renewedToken) {
        renewedToken = true;
        attempt--;
        continue;
      }
      const retryable =
        isRetryableStatus(response.status) || (options.retryOn424 === true && response.status === 424);
      const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
      if (retryable && attempt < this.maxRetries) {
        await this.pause(retryAfterSeconds, attempt, options.signal ?? options.stop);
        this.stats.retries++;
        continue;
      }
      throw graphErrorFromResponse(response.status, body, {
        method,
        path,
        ...(response.headers.get('request-id')
          ? { requestId: response.headers.get('request-id') as string }
          : {}),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      });
    }
  }

  /** Follows `@odata.nextLink` page by page; the last page carries the delta link, if any. */
  async *pages<T>(pathOrUrl: string, options: RequestOptions = {}): AsyncGenerator<Page<T>> {
    let next: string | undefined = pathOrUrl;
    while (next !== undefined) {
      const raw: Record<string, unknown> = await this.get(next, options);
      const page = toPage<T>(raw);
      yield page;
      next = page.nextLink;
    }
  }

  /** Every item of a collection (all pages) and the round's delta link when the endpoint gives one. */
  async getAll<T>(
    pathOrUrl: string,
    options: RequestOptions = {},
  ): Promise<{ items: T[]; deltaLink?: string }> {
    const items: T[] = [];
    let deltaLink: string | undefined;
    for await (const page of this.pages<T>(pathOrUrl, options)) {
      items.push(...page.value);
      deltaLink = page.deltaLink ?? deltaLink;
    }
    return deltaLink === undefined ? { items } : { items, deltaLink };
  }

  /** JSON batching: ≤ 20 per batch, sequential chains, per-item 429/424 retried (see batch.ts). */
  batch(requests: readonly BatchRequest[], options: BatchOptions = {}): Promise<BatchItemResult[]> {
    return executeBatch(this, requests, options);
  }

  /** Waits Retry-After seconds, or backs off exponentially (1 s, 2 s, 4 s … ±20 %) when absent. */
  async pause(retryAfterSeconds: number | undefined, attempt: number, signal?: AbortSignal): Promise<void> {
    const cap = this.options.maxBackoffMs ?? 60_000;
    const jitter = 0.8 + 0.4 * (this.options.random ?? Math.random)();
    const ms =
      retryAfterSeconds !== undefined
        ? Math.ceil(retryAfterSeconds * 1000)
        : Math.min(cap, Math.round(1000 * 2 ** attempt * jitter));
    this.stats.waitedMs += ms;
    await this.clock.sleep(ms, signal);
  }

  /** The relative form of a Graph URL, as `$batch` items need it. */
  relative(pathOrUrl: string): string {
    const url = this.resolve(pathOrUrl);
    return url.slice(this.baseUrl.length);
  }

  /** Path relative to the base URL without the query (queries may hold names). */
  private pathOf(url: string): string {
    return url.slice(this.baseUrl.length).split('?')[0] ?? '';
  }

  private resolve(pathOrUrl: string): string {
    if (/^https?:/i.test(pathOrUrl)) {
      // Never send the token anywhere but Graph: next/delta links must point back at our base URL.
      if (!pathOrUrl.startsWith(`${this.baseUrl}/`)) {
        throw new GraphError('UNEXPECTED', 'refusing a link outside the Graph base URL', { path: pathOrUrl });
      }
      return pathOrUrl;
    }
    return `${this.baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
  }

  private async send(method: string, url: string, options: RequestOptions): Promise<Response> {
    const { signal } = options;
    const waiting = signal ?? options.stop;
    throwIfAborted(waiting);
    const cost = options.cost ?? 1;
    const token = await this.token();
    const release = await this.inFlight.acquire(waiting);
    try {
      // Tokens are taken holding the slot, right before sending: the bucket's timeline is the send
      // timeline. (Nothing could be sent meanwhile anyway: the budget is what everyone waits for.)
      if (this.bucket) {
        const before = this.clock.now();
        await this.bucket.take(cost, waiting);
        this.stats.waitedMs += this.clock.now() - before;
      }
      throwIfAborted(options.stop); // the last moment at which stopping sends nothing
      this.stats.httpRequests++;
      this.stats.graphRequests += cost;
      const response = await this.fetchFn(url, {
        method,
        headers: this.headers(method, token, options),
        ...(options.body !== undefined ? { body: requestBody(options.body) } : {}),
        ...(signal ? { signal } : {}),
      });
      if (response.status === 429) this.stats.throttled++;
      return response;
    } catch (error) {
      if (error instanceof GraphError) throw error;
      if (signal?.aborted) throw abortError(signal);
      throw new GraphError(
        'OFFLINE',
        'Graph could not be reached',
        { method, path: this.pathOf(url) },
        { cause: error },
      );
    } finally {
      release();
    }
  }

  private async token(): Promise<string> {
    try {
      return await this.options.tokenProvider.getToken(this.options.scopes ?? GRAPH_SCOPES);
    } catch (error) {
      if (error instanceof GraphError) throw error;
      throw new GraphError('UNAUTHENTICATED', 'no token for Graph', {}, { cause: error });
    }
  }

  private headers(method: string, token: string, options: RequestOptions): Record<string, string> {
    const prefer = ['IdType="ImmutableId"', ...(options.prefer ?? [])];
    if (method === 'GET')
      prefer.push(`odata.maxpagesize=${options.pageSize ?? this.options.maxPageSize ?? 100}`);
    return {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      Prefer: prefer.join(', '),
      ...(options.body !== undefined ? { 'Content-Type': contentTypeOf(options.body) } : {}),
      ...options.headers,
    };
  }
}

/** JSON, or the bytes of a binary body (a photo). */
const requestBody = (body: unknown): string | Uint8Array<ArrayBuffer> =>
  body instanceof BinaryBody ? (body.bytes() as Uint8Array<ArrayBuffer>) : JSON.stringify(body);
const contentTypeOf = (body: unknown): string =>
  body instanceof BinaryBody ? body.contentType : 'application/json';

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && type.toLowerCase().startsWith('image/')) {
    // A photo (`…/photo/$value`): bytes, kept as base64 like the model keeps photos.
    return BinaryBody.fromBytes(type.split(';')[0]!.trim(), new Uint8Array(await response.arrayBuffer()));
  }
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toPage<T>(raw: Record<string, unknown>): Page<T> {
  const value = Array.isArray(raw.value) ? (raw.value as T[]) : [];
  const nextLink = raw['@odata.nextLink'];
  const deltaLink = raw['@odata.deltaLink'];
  const count = raw['@odata.count'];
  return {
    value,
    ...(typeof nextLink === 'string' ? { nextLink } : {}),
    ...(typeof deltaLink === 'string' ? { deltaLink } : {}),
    ...(typeof count === 'number' ? { count } : {}),
  };
}

/** Retry-After in seconds: a number (may be fractional, e.g. "2.128") or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - nowMs) / 1000);
}
