/**
 * The transport port (owned by the core, implemented by src/adapters/syncml-http) and the one
 * check every reply passes before the codec sees it.
 */
import { SyncMLError } from './errors.js';

/** The part of AbortSignal the core needs (the core's lib has no DOM types). */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface TransportReply {
  /** The body as text (UTF-8 decoded). */
  readonly body: string;
  /**
   * The body's bytes, when the transport has them. Preferred by the session: a server may cut a
   * large object inside a UTF-8 character, which text decoding of one message cannot repair.
   */
  readonly bytes?: Uint8Array;
  readonly status: number;
  readonly contentType: string;
}

export interface SyncMLTransport {
  /** POSTs one SyncML message; rejects with SyncMLError (UNREACHABLE, TIMEOUT, CANCELLED) when no reply came. */
  send(body: string, url: string, signal?: CancelSignal): Promise<TransportReply>;
}

/** HTTP 200 with a SyncML body, or a typed error (SyncEvolution answers an unknown device with HTTP 500 + HTML). */
export function assertSyncMLReply(reply: TransportReply): void {
  const looksHtml = /^\s*(<!doctype html|<html)/i.test(reply.body) || /text\/html/i.test(reply.contentType);
  if (reply.status !== 200) {
    throw new SyncMLError('HTTP_STATUS', `the server answered HTTP ${reply.status}`, {
      httpStatus: reply.status,
      html: looksHtml,
      contentType: reply.contentType,
    });
  }
  const syncmlType = /vnd\.syncml/i.test(reply.contentType);
  if (looksHtml || (!syncmlType && !/<SyncML[\s>]/.test(reply.body))) {
    throw new SyncMLError('NOT_SYNCML', 'the reply is not a SyncML message', {
      contentType: reply.contentType,
      html: looksHtml,
    });
  }
}

export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw new SyncMLError('CANCELLED', 'the sync was cancelled', {});
}
