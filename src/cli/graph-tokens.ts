/**
 * Where `--graph` gets its access tokens: a ready token from an environment variable (`--token-env`: CI,
 * app-only tokens), or a device-code sign-in kept in a token cache beside the state file (docs/decisions/0160).
 */
import { GRAPH_SCOPES, type TokenProvider } from '../adapters/graph/index.js';
import { bool, str } from './args.js';
import type { CommandContext } from './context.js';
import { CliError } from './errors.js';
import { tokenCachePath } from './sign-in/token-cache-file.js';

/** A tenant id (GUID), a domain, or one of the identity platform's aliases (organizations, common). */
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

function tokenFromEnvironment(ctx: CommandContext, name: string): TokenProvider {
  const token = ctx.io.env[name];
  if (!token) throw new CliError('MISSING_FLAG', 'the token variable is empty', { env: name });
  return { getToken: async () => token };
}

export async function graphTokenProvider(ctx: CommandContext, statePath: string): Promise<TokenProvider> {
  const { args, io, texts } = ctx;
  const tokenEnv = str(args, 'token-env');
  if (tokenEnv) return tokenFromEnvironment(ctx, tokenEnv);
  const clientId = str(args, 'client-id');
  if (!clientId) {
    throw new CliError('MISSING_FLAG', '--client-id or --token-env is required with --graph', {
      flag: 'client-id',
      orEnv: 'ADDIN_CLIENT_ID',
    });
  }
  const tenant = str(args, 'tenant') ?? 'organizations';
  if (!TENANT.test(tenant)) {
    throw new CliError('BAD_FLAG_VALUE', '--tenant needs a tenant id or domain', {
      flag: 'tenant',
      reason: 'a tenant id or domain',
    });
  }
  const cacheFile = tokenCachePath(statePath);
  // Loaded here and only here: sandbox runs and --token-env never load msal-node.
  const { signInWithDeviceCode } = await import('./sign-in/device-code.js');
  return signInWithDeviceCode({
    clientId,
    tenant,
    cacheFile,
    interactive: io.interactive !== false && !bool(args, 'no-interactive'),
    scopes: GRAPH_SCOPES,
    fetch: io.identityFetch ?? ((input, init) => fetch(input, init)),
    showDeviceCode: (url, code, minutes) => io.stderr(texts.signIn.deviceCode(url, code, minutes)),
    signedIn: (who) => io.stderr(texts.signIn.signedIn(who, cacheFile)),
    ...(io.signal ? { signal: io.signal } : {}),
  });
}
