/** One complete SyncML session through the scripted client (pkg 1 … pkg 6), for one datastore. */
import type {
  MapItem,
  StatusCommand,
  SyncItemCommand,
  SyncMLMessage,
} from '../../../src/core/syncml/index.js';
import {
  acknowledge,
  alert,
  alert222,
  map,
  serverSyncCommands,
  statuses,
  sync,
  type ScriptedClient,
} from './scripted-client.js';

type NoId<T> = T extends unknown ? Omit<T, 'cmdId'> : never;

export interface ReceivedItem {
  readonly op: 'Add' | 'Replace' | 'Delete';
  /** Server GUID (Add) or our LUID (Replace/Delete). */
  readonly id: string;
  readonly text?: string;
  readonly type?: string;
}

export interface SessionResult {
  readonly alertStatus: number;
  readonly serverAlertCode: number | undefined;
  readonly itemStatuses: StatusCommand[];
  readonly received: ReceivedItem[];
  /** Replies that came without Final before the last one of package 4. */
  readonly continuationMessages: number;
  readonly chunkedItems: number;
  readonly finalReply: SyncMLMessage;
}

export interface SyncOnceOptions {
  readonly datastore: string;
  readonly code: number;
  readonly next: string;
  readonly last?: string;
  readonly changes?: readonly NoId<SyncItemCommand>[];
  /** LUID the client gives a server Add (default `L-<guid>`). */
  readonly luidFor?: (guid: string) => string;
}

function collect(msg: SyncMLMessage, out: ReceivedItem[], pending: { id?: string; text: string }): number {
  let chunks = 0;
  for (const cmd of serverSyncCommands(msg)) {
    for (const item of cmd.items) {
      const id = cmd.kind === 'Add' ? item.source!.locUri : item.target!.locUri;
      const text = item.data?.kind === 'text' ? item.data.text : undefined;
      if (item.moreData) {
        chunks += 1;
        pending.id = id;
        pending.text += text ?? '';
        continue;
      }
      const whole = pending.id === id ? pending.text + (text ?? '') : text;
      pending.id = undefined;
      pending.text = '';
      out.push({
        op: cmd.kind,
        id,
        ...(whole !== undefined ? { text: whole } : {}),
        ...(cmd.meta?.type !== undefined ? { type: cmd.meta.type } : {}),
      });
    }
  }
  return chunks;
}

export async function syncOnce(client: ScriptedClient, o: SyncOnceOptions): Promise<SessionResult> {
  client.newSession();
  const r1 = await client.send([alert(o.code, o.datastore, o.next, o.last)]);
  if (r1.msg === undefined) throw new Error(`pkg 1 failed: HTTP ${r1.http} ${r1.text}`);
  const alertStatus = statuses(r1.msg).find((s) => s.cmd === 'Alert')!.code;
  const serverAlert = r1.msg.body.find((c) => c.kind === 'Alert');
  let reply = await client.send([...acknowledge(r1.msg), sync(o.datastore, o.changes ?? [])]);
  if (reply.msg === undefined) throw new Error(`pkg 3 failed: HTTP ${reply.http} ${reply.text}`);
  const itemStatuses = statuses(reply.msg).filter((s) => ['Add', 'Replace', 'Delete'].includes(s.cmd));
  const received: ReceivedItem[] = [];
  const pending: { id?: string; text: string } = { text: '' };
  let chunkedItems = collect(reply.msg, received, pending);
  let continuationMessages = 0;
  while (!reply.msg!.final) {
    continuationMessages += 1;
    reply = await client.send([...acknowledge(reply.msg!), alert222(o.datastore)], { final: false });
    if (reply.msg === undefined) throw new Error(`pkg 4 continuation failed: HTTP ${reply.http}`);
    chunkedItems += collect(reply.msg, received, pending);
  }
  const luidFor = o.luidFor ?? ((guid: string) => `L-${guid}`);
  const maps: MapItem[] = received
    .filter((r) => r.op === 'Add')
    .map((r) => ({ target: r.id, source: luidFor(r.id) }));
  const pkg5 = [...acknowledge(reply.msg!), ...(maps.length > 0 ? [map(o.datastore, maps)] : [])];
  const last = await client.send(pkg5);
  if (last.msg === undefined || !last.msg.final) throw new Error(`pkg 5 failed: HTTP ${last.http}`);
  return {
    alertStatus,
    serverAlertCode: serverAlert?.kind === 'Alert' ? serverAlert.code : undefined,
    itemStatuses,
    received,
    continuationMessages,
    chunkedItems,
    finalReply: last.msg,
  };
}
