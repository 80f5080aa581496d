/**
 * checkConnection: the pane's "Check connection" button. One package-1 exchange with DevInf
 * only (no Alert, so no datastore state moves on the server), classified for the user.
 */
import { credentialFor, type AuthScheme, type NonceStore } from './auth.js';
import { parseMessage } from './codec/parse.js';
import { serializeMessage } from './codec/serialize.js';
import { ourDevInfFor } from './devinf/ours.js';
import type { DevInf } from './devinf/types.js';
import { SyncMLError } from './errors.js';
import { DEVINF_TYPE, DEVINF_URI, type StatusCommand, type SyncMLMessage } from './model.js';
import { freshSessionId } from './run.js';
import { assertSyncMLReply, type CancelSignal, type SyncMLTransport } from './transport.js';

export type ConnectionCheck =
  | { readonly kind: 'ok'; readonly serverDatastores: readonly string[]; readonly serverDevInf?: DevInf }
  | {
      readonly kind: 'unreachable' | 'wrong-password' | 'unknown-device' | 'not-syncml' | 'server-error';
      readonly error: SyncMLError;
    };

export interface CheckConnectionOptions {
  readonly transport: SyncMLTransport;
  readonly serverUrl: string;
  readonly user: string;
  readonly password: string;
  readonly auth: AuthScheme;
  readonly deviceId: string;
  readonly nonceStore: NonceStore;
  readonly signal?: CancelSignal;
}

export async function checkConnection(o: CheckConnectionOptions): Promise<ConnectionCheck> {
  try {
    let nonce = await o.nonceStore.get(o.serverUrl, o.deviceId);
    const sessionId = freshSessionId();
    for (let attempt = 1; ; attempt++) {
      const reply = await exchange(o, sessionId, attempt, nonce);
      const hdr = reply.body.find((c): c is StatusCommand => c.kind === 'Status' && c.cmdRef === '0');
      const newNonce = hdr?.chal?.meta.nextNonce;
      if (newNonce !== undefined) {
        await o.nonceStore.set(o.serverUrl, o.deviceId, newNonce);
        nonce = newNonce;
      }
      const code = hdr?.code ?? 0;
      if (code === 200 || code === 212) return okResult(reply);
      if ((code === 401 || code === 407) && o.auth === 'md5' && newNonce !== undefined && attempt < 3)
        continue;
      const error = new SyncMLError(
        code === 401 || code === 407 ? 'AUTH_FAILED' : 'SERVER_ERROR',
        `SyncHdr status ${code}`,
        { status: code },
      );
      return { kind: code === 401 || code === 407 ? 'wrong-password' : 'server-error', error };
    }
  } catch (e) {
    if (!(e instanceof SyncMLError)) throw e;
    return { kind: classify(e), error: e };
  }
}

async function exchange(
  o: CheckConnectionOptions,
  sessionId: string,
  msgId: number,
  nonce: string | undefined,
): Promise<SyncMLMessage> {
  const msg: SyncMLMessage = {
    header: {
      verDTD: '1.2',
      verProto: 'SyncML/1.2',
      sessionId,
      msgId: String(msgId),
      target: { locUri: o.serverUrl },
      source: { locUri: o.deviceId, locName: o.user },
      cred: credentialFor(o.auth, o.user, o.password, nonce),
      meta: { maxMsgSize: 150_000 },
    },
    body: [
      {
        kind: 'Put',
        cmdId: '1',
        meta: { type: DEVINF_TYPE },
        items: [
          { source: { locUri: DEVINF_URI }, data: { kind: 'devinf', devInf: ourDevInfFor(o.deviceId) } },
        ],
      },
      { kind: 'Get', cmdId: '2', meta: { type: DEVINF_TYPE }, items: [{ target: { locUri: DEVINF_URI } }] },
    ],
    final: true,
  };
  let reply;
  try {
    reply = await o.transport.send(serializeMessage(msg), o.serverUrl, o.signal);
  } catch (e) {
    if (e instanceof SyncMLError) throw e;
    throw new SyncMLError('UNREACHABLE', e instanceof Error ? e.message : String(e), { url: o.serverUrl });
  }
  assertSyncMLReply(reply);
  return parseMessage(reply.body);
}

function okResult(reply: SyncMLMessage): ConnectionCheck {
  const devInf = reply.body
    .flatMap((c) => (c.kind === 'Results' || c.kind === 'Put' ? c.items : []))
    .find((i) => i.data?.kind === 'devinf')?.data;
  const serverDevInf = devInf?.kind === 'devinf' ? devInf.devInf : undefined;
  return {
    kind: 'ok',
    serverDatastores: serverDevInf?.dataStores.map((d) => d.sourceRef.replace(/^\.\//, '')) ?? [],
    ...(serverDevInf ? { serverDevInf } : {}),
  };
}

function classify(e: SyncMLError): Exclude<ConnectionCheck['kind'], 'ok'> {
  switch (e.code) {
    case 'UNREACHABLE':
    case 'TIMEOUT':
    case 'CANCELLED':
      return 'unreachable';
    case 'HTTP_STATUS':
      // SyncEvolution answers an unknown device id with HTTP 500 and an HTML page.
      return e.details.httpStatus === 500 && e.details.html ? 'unknown-device' : 'server-error';
    case 'AUTH_FAILED':
    case 'AUTH_REQUIRED':
      return 'wrong-password';
    case 'NOT_SYNCML':
    case 'MALFORMED_XML':
    case 'UNSUPPORTED_VERSION':
      return 'not-syncml';
    default:
      return 'server-error';
  }
}
