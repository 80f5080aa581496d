/** What every command gets: parsed flags, output channels, the language's texts, and how to open the mailbox. */
import { bool, num, str, type ParsedArgs } from './args.js';
import { CliError } from './errors.js';
import { graphTokenProvider } from './graph-tokens.js';
import { lockFile } from './lock.js';
import { CLI_TEXTS, type CliLanguage } from './texts.js';
import type { CrmConnection } from './ports.js';
import { openGraphWorkspace, openSandboxWorkspace, type Workspace } from './workspace.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Fires on Ctrl-C / SIGTERM: the run is cancelled and commits nothing. */
  readonly signal?: AbortSignal;
  /** Live progress for a person watching (a terminal); absent for scripts and pipes. */
  readonly progress?: (text: string) => void;
  /** False when no person can answer a sign-in (standard input not a terminal: cron, CI); default true. */
  readonly interactive?: boolean;
  /** `fetch` for the identity platform (sign-in); tests carry it to a loopback server. Default: global fetch. */
  readonly identityFetch?: typeof fetch;
}

export interface CommandContext {
  readonly args: ParsedArgs;
  readonly io: CliIo;
  readonly lang: CliLanguage;
  readonly texts: (typeof CLI_TEXTS)[CliLanguage];
}

export const DEFAULT_STATE_FILE = 'outlook-crm-sync.state.json';

/** `write`: the command will save; it takes the file's lock first (one writer per file). */
export async function openWorkspace(
  ctx: CommandContext,
  options: { create?: boolean; write?: boolean } = {},
): Promise<Workspace> {
  const { args } = ctx;
  if (bool(args, 'graph')) {
    const timeZone = str(args, 'time-zone');
    const statePath = str(args, 'state') ?? DEFAULT_STATE_FILE;
    if (options.write) lockFile(statePath);
    return openGraphWorkspace({
      tokenProvider: await graphTokenProvider(ctx, statePath),
      statePath,
      ...(timeZone ? { timeZone } : {}),
    });
  }
  const path = str(args, 'mailbox');
  if (!path) throw new CliError('MISSING_FLAG', '--mailbox is required', { flag: 'mailbox' });
  if (options.write) lockFile(path);
  const latencyMs = num(args, 'sandbox-latency');
  return openSandboxWorkspace(path, {
    ...(options.create ? { create: true } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
  });
}

export function crmConnection(args: ParsedArgs): CrmConnection {
  const url = str(args, 'crm')!;
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) throw new Error('credentials in URL');
    if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http');
  } catch {
    throw new CliError('BAD_FLAG_VALUE', '--crm needs an http(s) URL without credentials', {
      flag: 'crm',
      reason: 'an http(s) URL without user or password',
    });
  }
  return {
    url,
    user: str(args, 'user')!,
    password: str(args, 'password')!,
    deviceId: str(args, 'device-id')!,
    auth: (str(args, 'auth') ?? 'md5') as CrmConnection['auth'],
  };
}
