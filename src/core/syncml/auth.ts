/**
 * SyncML authentication (../shared/reference/syncml.md §6): syncml:auth-basic and
 * syncml:auth-md5, whose digest is b64(md5(b64(md5("user:password")) + ":" + nonce)) where the
 * nonce is the base64-decoded NextNonce the server last issued to this device.
 */
import { md5 } from 'js-md5';
import { base64Decode, base64Encode, utf8Encode } from './bytes.js';
import type { Cred } from './model.js';

export type AuthScheme = 'basic' | 'md5';

export const AUTH_TYPE = { basic: 'syncml:auth-basic', md5: 'syncml:auth-md5' } as const satisfies Record<
  AuthScheme,
  string
>;

/**
 * Port: where the server's last NextNonce lives between sessions, per server URL and device id
 * (the server keeps one nonce per device, across sessions and failed attempts).
 */
export interface NonceStore {
  get(serverUrl: string, deviceId: string): Promise<string | undefined>;
  set(serverUrl: string, deviceId: string, nonceB64: string): Promise<void>;
}

export function memoryNonceStore(): NonceStore {
  const nonces = new Map<string, string>();
  const key = (url: string, dev: string) => `${url}\u0000${dev}`;
  return {
    get: async (url, dev) => nonces.get(key(url, dev)),
    set: async (url, dev, nonce) => void nonces.set(key(url, dev), nonce),
  };
}

export function basicCredential(user: string, password: string): Cred {
  return {
    meta: { format: 'b64', type: AUTH_TYPE.basic },
    data: base64Encode(utf8Encode(`${user}:${password}`)),
  };
}

/** The md5 digest (base64). A nonce that is not valid base64 is used as its raw bytes. */
export function md5Digest(user: string, password: string, nonceB64: string | undefined): string {
  const inner = base64Encode(md5.array(utf8Encode(`${user}:${password}`)));
  const nonceBytes =
    nonceB64 === undefined ? new Uint8Array() : (base64Decode(nonceB64) ?? utf8Encode(nonceB64));
  const prefix = utf8Encode(`${inner}:`);
  const message = new Uint8Array(prefix.length + nonceBytes.length);
  message.set(prefix, 0);
  message.set(nonceBytes, prefix.length);
  return base64Encode(md5.array(message));
}

export function md5Credential(user: string, password: string, nonceB64: string | undefined): Cred {
  return { meta: { format: 'b64', type: AUTH_TYPE.md5 }, data: md5Digest(user, password, nonceB64) };
}

export function credentialFor(
  scheme: AuthScheme,
  user: string,
  password: string,
  nonceB64: string | undefined,
): Cred {
  return scheme === 'basic' ? basicCredential(user, password) : md5Credential(user, password, nonceB64);
}

export function schemeOfChallenge(type: string | undefined): AuthScheme | undefined {
  if (type === AUTH_TYPE.md5) return 'md5';
  if (type === AUTH_TYPE.basic) return 'basic';
  return undefined;
}
