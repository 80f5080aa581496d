/**
 * Switchable faults and Graph's limits, changeable at run time (tests, benches, browser console).
 * Every request — and every item of a $batch — passes `admit()`, which counts it and decides
 * whether Graph would have served it. Defaults: Graph's real limits on, injected faults off.
 */
import { realClock, type SandboxClock } from './clock.js';
import { GraphError } from './errors.js';
import { seededRandom } from '../seeded-random.js';

export interface GraphFaults {
  /** Fraction (0..1) of requests answered 429 with Retry-After (outer requests and batch items). */
  throttleRate: number;
  /** Extra fraction of $batch items answered 429 inside a 200 batch. */
  batchItemThrottleRate: number;
  /** Fraction (0..1) of requests answered 503. */
  serviceUnavailableRate: number;
  /** Retry-After sent with injected 429/503 (seconds; may be fractional, as Graph's are). */
  retryAfterSeconds: number;
  /** Latency of every HTTP request (a `$batch` included), in ms on the control's clock: the network round trip. */
  latencyMs: number;
  /** Time each `$batch` item takes on the server; null = the same as latencyMs. */
  batchItemLatencyMs: number | null;
  /** Seed for the fault dice, so a failing run can be replayed. */
  seed: number;
}

export interface GraphLimits {
  /** Outlook's concurrent-request limit per mailbox (4); null switches it off. */
  maxConcurrentRequests: number | null;
  /** Outlook's request budget (10,000 per 10 minutes per app and mailbox); null switches it off. */
  requestBudget: { requests: number; windowMs: number } | null;
  /** Maximum requests in one $batch (20). */
  maxBatchSize: number;
}

/** A one-shot failure for the next matching requests (e.g. "the next 2 GETs of /contacts get 503"). */
export interface FailRule {
  status: number;
  code?: string;
  count?: number;
  method?: string;
  /** Matches when the request path contains this text. */
  pathIncludes?: string;
  retryAfterSeconds?: number;
}

export interface GraphCounters {
  /** HTTP requests plus $batch items: every call Graph would count. */
  total: number;
  httpRequests: number;
  batchRequests: number;
  batchItems: number;
  byEndpoint: Record<string, number>;
  throttled: number;
  concurrencyRejections: number;
  budgetRejections: number;
  serviceUnavailable: number;
  injectedFailures: number;
  maxInFlight: number;
}

export const GRAPH_LIMITS: GraphLimits = {
  maxConcurrentRequests: 4,
  requestBudget: { requests: 10_000, windowMs: 600_000 },
  maxBatchSize: 20,
};

export const NO_FAULTS: GraphFaults = {
  throttleRate: 0,
  batchItemThrottleRate: 0,
  serviceUnavailableRate: 0,
  retryAfterSeconds: 2,
  latencyMs: 0,
  batchItemLatencyMs: null,
  seed: 1,
};

export interface GraphEmulatorOptions {
  faults?: Partial<GraphFaults>;
  limits?: Partial<GraphLimits>;
  clock?: SandboxClock;
}

const emptyCounters = (): GraphCounters => ({
  total: 0,
  httpRequests: 0,
  batchRequests: 0,
  batchItems: 0,
  byEndpoint: {},
  throttled: 0,
  concurrencyRejections: 0,
  budgetRejections: 0,
  serviceUnavailable: 0,
  injectedFailures: 0,
  maxInFlight: 0,
});

export interface Admission {
  release(): void;
}

export class GraphEmulatorControl {
  faults: GraphFaults;
  limits: GraphLimits;
  readonly clock: SandboxClock;
  private stats = emptyCounters();
  private inFlight = 0;
  /** Times of admitted requests inside the budget window (oldest first). */
  private admittedAt: number[] = [];
  private rules: FailRule[] = [];
  private random: () => number;

  constructor(options: GraphEmulatorOptions = {}) {
    this.faults = { ...NO_FAULTS, ...options.faults };
    this.limits = { ...GRAPH_LIMITS, ...options.limits };
    this.clock = options.clock ?? realClock;
    this.random = seededRandom(this.faults.seed);
  }

  setFaults(faults: Partial<GraphFaults>): GraphFaults {
    this.faults = { ...this.faults, ...faults };
    if (faults.seed !== undefined) this.random = seededRandom(faults.seed);
    return this.faults;
  }

  setLimits(limits: Partial<GraphLimits>): GraphLimits {
    this.limits = { ...this.limits, ...limits };
    return this.limits;
  }

