/**
 * A scripted SyncML server for unit tests of the client session: enough of the protocol to run
 * whole sessions (auth with nonces, Alerts, our chunks, its own changes over several messages
 * and chunks, Map), plus a `tamper` hook that rewrites any reply to inject faults.
 */
import {
  md5Digest,
  parseMessage,
  serializeMessage,
  type Item,
  type StatusCommand,
  type SyncMLCommand,
  type SyncMLMessage,
} from '../../../../src/core/syncml/index.js';
import type { SyncMLTransport, TransportReply } from '../../../../src/core/syncml/index.js';

export interface FakeServerItem {
  readonly op: 'add' | 'replace' | 'delete';
  readonly guid?: string;
  readonly luid?: string;
  readonly data?: string;
}

export interface FakeStore {
  /** Alert code the server answers with; default: the client's. 508 → status 508 + Alert 201. */
  readonly alert?: number;
  readonly items?: readonly FakeServerItem[];
  /** Status for a client item command; default 201 for Add, 200 otherwise. */
  readonly statusFor?: (cmd: string, luid: string) => number;
}

export interface FakeServerOptions {
  readonly user?: string;
  readonly password?: string;
  /** Nonces the server issues, in order (base64). */
  readonly nonces?: readonly string[];
  /** The nonce the client should already hold; without it, md5 fails until a nonce was issued. */
  readonly initialNonce?: string;
  readonly stores: Readonly<Record<string, FakeStore>>;
  readonly itemsPerMessage?: number;
  /** Server items longer than this many characters go out in MoreData chunks. */
  readonly chunkChars?: number;
  /**
   * Chunks cut by UTF-8 bytes instead (like SyncEvolution), possibly inside a character; replies
   * then travel as bytes (latin1 of the serialized text), so keep other non-ASCII out of them.
   */
  readonly chunkBytes?: number;
  readonly tamper?: (reply: string, n: number, request: SyncMLMessage) => string | TransportReply;
}

type Received = { cmd: string; luid: string; data?: string; size?: number };

export class FakeServer {
  readonly requests: SyncMLMessage[] = [];
  readonly received: Record<string, Received[]> = {};
  readonly maps: Record<string, { target: string; source: string }[]> = {};
  private nonceIndex = 0;
  private expectedNonce: string | undefined;
  private outgoing: {
    store: string;
    item: FakeServerItem;
    part?: { text: string; first: boolean; more: boolean; size: number };
  }[] = [];
  private partial: Received | undefined;
  private msgId = 0;
  private replies = 0;

  constructor(readonly opts: FakeServerOptions) {
    this.expectedNonce = opts.initialNonce;
  }

  transport(): SyncMLTransport {
    return {
      send: async (body: string) => {
        const request = parseMessage(body);
        this.requests.push(request);
        const reply = this.handle(request);
        this.replies += 1;
        const tampered = this.opts.tamper ? this.opts.tamper(reply, this.replies, request) : reply;
        if (typeof tampered !== 'string') return tampered;
        const bytes = this.opts.chunkBytes ? { bytes: new Uint8Array(Buffer.from(tampered, 'latin1')) } : {};
        return { body: tampered, status: 200, contentType: 'application/vnd.syncml+xml', ...bytes };
      },
    };
  }

  private nextNonce(): string | undefined {
    const n = this.opts.nonces?.[this.nonceIndex++];
    if (n !== undefined) this.expectedNonce = n;
    return n;
  }

  private authOk(req: SyncMLMessage): boolean {
    const cred = req.header.cred;
    if (!cred) return this.authenticated;
    const user = this.opts.user ?? 'test';
    const password = this.opts.password ?? 'test';
    if (cred.meta?.type === 'syncml:auth-basic')
      return cred.data === Buffer.from(`${user}:${password}`).toString('base64');
    if (this.expectedNonce === undefined) return false;
    return req.header.source.locName === user && cred.data === md5Digest(user, password, this.expectedNonce);
  }

  private authenticated = false;

