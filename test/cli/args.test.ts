import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from '../../src/cli/args.js';
import { CliError } from '../../src/cli/errors.js';

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
