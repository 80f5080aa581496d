import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from '../../src/cli/args.js';
import { COMMANDS, type CommandName } from '../../src/cli/commands.js';
import { CliError } from '../../src/cli/errors.js';
import { commandHelp } from '../../src/cli/help.js';

const SPECS: FlagSpec[] = [
  { name: 'mailbox', type: 'string', required: true },
  { name: 'pair', type: 'list' },
  { name: 'dry-run', type: 'boolean' },
  { name: 'guard-share', type: 'number' },
  { name: 'password', type: 'string', env: 'CRM_PASSWORD' },
  { name: 'policy', type: 'string', choices: ['crm-wins', 'outlook-wins'] },
];

function setup(argv: string[], env: Record<string, string> = {}) {
  return parseFlags(SPECS, argv, env);
}

function codeOf(run: () => unknown): { code: string; flag: unknown } | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof CliError) return { code: e.code, flag: e.details['flag'] };
    throw e;
  }
  return undefined;
}

describe('parseFlags', () => {
  it('reads values, =values, repeated lists, booleans, numbers and positionals', () => {
    const args = setup([
      '--mailbox=m.json',
      '--pair',
      'A=addressbook',
      '--pair',
      'B=calendar',
      '--dry-run',
      '--guard-share',
      '0.25',
      'file.vcf',
    ]);
    expect(args.flags).toMatchObject({
      mailbox: 'm.json',
      pair: ['A=addressbook', 'B=calendar'],
      'dry-run': true,
      'guard-share': 0.25,
    });
    expect(args.positional).toEqual(['file.vcf']);
  });

  it('takes a flag from its environment variable when absent, the flag first', () => {
    expect(setup(['--mailbox', 'm'], { CRM_PASSWORD: 'env' }).flags['password']).toBe('env');
    expect(setup(['--mailbox', 'm', '--password', 'flag'], { CRM_PASSWORD: 'env' }).flags['password']).toBe(
      'flag',
    );
  });

  it('names the flag of every usage error', () => {
    expect(codeOf(() => setup(['--mailbox', 'm', '--colour']))).toEqual({
      code: 'UNKNOWN_FLAG',
      flag: 'colour',
    });
    expect(codeOf(() => setup([]))).toEqual({ code: 'MISSING_FLAG', flag: 'mailbox' });
    expect(codeOf(() => setup(['--mailbox']))).toEqual({ code: 'BAD_FLAG_VALUE', flag: 'mailbox' });
    expect(codeOf(() => setup(['--mailbox', '--dry-run']))).toEqual({
      code: 'BAD_FLAG_VALUE',
      flag: 'mailbox',
    });
    expect(codeOf(() => setup(['--mailbox', 'm', '--guard-share', 'viel']))).toEqual({
      code: 'BAD_FLAG_VALUE',
      flag: 'guard-share',
    });
    expect(codeOf(() => setup(['--mailbox', 'm', '--policy', 'loudest']))).toEqual({
      code: 'BAD_FLAG_VALUE',
      flag: 'policy',
    });
    expect(codeOf(() => setup(['--mailbox', 'm', '--dry-run=yes']))).toEqual({
      code: 'BAD_FLAG_VALUE',
      flag: 'dry-run',
    });
  });
});

describe('the sign-in flags of --graph', () => {
  const SIGN_IN_FLAGS = ['client-id', 'tenant', 'no-interactive', 'token-env'];

  it('are parsed for every command that opens a mailbox, the client id also from ADDIN_CLIENT_ID', () => {
    for (const command of Object.keys(COMMANDS) as CommandName[]) {
      const specs = COMMANDS[command].filter((s) => s.name !== 'crm' && !s.required);
      const args = parseFlags(specs, ['--graph', '--tenant', 'contoso.example', '--no-interactive'], {
        ADDIN_CLIENT_ID: 'app-id-from-env',
      });
      expect(args.flags).toMatchObject({
        graph: true,
        tenant: 'contoso.example',
        'no-interactive': true,
        'client-id': 'app-id-from-env',
      });
      expect(
        parseFlags(specs, ['--client-id', 'flag-id'], { ADDIN_CLIENT_ID: 'env' }).flags['client-id'],
      ).toBe('flag-id');
    }
    expect(codeOf(() => parseFlags(COMMANDS.history, ['--no-interactive=yes']))).toEqual({
      code: 'BAD_FLAG_VALUE',
      flag: 'no-interactive',
    });
    expect(codeOf(() => parseFlags(COMMANDS.history, ['--tenant']))).toEqual({
      code: 'BAD_FLAG_VALUE',
      flag: 'tenant',
    });
  });

  it.each(['en', 'de'] as const)(
    'are documented in the %s help of every command, with exit code 6',
    (lang) => {
      for (const command of Object.keys(COMMANDS) as CommandName[]) {
        const lines = commandHelp(command, lang).split('\n');
        for (const flag of SIGN_IN_FLAGS) {
          const line = lines.find((l) => l.trimStart().startsWith(`--${flag} `) || l.trim() === `--${flag}`);
          // The flag, then its description in this language (not an empty column).
          expect(line?.replace(/^\s*--\S+(\s+[A-Z|]+)?\s+/, '').length ?? 0).toBeGreaterThan(20);
        }
        expect(lines.join('\n')).toMatch(/ADDIN_CLIENT_ID/);
        expect(lines.at(-1)).toMatch(/\b6\b/);
      }
    },
  );
});