  private handle(req: SyncMLMessage): string {
    this.msgId += 1;
    const out: SyncMLCommand[] = [];
    let cmdId = 0;
    const next = () => String(++cmdId);
    const status = (
      msgRef: string,
      cmdRef: string,
      cmd: string,
      code: number,
      extra: Partial<StatusCommand> = {},
    ): StatusCommand => ({
      kind: 'Status',
      cmdId: next(),
      msgRef,
      cmdRef,
      cmd,
      targetRefs: [],
      sourceRefs: [],
      code,
      items: [],
      ...extra,
    });
    const header = (respUri: boolean): SyncMLMessage['header'] => ({
      verDTD: '1.2',
      verProto: 'SyncML/1.2',
      sessionId: req.header.sessionId,
      msgId: String(this.msgId),
      target: { locUri: req.header.source.locUri },
      source: { locUri: 'http://fake/sync' },
      ...(respUri ? { respUri: 'http://fake/sync?sessionid=1' } : {}),
      meta: { maxMsgSize: 150000, maxObjSize: 4000000 },
    });
    if (!this.authOk(req)) {
      const nonce = this.nextNonce();
      out.push(
        status(
          req.header.msgId,
          '0',
          'SyncHdr',
          req.header.cred ? 401 : 407,
          nonce ? { chal: { meta: { format: 'b64', type: 'syncml:auth-md5', nextNonce: nonce } } } : {},
        ),
      );
      for (const c of req.body)
        if (c.kind !== 'Status') out.push(status(req.header.msgId, c.cmdId, c.kind, 401));
      return serializeMessage({ header: header(false), body: out, final: true });
    }
    const firstAuth = !this.authenticated;
    this.authenticated = true;
    const nonce = firstAuth ? this.nextNonce() : undefined;
    out.push(
      status(
        req.header.msgId,
        '0',
        'SyncHdr',
        firstAuth ? 212 : 200,
        nonce ? { chal: { meta: { format: 'b64', type: 'syncml:auth-md5', nextNonce: nonce } } } : {},
      ),
    );
    const alerts: SyncMLCommand[] = [];
    for (const c of req.body) this.answer(req, c, out, alerts, status, next);
    out.push(...alerts);
    if (req.final && req.body.some((c) => c.kind === 'Sync') && this.outgoing.length === 0 && !this.queued)
      this.queueServerItems();
    const wantsMore = req.body.some((c) => c.kind === 'Alert' && c.code === 222);
    let final = req.final || wantsMore;
    if (this.queued && (req.final || wantsMore)) final = this.emitServerItems(out, next);
    return serializeMessage({ header: header(true), body: out, final });
  }

  private queued = false;

  private answer(
    req: SyncMLMessage,
    c: SyncMLCommand,
    out: SyncMLCommand[],
    alerts: SyncMLCommand[],
    status: (m: string, c: string, cmd: string, code: number, e?: Partial<StatusCommand>) => StatusCommand,
    next: () => string,
  ): void {
    const m = req.header.msgId;
    switch (c.kind) {
      case 'Alert': {
        if (c.code === 222) return void out.push(status(m, c.cmdId, 'Alert', 200));
        const item = c.items[0]!;
        const store = this.opts.stores[item.target!.locUri] ?? {};
        const code = store.alert ?? c.code;
        out.push(
          status(m, c.cmdId, 'Alert', code === 508 ? 508 : 200, {
            items: [{ data: { kind: 'anchor', anchor: { next: item.meta!.anchor!.next } } }],
          }),
        );
        alerts.push({
          kind: 'Alert',
          cmdId: next(),
          code: code === 508 ? 201 : code,
          items: [{ target: item.source!, source: item.target!, meta: { anchor: { next: 'srv-next' } } }],
        });
        return;
      }
      case 'Put':
      case 'Results':
      case 'Map':
        if (c.kind === 'Map') (this.maps[c.target.locUri] ??= []).push(...c.mapItems);
        return void out.push(status(m, c.cmdId, c.kind, 200));
      case 'Get':
        out.push(status(m, c.cmdId, 'Get', 200));
        out.push({
          kind: 'Results',
          cmdId: next(),
          msgRef: m,
          cmdRef: c.cmdId,
          meta: { type: 'application/vnd.syncml-devinf+xml' },
          items: [
            {
              source: { locUri: './devinf12' },
              data: {
                kind: 'devinf',
                devInf: {
                  verDTD: '1.2',
                  devId: 'fake',
                  devTyp: 'server',
                  utc: true,
                  supportLargeObjs: true,
                  supportNumberOfChanges: true,
                  dataStores: [],
                },
              },
            },
          ],
        });
        return;
      case 'Sync': {
        out.push(status(m, c.cmdId, 'Sync', 200));
        const store = this.opts.stores[c.target!.locUri] ?? {};
        for (const cmd of c.commands)
          out.push(
            status(m, cmd.cmdId, cmd.kind, this.receive(c.target!.locUri, store, cmd.kind, cmd.items[0]!)),
          );
        return;
      }
      default:
        return;
    }
  }

