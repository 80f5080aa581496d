/**
 * Flag parsing from a per-command table (commands.ts): `--name value`, `--name=value`, repeatable lists,
 * booleans, numbers; unknown flags and missing values are usage errors (exit 2) naming the flag.
 */
import { CliError } from './errors.js';

export type FlagType = 'string' | 'number' | 'boolean' | 'list';

export interface FlagSpec {
  readonly name: string;
  readonly type: FlagType;
  /** Placeholder in the help text, e.g. FILE. */
  readonly value?: string;
  readonly required?: boolean;
  /** Environment variable read when the flag is absent (the password: never in argv if avoidable). */
  readonly env?: string;
  /** Allowed values. */
  readonly choices?: readonly string[];
}

export type FlagValue = string | number | boolean | readonly string[];

export interface ParsedArgs {
  readonly flags: Readonly<Record<string, FlagValue | undefined>>;
  readonly positional: readonly string[];
}

function convert(spec: FlagSpec, raw: string): string | number {
  if (spec.choices && !spec.choices.includes(raw)) {
    throw new CliError('BAD_FLAG_VALUE', `--${spec.name} must be one of ${spec.choices.join(', ')}`, {
      flag: spec.name,
    });
  }
  if (spec.type !== 'number') return raw;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) {
    throw new CliError('BAD_FLAG_VALUE', `--${spec.name} needs a number`, { flag: spec.name });
  }
  return n;
}

export function parseFlags(
  specs: readonly FlagSpec[],
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const flags: Record<string, FlagValue | undefined> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) throw new CliError('UNKNOWN_FLAG', `unknown flag --${name}`, { flag: name });
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new CliError('BAD_FLAG_VALUE', `--${name} takes no value`, { flag: name });
      flags[name] = true;
      continue;
    }
    const raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (raw === undefined || (eq < 0 && raw.startsWith('--'))) {
      throw new CliError('BAD_FLAG_VALUE', `--${name} needs a value`, { flag: name });
    }
    if (spec.type === 'list') flags[name] = [...((flags[name] as string[] | undefined) ?? []), raw];
    else flags[name] = convert(spec, raw);
  }
  for (const spec of specs) {
    const fromEnv = spec.env ? env[spec.env] : undefined;
    if (flags[spec.name] === undefined && fromEnv) flags[spec.name] = convert(spec, fromEnv);
    if (spec.required && flags[spec.name] === undefined) {
      throw new CliError('MISSING_FLAG', `--${spec.name} is required`, { flag: spec.name });
    }
  }
  return { flags, positional };
}

export const str = (a: ParsedArgs, name: string) => a.flags[name] as string | undefined;
export const num = (a: ParsedArgs, name: string) => a.flags[name] as number | undefined;
export const bool = (a: ParsedArgs, name: string) => a.flags[name] === true;
export const list = (a: ParsedArgs, name: string) => (a.flags[name] as readonly string[] | undefined) ?? [];