  /** Turns off every injected fault and pending failure (limits stay as they are). */
  clearFaults(): void {
    this.faults = { ...NO_FAULTS, seed: this.faults.seed };
    this.rules = [];
  }

  failNext(rule: FailRule): void {
    this.rules.push({ count: 1, ...rule });
  }

  get counters(): GraphCounters {
    return structuredClone(this.stats);
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  resetCounters(): void {
    this.stats = emptyCounters();
  }

  /** Resets the budget window too (e.g. between benchmark runs). */
  resetBudget(): void {
    this.admittedAt = [];
  }

  countBatch(): void {
    this.stats.httpRequests++;
    this.stats.batchRequests++;
    this.stats.byEndpoint['POST /$batch'] = (this.stats.byEndpoint['POST /$batch'] ?? 0) + 1;
  }

  /** Counts a request and admits it, or throws the GraphError Graph would have answered. */
  admit(method: string, path: string, endpoint: string, batchItem: boolean): Admission {
    const s = this.stats;
    s.total++;
    if (batchItem) s.batchItems++;
    else s.httpRequests++;
    s.byEndpoint[endpoint] = (s.byEndpoint[endpoint] ?? 0) + 1;
    this.checkRules(method, path);
    this.checkBudget();
    this.checkConcurrency();
    this.rollDice(batchItem);
    this.inFlight++;
    s.maxInFlight = Math.max(s.maxInFlight, this.inFlight);
    if (this.limits.requestBudget) this.admittedAt.push(this.clock.now());
    let released = false;
    return {
      release: () => {
        if (!released) this.inFlight--;
        released = true;
      },
    };
  }

  private reject(
    status: number,
    code: GraphError['code'],
    message: string,
    retryAfter: number,
    details: Record<string, unknown>,
  ): never {
    if (status === 429) this.stats.throttled++;
    if (status === 503) this.stats.serviceUnavailable++;
    throw new GraphError(status, code, message, details, { 'Retry-After': String(retryAfter) });
  }

  private checkRules(method: string, path: string): void {
    const rule = this.rules.find(
      (r) =>
        (r.method === undefined || r.method.toUpperCase() === method) &&
        (r.pathIncludes === undefined || path.includes(r.pathIncludes)),
    );
    if (!rule) return;
    rule.count = (rule.count ?? 1) - 1;
    if (rule.count <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    this.stats.injectedFailures++;
    const code = (rule.code ??
      (rule.status === 429
        ? 'TooManyRequests'
        : rule.status === 503
          ? 'ServiceUnavailable'
          : 'ErrorInternalServerError')) as GraphError['code'];
    this.reject(
      rule.status,
      code,
      `Injected failure (${rule.status}).`,
      rule.retryAfterSeconds ?? this.faults.retryAfterSeconds,
      { injected: true },
    );
  }

  private checkBudget(): void {
    const budget = this.limits.requestBudget;
    if (!budget) return;
    const now = this.clock.now();
    let drop = 0;
    while (drop < this.admittedAt.length && this.admittedAt[drop]! <= now - budget.windowMs) drop++;
    if (drop > 0) this.admittedAt.splice(0, drop);
    if (this.admittedAt.length < budget.requests) return;
    this.stats.budgetRejections++;
    // Wait until enough of the window has passed for one more request to fit.
    const freeAt = this.admittedAt[this.admittedAt.length - budget.requests]! + budget.windowMs;
    const retryAfter = Math.max(1, Math.ceil((freeAt - now) / 1000));
    this.reject(
      429,
      'ApplicationThrottled',
      'Application is over its MailboxRequestBudget limit.',
      retryAfter,
      {
        limit: budget.requests,
        windowMs: budget.windowMs,
      },
    );
  }

  private checkConcurrency(): void {
    const max = this.limits.maxConcurrentRequests;
    if (max === null || this.inFlight < max) return;
    this.stats.concurrencyRejections++;
    this.reject(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', 1, {
      limit: max,
      inFlight: this.inFlight,
    });
  }

  private rollDice(batchItem: boolean): void {
    const f = this.faults;
    if (f.serviceUnavailableRate > 0 && this.random() < f.serviceUnavailableRate) {
      this.reject(503, 'ServiceUnavailable', 'The service is temporarily unavailable.', f.retryAfterSeconds, {
        injected: true,
      });
    }
    const rate = batchItem ? Math.min(1, f.throttleRate + f.batchItemThrottleRate) : f.throttleRate;
    if (rate > 0 && this.random() < rate) {
      this.reject(429, 'TooManyRequests', 'Too many requests.', f.retryAfterSeconds, { injected: true });
    }
  }
}
