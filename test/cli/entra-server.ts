/**
 * A stand-in for the Microsoft identity platform's device-code and token endpoints (the ones msal-node calls
 * for login.microsoftonline.com; its discovery metadata for that host is built in). It really listens on
 * 127.0.0.1; `identityFetch` carries the CLI's https://login.microsoftonline.com/… requests to it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const USER_CODE = 'KXQ7-PL2M';
export const VERIFICATION_URL = 'https://microsoft.com/devicelogin';
export const USERNAME = 'ada@contoso.example';
const TENANT_ID = '6f1d0c2e-2f4b-4e57-9d1a-0c4b1e8f3a21';
const USER_OID = '2b7c9e41-8d3a-4f0b-a6c5-91e2d4f7b308';

export type PollAnswer = 'authorization_pending' | 'authorization_declined' | 'expired_token';

export interface EntraRequest {
  readonly path: string;
  /** `device_code` or `refresh_token` for token requests. */
  readonly grant?: string;
}

export interface EntraServer {
  readonly requests: EntraRequest[];
  /** Every access token and refresh token handed out, newest last (the tests look for them in the output). */
  readonly issued: string[];
  readonly accessTokens: string[];
  /** Answers to the next device-code polls, in order; when empty, the person has signed in. */
  pollAnswers: PollAnswer[];
  /** Entra ID forgets every refresh token (revoked, or expired after 90 days without use). */
  revokeRefreshTokens(): void;
  readonly identityFetch: typeof fetch;
  close(): Promise<void>;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function idToken(clientId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: 'Ada Lovelace',
    oid: USER_OID,
    preferred_username: USERNAME,
    sub: 'device-code-test-subject',
    tid: TENANT_ID,
    ver: '2.0',
  };
  // MSAL reads the claims and does not check the signature (that is the token service's promise to it).
  return `${b64url({ typ: 'JWT', alg: 'RS256', kid: 'test' })}.${b64url(claims)}.c2lnbmF0dXJl`;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startEntraServer(): Promise<EntraServer> {
  const requests: EntraRequest[] = [];
  const issued: string[] = [];
  const accessTokens: string[] = [];
  const refreshTokens = new Set<string>();
  const deviceCodes = new Set<string>();
  const state = { pollAnswers: [] as PollAnswer[] };

  // Access tokens live 60 s: MSAL renews those within 5 minutes of expiry, so every silent call refreshes.
  const tokens = (form: URLSearchParams) => {
    const access = `at-${randomBytes(12).toString('hex')}`;
    const refresh = `rt-${randomBytes(12).toString('hex')}`;
    issued.push(access, refresh);
    accessTokens.push(access);
    refreshTokens.add(refresh);
    const scopes = (form.get('scope') ?? '')
      .split(' ')
      .filter((s) => !['openid', 'profile', 'offline_access'].includes(s));
    return {
      token_type: 'Bearer',
      scope: scopes.join(' '),
      expires_in: 60,
      ext_expires_in: 60,
      access_token: access,
      refresh_token: refresh,
      id_token: idToken(form.get('client_id') ?? ''),
      client_info: b64url({ uid: USER_OID, utid: TENANT_ID }),
    };
  };
  const oauthError = (res: ServerResponse, error: string) =>
    send(res, 400, { error, error_description: `${error} (device-code test server)`, error_codes: [70000] });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void formOf(req).then((form) => {
      const grant = form.get('grant_type')?.replace('urn:ietf:params:oauth:grant-type:', '');
      requests.push({ path: url.pathname, ...(grant ? { grant } : {}) });
      if (req.method === 'POST' && url.pathname.endsWith('/oauth2/v2.0/devicecode')) {
        const deviceCode = `dc-${randomBytes(8).toString('hex')}`;
        deviceCodes.add(deviceCode);
        return send(res, 200, {
          user_code: USER_CODE,
          device_code: deviceCode,
          verification_uri: VERIFICATION_URL,
          expires_in: 900,
          interval: 1,
          message: `To sign in, use a web browser to open the page ${VERIFICATION_URL} and enter the code ${USER_CODE} to authenticate.`,
        });
      }
      if (req.method === 'POST' && url.pathname.endsWith('/oauth2/v2.0/token')) {
        if (grant === 'device_code') {
          if (!deviceCodes.has(form.get('device_code') ?? ''))
            return oauthError(res, 'bad_verification_code');
          const answer = state.pollAnswers.shift();
          return answer ? oauthError(res, answer) : send(res, 200, tokens(form));
        }
        if (grant === 'refresh_token') {
          return refreshTokens.delete(form.get('refresh_token') ?? '')
            ? send(res, 200, tokens(form))
            : oauthError(res, 'invalid_grant');
        }
        return oauthError(res, 'unsupported_grant_type');
      }
      send(res, 404, { error: 'not_found', error_description: `${req.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    requests,
    issued,
    accessTokens,
    get pollAnswers() {
      return state.pollAnswers;
    },
    set pollAnswers(answers) {
      state.pollAnswers = answers;
    },
    revokeRefreshTokens: () => refreshTokens.clear(),
    identityFetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.origin !== 'https://login.microsoftonline.com') {
        return Promise.reject(new TypeError(`not the identity platform: ${url.origin}`));
      }
      return fetch(`${base}${url.pathname}${url.search}`, init);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
