/**
 * A minimal client-side store and "engine" for interop scenarios: items by LUID, a change log,
 * anchors committed only after a successful session, a slow sync after any failed one
 * (DESIGN.md §3/§6), server changes applied in the hook before statuses are sent.
 */
import { createHttpTransport } from '../../../src/adapters/syncml-http/index.js';
import {
  memoryNonceStore,
  runSyncSession,
  SyncMLError,
  type AuthScheme,
  type ChangeOp,
  type ClientChange,
  type NonceStore,
  type ServerChange,
  type ServerChangeOutcome,
  type SyncMLTransport,
  type SyncMode,
  type SyncSessionResult,
} from '../../../src/core/syncml/index.js';
import type { DatastoreKind, ServerHandle } from '../servers.js';
import { CONTENT_TYPE, LOCAL_URI } from './items.js';

export interface TestClientOptions {
  readonly server: ServerHandle;
  readonly deviceId: string;
  readonly kinds: readonly DatastoreKind[];
  readonly auth?: AuthScheme;
  readonly password?: string;
  readonly maxMsgSize?: number;
  readonly maxObjSize?: number;
}

interface StoreData {
  items: Map<string, string>;
  dirty: Map<string, ChangeOp>;
  lastAnchor?: string;
  needsSlow: boolean;
}

let anchorCounter = 0;

export class TestClient {
  readonly stores = new Map<DatastoreKind, StoreData>();
  readonly nonceStore: NonceStore = memoryNonceStore();
  transport: SyncMLTransport = traced(createHttpTransport({ timeoutMs: 60_000 }));
  private luidCounter = 0;

  constructor(readonly opts: TestClientOptions) {
    for (const kind of opts.kinds)
      this.stores.set(kind, { items: new Map(), dirty: new Map(), needsSlow: false });
  }

  private store(kind: DatastoreKind): StoreData {
    return this.stores.get(kind)!;
  }

  add(kind: DatastoreKind, data: string): string {
    const luid = `l${++this.luidCounter}`;
    this.store(kind).items.set(luid, data);
    this.store(kind).dirty.set(luid, 'add');
    return luid;
  }

  replace(kind: DatastoreKind, luid: string, data: string): void {
    const s = this.store(kind);
    s.items.set(luid, data);
    if (s.dirty.get(luid) !== 'add') s.dirty.set(luid, 'replace');
  }

  remove(kind: DatastoreKind, luid: string): void {
    const s = this.store(kind);
    s.items.delete(luid);
    if (s.dirty.get(luid) === 'add') s.dirty.delete(luid);
    else s.dirty.set(luid, 'delete');
  }

  items(kind: DatastoreKind): string[] {
    return [...this.store(kind).items.values()];
  }

  luidOf(kind: DatastoreKind, predicate: (data: string) => boolean): string {
    const hit = [...this.store(kind).items].find(([, data]) => predicate(data));
    if (!hit) throw new Error('no such local item');
    return hit[0];
  }

