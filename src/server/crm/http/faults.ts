/**
 * Fault injection for tests (issue 5): set at construction or through the loopback-only admin
 * API (`POST /admin/faults`). Each fault fires `times` times (default 1), then is gone.
 */
export type Fault =
  /** Handle the session's Nth message (its effects stay), then cut the connection instead of answering. */
  | { readonly kind: 'drop-connection'; readonly afterMessage: number; readonly times?: number }
  /** Answer SyncML requests with this HTTP status before looking at them. */
  | { readonly kind: 'http-error'; readonly status: 500 | 503; readonly times?: number }
  /** Answer sync Alerts with 508 (refresh required) although the anchors match. */
  | { readonly kind: 'refresh-required'; readonly times?: number }
  /** Wait before answering. */
  | { readonly kind: 'delay'; readonly ms: number; readonly times?: number }
  /** Handle the session's Nth message (default: any), then answer with broken SyncML. */
  | { readonly kind: 'malformed-reply'; readonly afterMessage?: number; readonly times?: number };

export type FaultKind = Fault['kind'];

const KINDS: readonly FaultKind[] = [
  'drop-connection',
  'http-error',
  'refresh-required',
  'delay',
  'malformed-reply',
];

interface Armed {
  readonly fault: Fault;
  remaining: number;
}

export class FaultInjector {
  private armed: Armed[] = [];

  constructor(initial: readonly Fault[] = []) {
    for (const f of initial) this.add(f);
  }

  add(fault: Fault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  list(): Fault[] {
    return this.armed.map((a) => a.fault);
  }

  /** Fires (and uses up) the first armed fault of `kind` that `matches`. */
  take<K extends FaultKind>(
    kind: K,
    matches: (f: Extract<Fault, { kind: K }>) => boolean = () => true,
  ): Extract<Fault, { kind: K }> | undefined {
    const found = this.armed.find(
      (a) => a.fault.kind === kind && matches(a.fault as Extract<Fault, { kind: K }>),
    );
    if (found === undefined) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.armed = this.armed.filter((a) => a !== found);
    return found.fault as Extract<Fault, { kind: K }>;
  }

  has(kind: FaultKind): boolean {
    return this.armed.some((a) => a.fault.kind === kind);
  }
}

/** Validates an admin request body; undefined when it isn't a fault we know. */
export function parseFault(input: unknown): Fault | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const o = input as Record<string, unknown>;
  const kind = o['kind'];
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) return undefined;
  const times = o['times'] === undefined ? undefined : Number(o['times']);
  if (times !== undefined && !(Number.isInteger(times) && times > 0)) return undefined;
  const withTimes = times === undefined ? {} : { times };
  const positive = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  switch (kind as FaultKind) {
    case 'drop-connection':
      return positive(o['afterMessage'])
        ? { kind: 'drop-connection', afterMessage: o['afterMessage'] as number, ...withTimes }
        : undefined;
    case 'http-error':
      return o['status'] === 500 || o['status'] === 503
        ? { kind: 'http-error', status: o['status'], ...withTimes }
        : undefined;
    case 'refresh-required':
      return { kind: 'refresh-required', ...withTimes };
    case 'delay':
      return positive(o['ms']) && (o['ms'] as number) <= 120_000
        ? { kind: 'delay', ms: o['ms'] as number, ...withTimes }
        : undefined;
    case 'malformed-reply':
      if (o['afterMessage'] !== undefined && !positive(o['afterMessage'])) return undefined;
      return {
        kind: 'malformed-reply',
        ...(o['afterMessage'] !== undefined ? { afterMessage: o['afterMessage'] as number } : {}),
        ...withTimes,
      };
  }
}
