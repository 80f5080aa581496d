/**
 * Device-code sign-in to Microsoft Graph for the CLI (docs/decisions/0160). Loaded only for `--graph` without
 * `--token-env` (a dynamic import in context.ts), so sandbox runs never load msal-node.
 *
 * A saved sign-in (the token cache file) is tried first; only when it is missing or no longer usable does a
 * person get a URL and a code on stderr, and only when someone can answer (`interactive`). Every Graph request
 * then asks acquireTokenSilent, which answers from the cache or redeems the refresh token.
 */
import {
  InteractionRequiredAuthError,
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type DeviceCodeRequest,
} from '@azure/msal-node';
import type { TokenProvider } from '../../adapters/graph/index.js';
import { CliError } from '../errors.js';
import { fetchNetworkModule } from './fetch-network.js';
import { tokenCacheFile } from './token-cache-file.js';

export interface DeviceCodeSignInOptions {
  /** The add-in's app registration (public client flows allowed). */
  readonly clientId: string;
  /** Tenant id or domain, or `organizations`. */
  readonly tenant: string;
  readonly cacheFile: string;
  /** False for scheduled runs: fail with SIGN_IN_REQUIRED instead of waiting for a person. */
  readonly interactive: boolean;
  readonly scopes: readonly string[];
  /** All traffic to the identity platform goes through it. */
  readonly fetch: typeof fetch;
  /** Tells the person where to sign in (stderr, in the CLI's language). */
  readonly showDeviceCode: (url: string, code: string, minutes: number) => void;
  readonly signedIn: (who: string) => void;
  readonly signal?: AbortSignal;
}

export const AUTHORITY_HOST = 'https://login.microsoftonline.com';

/**
 * The saved sign-in is used up: MSAL says interaction is required, or Entra ID refuses the refresh token
 * (`invalid_grant`: revoked, expired after inactivity, password changed). A person must sign in again.
 */
function needsNewSignIn(e: unknown): boolean {
  return (
    e instanceof InteractionRequiredAuthError ||
    (e as { errorCode?: string } | null)?.errorCode === 'invalid_grant'
  );
}

/** An MSAL failure as a CliError naming the reason the identity platform (or MSAL) gave. */
function signInError(e: unknown, cacheFile: string): CliError {
  if (e instanceof CliError) return e;
  const failure = e as { errorCode?: string; errorMessage?: string } | null;
  const code = failure?.errorCode || 'unknown';
  if (code === 'device_code_polling_cancelled') return new CliError('RUN_CANCELLED', 'sign-in cancelled');
  if (needsNewSignIn(e)) {
    return new CliError('SIGN_IN_REQUIRED', 'the saved sign-in is no longer valid', {
      reason: code,
      cache: cacheFile,
    });
  }
  // A failed device-code poll carries the server's OAuth error (authorization_declined, expired_token) as message.
  const serverError = code === 'post_request_failed' ? failure?.errorMessage : undefined;
  const reason = serverError && /^[a-z_]+$/.test(serverError) ? serverError : code;
  return new CliError('SIGN_IN_FAILED', 'sign-in failed', { reason });
}

function createApp(options: DeviceCodeSignInOptions): PublicClientApplication {
  return new PublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority: `${AUTHORITY_HOST}/${encodeURIComponent(options.tenant)}`,
    },
    cache: { cachePlugin: tokenCacheFile(options.cacheFile) },
    system: {
      networkClient: fetchNetworkModule(options.fetch),
      // Silent: MSAL's log lines could carry personal data, and the CLI's output is one line per failure.
      loggerOptions: { loggerCallback: () => undefined, logLevel: LogLevel.Error, piiLoggingEnabled: false },
    },
  });
}

/** The saved account if its tokens still work (refreshing them if needed), or why not. */
async function savedAccount(
  app: PublicClientApplication,
  scopes: string[],
): Promise<{ account: AccountInfo } | { reason: string }> {
  const [account] = await app.getTokenCache().getAllAccounts();
  if (!account) return { reason: 'no_saved_sign_in' };
  try {
    await app.acquireTokenSilent({ account, scopes });
    return { account };
  } catch (e) {
    if (needsNewSignIn(e))
      return { reason: (e as { errorCode?: string }).errorCode || 'interaction_required' };
    throw e;
  }
}

async function deviceCodeAccount(
  app: PublicClientApplication,
  scopes: string[],
  options: DeviceCodeSignInOptions,
): Promise<AccountInfo> {
  const request: DeviceCodeRequest = {
    scopes,
    deviceCodeCallback: (r) =>
      options.showDeviceCode(r.verificationUri, r.userCode, Math.round(r.expiresIn / 60)),
  };
  // MSAL checks `cancel` before each poll; Ctrl-C stops the wait for the person.
  options.signal?.addEventListener('abort', () => (request.cancel = true), { once: true });
  const result = await app.acquireTokenByDeviceCode(request);
  if (!result?.account)
    throw new CliError('SIGN_IN_FAILED', 'no account in the answer', { reason: 'no_account' });
  return result.account;
}

export async function signInWithDeviceCode(options: DeviceCodeSignInOptions): Promise<TokenProvider> {
  const app = createApp(options);
  const scopes = [...options.scopes];
  let account: AccountInfo;
  try {
    const saved = await savedAccount(app, scopes);
    if ('account' in saved) account = saved.account;
    else if (!options.interactive) {
      throw new CliError('SIGN_IN_REQUIRED', 'no usable saved sign-in', {
        reason: saved.reason,
        cache: options.cacheFile,
      });
    } else {
      account = await deviceCodeAccount(app, scopes, options);
      options.signedIn(account.username);
    }
  } catch (e) {
    throw signInError(e, options.cacheFile);
  }
  return {
    getToken: async (requested) => {
      try {
        return (await app.acquireTokenSilent({ account, scopes: [...requested] })).accessToken;
      } catch (e) {
        throw signInError(e, options.cacheFile);
      }
    },
  };
}
