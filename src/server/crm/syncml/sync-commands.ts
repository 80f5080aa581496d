/**
 * Package 3: the client's Sync with its Add/Replace/Delete, one Status per item. Large objects
 * arrive in MoreData chunks (213 per chunk, the whole item applied at the last one, 424 when the
 * reassembled bytes don't match the announced Size); an item above our MaxObjSize gets 413/416.
 */
import {
  MODE_FLOW,
  type Item,
  type StatusCommand,
  type SyncCommand,
  type SyncItemCommand,
} from '../../../core/syncml/index.js';
import { CrmError } from '../errors.js';
import { knownContentType, type FormatConverter } from '../content/convert.js';
import type { Datastore } from '../datastores.js';
import type { CrmStore } from '../store/crm-store.js';
import { datastoreFromUri } from './alerts.js';
import { declaredProperties } from '../content/keep-undeclared.js';
import { applyClientDelete, applyClientUpsert, type ApplyContext } from './client-changes.js';
import type { DatastoreState, Session } from './session-state.js';

export interface SyncContext {
  readonly store: CrmStore;
  readonly session: Session;
  readonly msgId: string;
  readonly maxObjSize: number;
  readonly convert: FormatConverter;
}

type StatusDraft = Omit<StatusCommand, 'cmdId'>;

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** What an item of each datastore must at least look like (the component itself is not checked, as in SyncEvolution). */
const ENVELOPE: Readonly<Record<Datastore, RegExp>> = {
  addressbook: /^\s*BEGIN:VCARD\r?\n[\s\S]*END:VCARD\s*$/i,
  calendar: /^\s*BEGIN:VCALENDAR\r?\n[\s\S]*END:VCALENDAR\s*$/i,
  todo: /^\s*BEGIN:VCALENDAR\r?\n[\s\S]*END:VCALENDAR\s*$/i,
};

/** True when the reassembled text matches Size, also when an XML parser turned CRLF into LF. */
function sizeMatches(text: string, size: number | undefined): boolean {
  if (size === undefined) return true;
  const bytes = byteLength(text);
  if (bytes === size) return true;
  const bareLf = (text.match(/(?<!\r)\n/g) ?? []).length;
  return bytes + bareLf === size;
}

function itemStatus(
  ctx: SyncContext,
  cmd: SyncItemCommand,
  luid: string | undefined,
  code: number,
): StatusDraft {
  return {
    kind: 'Status',
    msgRef: ctx.msgId,
    cmdRef: cmd.cmdId,
    cmd: cmd.kind,
    targetRefs: [],
    sourceRefs: luid === undefined ? [] : [luid],
    code,
    items: [],
  };
}

/** Collects chunks; returns the whole text when complete, or a status code to answer now. */
function assemble(
  ctx: SyncContext,
  state: DatastoreState,
  cmd: SyncItemCommand,
  item: Item,
  luid: string,
  text: string,
): string | number {
  const { session } = ctx;
  const kind = cmd.kind === 'Delete' ? 'Replace' : cmd.kind;
  const pending = session.inChunk;
  if (pending !== undefined && (pending.luid !== luid || pending.datastore !== state.datastore))
    session.inChunk = undefined;
  if (item.moreData) {
    if (session.inChunk === undefined) {
      const size = item.meta?.size ?? cmd.meta?.size;
      if (size !== undefined && size > ctx.maxObjSize) return 416;
      session.inChunk = {
        datastore: state.datastore,
        kind,
        luid,
        type: item.meta?.type ?? cmd.meta?.type,
        size,
        parts: [],
      };
    }
    session.inChunk.parts.push(text);
    return byteLength(session.inChunk.parts.join('')) > ctx.maxObjSize ? 413 : 213;
  }
  if (session.inChunk === undefined) return text;
  const whole = session.inChunk.parts.join('') + text;
  const size = session.inChunk.size;
  session.inChunk = undefined;
  return sizeMatches(whole, size) ? whole : 424;
}

function counted(state: DatastoreState, status: StatusDraft): StatusDraft {
  if (status.code >= 200 && status.code < 300 && status.code !== 211) state.counts.fromClient += 1;
  return status;
}

function applyItem(ctx: SyncContext, state: DatastoreState, cmd: SyncItemCommand, item: Item): StatusDraft {
  const luid = item.source?.locUri ?? item.target?.locUri;
  if (luid === undefined) return itemStatus(ctx, cmd, luid, 412);
  if (!MODE_FLOW[state.mode].clientSends) return itemStatus(ctx, cmd, luid, 405);
  const apply: ApplyContext = {
    store: ctx.store,
    deviceId: ctx.session.deviceId,
    state,
    convert: ctx.convert,
    declared: declaredProperties(ctx.session.clientDevInf, state.clientUri),
  };
  if (cmd.kind === 'Delete')
    return counted(state, itemStatus(ctx, cmd, luid, applyClientDelete(apply, luid)));
  const text = item.data?.kind === 'text' ? item.data.text : undefined;
  if (text === undefined) return itemStatus(ctx, cmd, luid, 412);
  const whole = assemble(ctx, state, cmd, item, luid, text);
  if (typeof whole === 'number') return itemStatus(ctx, cmd, luid, whole);
  if (byteLength(whole) > ctx.maxObjSize) return itemStatus(ctx, cmd, luid, 413);
  const mediaType = item.meta?.type ?? cmd.meta?.type;
  if (mediaType !== undefined && knownContentType(state.datastore, mediaType) === undefined)
    return itemStatus(ctx, cmd, luid, 415);
  if (!ENVELOPE[state.datastore].test(whole)) return itemStatus(ctx, cmd, luid, 400);
  const code = applyClientUpsert(apply, {
    luid,
    content: whole,
    mediaType: item.meta?.type ?? cmd.meta?.type,
  });
  return counted(state, itemStatus(ctx, cmd, luid, code));
}

/** Statuses for one Sync: the Sync's own first, then one per item. */
export function handleClientSync(ctx: SyncContext, sync: SyncCommand): StatusDraft[] {
  const targetUri = sync.target?.locUri;
  const datastore = datastoreFromUri(targetUri);
  const state = datastore === undefined ? undefined : ctx.session.datastores.get(datastore);
  const syncStatus: StatusDraft = {
    kind: 'Status',
    msgRef: ctx.msgId,
    cmdRef: sync.cmdId,
    cmd: 'Sync',
    targetRefs: targetUri === undefined ? [] : [targetUri],
    sourceRefs: sync.source === undefined ? [] : [sync.source.locUri],
    code: state === undefined ? 404 : 200,
    items: [],
  };
  const out: StatusDraft[] = [syncStatus];
  for (const cmd of sync.commands) {
    for (const item of cmd.items) {
      if (state === undefined) {
        out.push(itemStatus(ctx, cmd, item.source?.locUri, 404));
        continue;
      }
      try {
        out.push(applyItem(ctx, state, cmd, item));
      } catch (e) {
        if (!(e instanceof CrmError)) throw e;
        out.push(itemStatus(ctx, cmd, item.source?.locUri, 500));
      }
    }
  }
  return out;
}
