/**
 * The server's Add/Replace/Delete items of package 4: joined across MoreData chunks (as bytes
 * when the reply came as bytes, decision 0031), checked against Meta Size and our MaxObjSize,
 * kept with the command they came in, so the statuses can follow once the caller decided.
 */
import { utf8DecodeBinary, utf8Length } from '../bytes.js';
import { STATUS } from '../codes.js';
import { SyncMLError } from '../errors.js';
import type { SyncItemCommand } from '../model.js';
import { owe, type SessionDraft, type StoreDraft } from './draft.js';
import type { ChangeOp, IncomingPartial, ServerChange } from './types.js';

export function applyServerItems(d: SessionDraft, s: StoreDraft, cmd: SyncItemCommand, msgRef: string): void {
  const op = cmd.kind.toLowerCase() as ChangeOp;
  const indexes: number[] = [];
  let chunkPending = false;
  for (const item of cmd.items) {
    const contentType = item.meta?.type ?? cmd.meta?.type;
    const guid = item.source?.locUri;
    const luid = item.target?.locUri;
    const data = item.data?.kind === 'text' ? item.data : undefined;
    const piece: IncomingPartial = joinPiece(s.partial, {
      op,
      guid,
      luid,
      contentType,
      size: item.meta?.size ?? cmd.meta?.size,
      text: data?.binary ?? data?.text ?? '',
      binary: data?.binary !== undefined,
    });
    checkObjectSize(d, piece);
    if (item.moreData) {
      s.partial = piece;
      chunkPending = true;
      continue;
    }
    s.partial = undefined;
    if (piece.size !== undefined) checkJoinedSize(piece);
    const change: ServerChange = {
      op,
      ...(piece.guid !== undefined ? { guid: piece.guid } : {}),
      ...(piece.luid !== undefined ? { luid: piece.luid } : {}),
      ...(op !== 'delete' && (data !== undefined || piece.text)
        ? { data: piece.binary ? utf8DecodeBinary(piece.text) : piece.text }
        : {}),
      ...(piece.contentType !== undefined ? { contentType: piece.contentType } : {}),
    };
    indexes.push(s.incoming.length);
    s.incoming.push(change);
  }
  const refs = {
    targetRefs: cmd.items.flatMap((i) => (i.target ? [i.target.locUri] : [])),
    sourceRefs: cmd.items.flatMap((i) => (i.source ? [i.source.locUri] : [])),
  };
  if (chunkPending && !cmd.noResp)
    owe(d, { msgRef, cmdRef: cmd.cmdId, cmd: cmd.kind, ...refs, code: STATUS.CHUNK_ACCEPTED, items: [] });
  if (indexes.length > 0) {
    s.pendingCommands.push({
      msgRef,
      cmdRef: cmd.cmdId,
      cmd: cmd.kind,
      ...refs,
      changeIndexes: indexes,
      ...(cmd.noResp ? { noResp: true } : {}),
    });
  }
}

/** Appends a chunk to the item in progress; a chunk of another item means the last one never ended. */
function joinPiece(partial: IncomingPartial | undefined, next: IncomingPartial): IncomingPartial {
  if (!partial) return next;
  const sameItem =
    partial.op === next.op &&
    (partial.guid ?? partial.luid) === (next.guid ?? next.luid) &&
    partial.binary === next.binary;
  if (!sameItem) {
    throw new SyncMLError(
      'CHUNK_INTERRUPTED',
      `item ${partial.guid ?? partial.luid ?? '?'} ended before its last chunk`,
      {
        item: partial.guid ?? partial.luid,
      },
    );
  }
  return { ...partial, text: partial.text + next.text };
}

function byteLength(piece: IncomingPartial): number {
  return piece.binary ? piece.text.length : utf8Length(piece.text);
}

function checkObjectSize(d: SessionDraft, piece: IncomingPartial): void {
  const limit = d.config.maxObjSize;
  const declared = piece.size ?? 0;
  if (declared > limit || byteLength(piece) > limit) {
    throw new SyncMLError(
      'ITEM_TOO_LARGE',
      `item ${piece.guid ?? piece.luid ?? '?'} is larger than our MaxObjSize ${limit}`,
      {
        item: piece.guid ?? piece.luid,
        size: Math.max(declared, byteLength(piece)),
        maxObjSize: limit,
      },
    );
  }
}

/**
 * Size counts UTF-8 bytes as sent. Line ends are where peers disagree: a parser that dropped
 * CRs gives fewer bytes (§5.3), and SyncEvolution announced an iCalendar item 12 bytes shorter
 * than the CR LF text it sent (interop). Any size between "every line end one byte" and "every
 * line end two bytes" is accepted; anything else means a chunk was lost.
 */
function checkJoinedSize(piece: IncomingPartial): void {
  const bytes = byteLength(piece);
  const crs = (piece.text.match(/\r/g) ?? []).length;
  const loneLf = (piece.text.match(/(?<!\r)\n/g) ?? []).length;
  const size = piece.size ?? bytes;
  if (size >= bytes - crs && size <= bytes + loneLf) return;
  throw new SyncMLError(
    'CHUNK_SIZE_MISMATCH',
    `item ${piece.guid ?? piece.luid ?? '?'} has ${bytes} bytes, Meta Size said ${piece.size}`,
    {
      item: piece.guid ?? piece.luid,
      bytes,
      size: piece.size,
    },
  );
}
