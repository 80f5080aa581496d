/**
 * MSAL's token cache in a file beside the state file (docs/decisions/0160): one interactive sign-in, then
 * scheduled runs refresh silently. The file holds a refresh token, so it is written with mode 0600.
 */
import { readFileSync } from 'node:fs';
import type { ICachePlugin } from '@azure/msal-node';
import { CliError } from '../errors.js';
import { writeFileAtomically } from '../workspace.js';

/** `office.state.json` → `office.state.token-cache.json`, in the same folder (one sign-in per state file). */
export function tokenCachePath(statePath: string): string {
  return `${statePath.replace(/\.json$/i, '')}.token-cache.json`;
}

function readCacheText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new CliError('FILE_UNREADABLE', 'cannot read the token cache', { path, cause: code });
  }
}

/**
 * msal-node empties its memory before each silent call and expects the plugin to load the cache again, so the
 * file is read on every access (a few kB); a concurrent run's refreshed tokens are seen that way too.
 */
export function tokenCacheFile(path: string): ICachePlugin {
  return {
    beforeCacheAccess: async (context) => {
      const text = readCacheText(path);
      if (text === undefined) return;
      try {
        context.tokenCache.deserialize(text);
      } catch {
        throw new CliError('STATE_INVALID', 'the token cache is not readable', { where: path });
      }
    },
    afterCacheAccess: async (context) => {
      if (context.cacheHasChanged) writeFileAtomically(path, context.tokenCache.serialize(), 0o600);
    },
  };
}
