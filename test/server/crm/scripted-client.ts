/**
 * A hand-driven SyncML client for the server's tests: builds messages with the core codec, so a
 * test can send exactly the package it wants (bad anchors, chunks, odd sizes) and look at each
 * reply. `syncOnce` runs a whole session (pkg 1 … pkg 6) the way a well-behaved client does.
 */
import {
  parseMessage,
  serializeMessage,
  type Item,
  type MapItem,
  type StatusCommand,
  type SyncCommand,
  type SyncItemCommand,
  type SyncMLCommand,
  type SyncMLMessage,
} from '../../../src/core/syncml/index.js';

type NoId<T> = T extends unknown ? Omit<T, 'cmdId'> : never;
export type Draft = NoId<SyncMLCommand>;

export interface Reply {
  readonly http: number;
  readonly text: string;
  readonly msg?: SyncMLMessage;
}

let sessionCounter = 0;

export function basicCred(user: string, password: string) {
  return {
    meta: { type: 'syncml:auth-basic', format: 'b64' },
    data: Buffer.from(`${user}:${password}`).toString('base64'),
  };
}

export class ScriptedClient {
  sessionId = '';
  msgId = 0;
  respUri: string | undefined;
  maxMsgSize = 150_000;
  maxObjSize: number | undefined = 4_000_000;
  /** Bytes of the largest reply so far (the server must stay within our MaxMsgSize). */
  largestReply = 0;

  constructor(
    readonly syncUrl: string,
    readonly deviceId = 'test-device-1',
    readonly user = 'test',
    readonly password = 'test',
  ) {}

  newSession(): void {
    sessionCounter += 1;
    this.sessionId = String(sessionCounter);
    this.msgId = 0;
    this.respUri = undefined;
  }

  build(
    commands: readonly Draft[],
    options: { final?: boolean; cred?: boolean; msgId?: number } = {},
  ): string {
    if (options.msgId === undefined) this.msgId += 1;
    let cmdId = 0;
    const withIds = (c: Draft): SyncMLCommand => {
      const id = String(++cmdId);
      if (c.kind === 'Sync')
        return {
          ...c,
          cmdId: id,
          commands: c.commands.map((x) => ({ ...x, cmdId: String(++cmdId) })),
        } as SyncCommand;
      return { ...c, cmdId: id } as SyncMLCommand;
    };
    return serializeMessage({
      header: {
        verDTD: '1.2',
        verProto: 'SyncML/1.2',
        sessionId: this.sessionId,
        msgId: String(options.msgId ?? this.msgId),
        target: { locUri: this.syncUrl },
        source: { locUri: this.deviceId, locName: this.user },
        ...(options.cred === false || this.respUri !== undefined
          ? {}
          : { cred: basicCred(this.user, this.password) }),
        meta: {
          maxMsgSize: this.maxMsgSize,
          ...(this.maxObjSize !== undefined ? { maxObjSize: this.maxObjSize } : {}),
        },
      },
      body: commands.map(withIds),
      final: options.final ?? true,
    });
  }

  async post(xml: string, contentType = 'application/vnd.syncml+xml'): Promise<Reply> {
    const res = await fetch(this.respUri ?? this.syncUrl, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: xml,
    });
    const text = await res.text();
    this.largestReply = Math.max(this.largestReply, Buffer.byteLength(text));
    if (res.status !== 200 || !text.includes('<SyncML')) return { http: res.status, text };
    const msg = parseMessage(text);
    if (msg.header.respUri !== undefined) this.respUri = msg.header.respUri;
    return { http: res.status, text, msg };
  }

  send(commands: readonly Draft[], options: { final?: boolean; cred?: boolean } = {}): Promise<Reply> {
    return this.post(this.build(commands, options));
  }
}

export const alert = (
  code: number,
  datastore: string,
  next: string,
  last?: string,
  clientUri = `./${datastore}`,
): Draft => ({
  kind: 'Alert',
  code,
  items: [
    {
      target: { locUri: datastore },
      source: { locUri: clientUri },
      meta: { anchor: { next, ...(last !== undefined ? { last } : {}) } },
    },
  ],
});

export const alert222 = (datastore: string): Draft => ({
  kind: 'Alert',
  code: 222,
  items: [{ target: { locUri: datastore }, source: { locUri: `./${datastore}` } }],
});

export function itemCmd(
  kind: 'Add' | 'Replace',
  luid: string,
  text: string,
  type = 'text/vcard',
  extra: Partial<Item> = {},
): NoId<SyncItemCommand> {
  return {
    kind,
    meta: { type },
    items: [{ source: { locUri: luid }, data: { kind: 'text', text }, ...extra }],
  };
}

export const deleteCmd = (luid: string): NoId<SyncItemCommand> => ({
  kind: 'Delete',
  items: [{ source: { locUri: luid } }],
});

export const sync = (datastore: string, commands: readonly NoId<SyncItemCommand>[]): Draft =>
  ({
    kind: 'Sync',
    target: { locUri: datastore },
    source: { locUri: `./${datastore}` },
    commands,
  }) as unknown as Draft;

export const map = (datastore: string, items: readonly MapItem[]): Draft => ({
  kind: 'Map',
  target: { locUri: datastore },
  source: { locUri: `./${datastore}` },
  mapItems: items,
});

export function statuses(msg: SyncMLMessage): StatusCommand[] {
  return msg.body.filter((c): c is StatusCommand => c.kind === 'Status');
}

export function statusFor(msg: SyncMLMessage, cmd: string, ref?: string): StatusCommand | undefined {
  return statuses(msg).find(
    (s) => s.cmd === cmd && (ref === undefined || s.sourceRefs.includes(ref) || s.targetRefs.includes(ref)),
  );
}

export function serverSyncCommands(msg: SyncMLMessage): SyncItemCommand[] {
  return msg.body.filter((c): c is SyncCommand => c.kind === 'Sync').flatMap((s) => [...s.commands]);
}

/** Status 200 for every command of a server message (201 for Adds), like a client that applied all. */
export function acknowledge(msg: SyncMLMessage, addCode = 201): Draft[] {
  const out: Draft[] = [
    {
      kind: 'Status',
      msgRef: msg.header.msgId,
      cmdRef: '0',
      cmd: 'SyncHdr',
      targetRefs: [],
      sourceRefs: [],
      code: 200,
      items: [],
    },
  ];
  for (const c of msg.body) {
    if (c.kind === 'Status') continue;
    out.push({
      kind: 'Status',
      msgRef: msg.header.msgId,
      cmdRef: c.cmdId,
      cmd: c.kind,
      targetRefs: [],
      sourceRefs: [],
      code: 200,
      items: [],
    });
    if (c.kind === 'Sync') {
      for (const inner of c.commands) {
        const code = inner.items.some((i) => i.moreData) ? 213 : inner.kind === 'Add' ? addCode : 200;
        out.push({
          kind: 'Status',
          msgRef: msg.header.msgId,
          cmdRef: inner.cmdId,
          cmd: inner.kind,
          targetRefs: [],
          sourceRefs: [],
          code,
          items: [],
        });
      }
    }
  }
  return out;
}