  /** One session over all stores; `modes` overrides the mode per kind. */
  async sync(modes: Partial<Record<DatastoreKind, SyncMode>> = {}): Promise<SyncSessionResult> {
    const { server } = this.opts;
    const plan = this.opts.kinds.map((kind) => {
      const s = this.store(kind);
      const mode: SyncMode = modes[kind] ?? (s.needsSlow || !s.lastAnchor ? 'slow' : 'two-way');
      return { kind, s, mode, nextAnchor: `it-${Date.now()}-${++anchorCounter}` };
    });
    try {
      const result = await runSyncSession({
        transport: this.transport,
        serverUrl: server.url,
        user: server.user,
        password: this.opts.password ?? server.password,
        auth: this.opts.auth ?? 'md5',
        deviceId: this.opts.deviceId,
        nonceStore: this.nonceStore,
        ...(this.opts.maxMsgSize ? { maxMsgSize: this.opts.maxMsgSize } : {}),
        ...(this.opts.maxObjSize ? { maxObjSize: this.opts.maxObjSize } : {}),
        datastores: plan.map(({ kind, s, mode, nextAnchor }) => ({
          localUri: LOCAL_URI[kind],
          remoteUri: server.remoteUris[kind],
          contentType: CONTENT_TYPE[kind],
          mode,
          ...(s.lastAnchor && mode !== 'slow' ? { lastAnchor: s.lastAnchor } : {}),
          nextAnchor,
          changes:
            mode === 'slow' || mode === 'refresh-from-client' ? this.allItems(kind) : this.changesOf(kind),
          loadAllItems: async () => this.allItems(kind),
        })),
        onServerChanges: async (store, changes) => {
          const entry = plan.find((p) => LOCAL_URI[p.kind] === store.localUri)!;
          if (entry.mode === 'refresh-from-server') entry.s.items.clear();
          return { outcomes: changes.map((c) => this.applyServerChange(entry.kind, c)) };
        },
      });
      for (const { kind, s, mode } of plan) this.commit(kind, s, mode, result);
      return result;
    } catch (e) {
      // Nothing is committed; the next run is a slow sync with server-side matching.
      if (e instanceof SyncMLError && e.code !== 'AUTH_FAILED' && e.code !== 'AUTH_REQUIRED')
        for (const { s } of plan) s.needsSlow = true;
      throw e;
    }
  }

  private commit(kind: DatastoreKind, s: StoreData, mode: SyncMode, result: SyncSessionResult): void {
    const ds = result.datastores.find((d) => d.localUri === LOCAL_URI[kind])!;
    s.lastAnchor = ds.nextAnchor;
    s.needsSlow = false;
    if (mode === 'refresh-from-server') s.dirty.clear();
    // Unsent changes (status 0) stay dirty only where the mode kept them back (one-way from server).
    for (const change of ds.ourChanges) {
      if (change.ok || (change.status === 0 && mode !== 'one-way-from-server')) s.dirty.delete(change.luid);
    }
  }

  private allItems(kind: DatastoreKind): ClientChange[] {
    return [...this.store(kind).items].map(([luid, data]) => ({ op: 'replace', luid, data }));
  }

  private changesOf(kind: DatastoreKind): ClientChange[] {
    const s = this.store(kind);
    return [...s.dirty].map(([luid, op]) =>
      op === 'delete' ? { op, luid } : { op, luid, data: s.items.get(luid)! },
    );
  }

  private applyServerChange(kind: DatastoreKind, c: ServerChange): ServerChangeOutcome {
    const s = this.store(kind);
    if (c.op === 'delete') {
      const had = c.luid !== undefined && s.items.delete(c.luid);
      return { status: had ? 200 : 211 };
    }
    if (c.op === 'replace' && c.luid !== undefined && s.items.has(c.luid)) {
      s.items.set(c.luid, c.data ?? '');
      return { status: 200 };
    }
    if (c.guid === undefined) return { status: 404 };
    const luid = `l${++this.luidCounter}`;
    s.items.set(luid, c.data ?? '');
    return { status: 201, luid };
  }
}

/** A transport that delivers message `cutAt` to the server and then loses the reply. */
export function cutAfter(inner: SyncMLTransport, cutAt: number): SyncMLTransport & { sent: number } {
  const t = {
    sent: 0,
    async send(body: string, url: string) {
      t.sent += 1;
      const reply = await inner.send(body, url);
      if (t.sent === cutAt) throw new SyncMLError('UNREACHABLE', 'connection cut by the test', { cutAt });
      return reply;
    },
  };
  return t;
}

/** SYNCML_TRACE=1 prints every message (DevInf elided), for debugging a scenario. */
function traced(inner: SyncMLTransport): SyncMLTransport {
  if (!process.env.SYNCML_TRACE) return inner;
  const short = (s: string) => s.replace(/<DevInf[\s\S]*?<\/DevInf>/g, '<DevInf/>').slice(0, 4000);
  return {
    async send(body, url, signal) {
      console.log('>>>', url, short(body));
      const reply = await inner.send(body, url, signal);
      console.log('<<<', reply.status, short(reply.body));
      return reply;
    },
  };
}