  private receive(storeUri: string, store: FakeStore, cmd: string, item: Item): number {
    const luid = item.source?.locUri ?? item.target?.locUri ?? '?';
    const text = item.data?.kind === 'text' ? item.data.text : undefined;
    const joined: Received = this.partial
      ? { ...this.partial, data: (this.partial.data ?? '') + (text ?? '') }
      : {
          cmd,
          luid,
          ...(text !== undefined ? { data: text } : {}),
          ...(item.meta?.size !== undefined ? { size: item.meta.size } : {}),
        };
    if (item.moreData) {
      this.partial = joined;
      return 213;
    }
    this.partial = undefined;
    if (joined.size !== undefined && Buffer.byteLength(joined.data ?? '') !== joined.size) return 424;
    (this.received[storeUri] ??= []).push(joined);
    return store.statusFor?.(cmd, luid) ?? (cmd === 'Add' ? 201 : 200);
  }

  private queueServerItems(): void {
    this.queued = true;
    const chunk = this.opts.chunkBytes ?? this.opts.chunkChars ?? Infinity;
    for (const [store, s] of Object.entries(this.opts.stores)) {
      for (const item of s.items ?? []) {
        const data = this.opts.chunkBytes
          ? Buffer.from(item.data ?? '', 'utf8').toString('latin1')
          : (item.data ?? '');
        if (data.length <= chunk) {
          this.outgoing.push({ store, item });
          continue;
        }
        for (let i = 0; i < data.length; i += chunk) {
          this.outgoing.push({
            store,
            item,
            part: {
              text: data.slice(i, i + chunk),
              first: i === 0,
              more: i + chunk < data.length,
              size: this.opts.chunkBytes ? data.length : Buffer.byteLength(data),
            },
          });
        }
      }
    }
    this.outgoing.push({ store: '', item: { op: 'add' } }); // end marker: lets each store send its (maybe empty) Sync
  }

  /** Emits up to itemsPerMessage server items (a chunk ends the message); true when all are out. */
  private emitServerItems(out: SyncMLCommand[], next: () => string): boolean {
    const per = this.opts.itemsPerMessage ?? Infinity;
    const byStore = new Map<string, SyncMLCommand[]>();
    let count = 0;
    while (this.outgoing.length > 0 && count < per) {
      const entry = this.outgoing.shift()!;
      if (!entry.store) {
        for (const store of Object.keys(this.opts.stores)) if (!byStore.has(store)) byStore.set(store, []);
        break;
      }
      const { item, part } = entry;
      const kind = item.op === 'add' ? 'Add' : item.op === 'replace' ? 'Replace' : 'Delete';
      const text = part?.text ?? item.data;
      const wireItem: Item = {
        ...(item.luid ? { target: { locUri: item.luid } } : {}),
        ...(item.guid ? { source: { locUri: item.guid } } : {}),
        ...(part?.first ? { meta: { size: part.size } } : {}),
        ...(text !== undefined && kind !== 'Delete' ? { data: { kind: 'text' as const, text } } : {}),
        ...(part?.more ? { moreData: true } : {}),
      };
      const list = byStore.get(entry.store) ?? [];
      list.push({
        kind,
        cmdId: '',
        ...(kind !== 'Delete' ? { meta: { type: 'text/vcard' } } : {}),
        items: [wireItem],
      } as SyncMLCommand);
      byStore.set(entry.store, list);
      count += 1;
      if (part?.more) break;
    }
    for (const [store, cmds] of byStore) {
      const syncId = next();
      out.push({
        kind: 'Sync',
        cmdId: syncId,
        target: { locUri: `./${store}` },
        source: { locUri: store },
        commands: cmds.map((c) => ({ ...c, cmdId: next() })) as never,
      });
    }
    return this.outgoing.length === 0;
  }
}
