/**
 * Where a CLI command works: a Graph client for the mailbox and the add-in settings (docs/decisions/0090).
 * - Sandbox mailbox file (default): the Graph emulator in this process over the file's mailbox; the settings
 *   live in the same file, and `save()` writes both with one atomic rename (temporary file, then rename).
 * - Real Graph (`--graph`): tokens from a device-code sign-in or an environment variable (context.ts decides);
 *   the settings in a local state file.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GraphClient, type TokenProvider } from '../adapters/graph/index.js';
import { ianaFromZoneName } from '../core/formats/index.js';
import { GraphEmulatorControl } from '../sandbox/graph/control.js';
import { MailboxStore } from '../sandbox/graph/store/mailbox-store.js';
import { emulatorFetch } from './emulator-fetch.js';
import { CliError } from './errors.js';
import { emptySettings, parseSettings, type AddinSettings } from './settings.js';

export interface Workspace {
  readonly client: GraphClient;
  readonly settings: AddinSettings;
  /** IANA zone of the mailbox: floating times and all-day items are meant in it. */
  readonly timeZone: string;
  readonly owner?: { readonly email: string; readonly name?: string };
  /** The mailbox's country for phone numbers (from its language, e.g. de-DE → DE). */
  readonly country: string;
  /** Makes Outlook's items and the settings durable (sandbox: one atomic file write). */
  save(): void;
}

export interface SandboxOptions {
  /** Create an empty mailbox when the file does not exist (mailbox import). */
  readonly create?: boolean;
  /** Delay of every emulated Graph request, ms (rehearsing slow mailboxes). */
  readonly latencyMs?: number;
}

/**
 * Writes to a temporary file beside the target and renames it: a crash never leaves half a file. `mode` (e.g.
 * 0o600 for the token cache) is set before the rename, so the target is never readable by others, not even briefly.
 */
export function writeFileAtomically(path: string, text: string, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, mode === undefined ? {} : { mode });
  // A temporary file left by a crashed run keeps its old mode through writeFileSync: set it explicitly.
  if (mode !== undefined) chmodSync(temporary, mode);
  renameSync(temporary, path);
}

function readJson(path: string, what: 'mailbox' | 'state'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `cannot read the ${what} file`,
      {
        path,
        cause: code,
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(
      what === 'mailbox' ? 'MAILBOX_INVALID' : 'STATE_INVALID',
      `the ${what} file is not JSON`,
      {
        path,
      },
    );
  }
}

function countryOf(language: string | undefined): string {
  const region = /^[a-z]{2,3}[-_]([A-Z]{2})/i.exec(language ?? '')?.[1];
  return (region ?? 'DE').toUpperCase();
}

export function openSandboxWorkspace(path: string, options: SandboxOptions = {}): Workspace {
  let store: MailboxStore;
  let settings: AddinSettings;
  if (!existsSync(path) && options.create) {
    store = new MailboxStore();
    settings = emptySettings();
  } else {
    const json = readJson(path, 'mailbox') as { addinSettings?: unknown } | null;
    try {
      store = MailboxStore.fromJSON(json);
    } catch (e) {
      throw new CliError('MAILBOX_INVALID', 'not a sandbox mailbox file', {
        path,
        cause: (e as Error).message,
      });
    }
    settings = parseSettings(json?.addinSettings, path);
  }
  const control = new GraphEmulatorControl({ faults: { latencyMs: options.latencyMs ?? 0 } });
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    fetch: emulatorFetch(store, control),
  });
  const user = store.user;
  return {
    client,
    settings,
    timeZone: ianaFromZoneName(user.timeZone) ?? 'UTC',
    owner: { email: user.mail, name: user.displayName },
    country: countryOf(user.preferredLanguage),
    save: () =>
      writeFileAtomically(path, JSON.stringify({ ...store.toJSON(), addinSettings: settings }) + '\n'),
  };
}

export interface GraphOptions {
  /** Asked before every Graph request (and again after a 401), so a long run outlives one access token. */
  readonly tokenProvider: TokenProvider;
  readonly statePath: string;
  readonly timeZone?: string;
}

export async function openGraphWorkspace(options: GraphOptions): Promise<Workspace> {
  const settings = existsSync(options.statePath)
    ? parseSettings(readJson(options.statePath, 'state'), options.statePath)
    : emptySettings();
  const client = new GraphClient({ tokenProvider: options.tokenProvider });
  const me = await client.get<{
    mail?: string;
    userPrincipalName?: string;
    displayName?: string;
    preferredLanguage?: string;
  }>('/me');
  const email = me.mail ?? me.userPrincipalName ?? '';
  return {
    client,
    settings,
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    owner: { email, ...(me.displayName ? { name: me.displayName } : {}) },
    country: countryOf(me.preferredLanguage),
    save: () => writeFileAtomically(options.statePath, JSON.stringify(settings) + '\n'),
  };
}
