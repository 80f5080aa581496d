/**
 * SyncML authentication as SyncEvolution's server does it (../shared/syncml-peer/README.md,
 * traces/f-raw-auth-probes): accepts syncml:auth-basic and syncml:auth-md5, always challenges
 * with md5 and a fresh per-device nonce (stored, so it survives sessions and restarts):
 * 212 + Chal when accepted, 401 + Chal for a wrong password or nonce, 407 + Chal when Cred is
 * missing or md5 comes without LocName.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { md5Digest } from '../../../core/syncml/auth.js';
import type { Chal, SyncHdr } from '../../../core/syncml/index.js';
import type { CrmStore } from '../store/crm-store.js';

/** user → password; null switches authentication off (SyncHdr status 200, no challenge). */
export type CrmUsers = Readonly<Record<string, string>> | null;

export type AuthOutcome =
  | { readonly ok: true; readonly code: 200 | 212; readonly user: string | undefined; readonly chal?: Chal }
  | { readonly ok: false; readonly code: 401 | 407; readonly chal: Chal; readonly reason: AuthFailureReason };

export type AuthFailureReason =
  'missing-cred' | 'missing-locname' | 'unknown-user' | 'wrong-password' | 'unsupported-type';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Issues and stores the next nonce for a device; returns the challenge that carries it. */
function challenge(store: CrmStore, deviceId: string): Chal {
  const nonce = randomBytes(8).toString('base64');
  store.setNonce(deviceId, nonce);
  return { meta: { format: 'b64', type: 'syncml:auth-md5', nextNonce: nonce } };
}

function checkCred(
  header: SyncHdr,
  users: Readonly<Record<string, string>>,
  storedNonce: string,
): AuthFailureReason | { user: string } {
  const cred = header.cred;
  if (cred === undefined) return 'missing-cred';
  const type = cred.meta?.type ?? 'syncml:auth-basic';
  if (type === 'syncml:auth-basic') {
    const decoded = Buffer.from(cred.data, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon < 0 ? decoded : decoded.slice(0, colon);
    const password = users[user];
    if (password === undefined) return 'unknown-user';
    return sameText(decoded.slice(colon + 1), password) && colon >= 0 ? { user } : 'wrong-password';
  }
  if (type === 'syncml:auth-md5') {
    const user = header.source.locName;
    if (user === undefined || user === '') return 'missing-locname';
    const password = users[user];
    if (password === undefined) return 'unknown-user';
    return sameText(cred.data, md5Digest(user, password, storedNonce)) ? { user } : 'wrong-password';
  }
  return 'unsupported-type';
}

export function authenticate(store: CrmStore, users: CrmUsers, header: SyncHdr): AuthOutcome {
  const deviceId = header.source.locUri;
  if (users === null) return { ok: true, code: 200, user: header.source.locName };
  const result = checkCred(header, users, store.getNonce(deviceId) ?? '');
  const chal = challenge(store, deviceId);
  if (typeof result !== 'string') return { ok: true, code: 212, user: result.user, chal };
  const code = result === 'missing-cred' || result === 'missing-locname' ? 407 : 401;
  return { ok: false, code, chal, reason: result };
}
