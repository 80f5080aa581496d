/** Usage errors, unreadable input and failed connections: the right exit code, one line on stderr, no password. */
import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { cli, PASSWORD, setupWorld, spawnCli, type World } from './support.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const lastLine = (text: string) => text.trim().split('\n').pop() ?? '';

describe('outlook-crm-sync on bad input', { timeout: 120_000 }, () => {
  it('documents every flag of every command in --help, in English and German', async () => {
    for (const [command, flags] of Object.entries(COMMANDS)) {
      for (const lang of ['en', 'de']) {
        const run = await cli([...command.split(' '), '--help', '--lang', lang]);
        expect(run.code).toBe(0);
        for (const flag of flags) expect(run.stdout).toMatch(new RegExp(`--${flag.name}\\b.* \\S`));
      }
    }
  });

  it('answers an unknown command or flag, a missing flag or value with exit 2', async () => {
    world = await setupWorld();
    const w = world;
    const unknownCommand = await cli(['synch']);
    expect([unknownCommand.code, lastLine(unknownCommand.stderr)]).toEqual([
      2,
      expect.stringContaining('[UNKNOWN_COMMAND]'),
    ]);
    const unknownFlag = await cli(['sync', '--mailbox', w.mailbox, ...w.conn(), '--colour'], w.env);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain('[UNKNOWN_FLAG]');
    expect(unknownFlag.stderr.trim().split('\n')).toHaveLength(1);
    const missing = await cli(
      ['sync', '--mailbox', w.mailbox, '--crm', w.crm.syncUrl, '--user', 'test'],
      w.env,
    );
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--device-id')]);
    const noPassword = await cli(['sync', '--mailbox', w.mailbox, ...w.conn()]);
    expect([noPassword.code, noPassword.stderr]).toEqual([2, expect.stringContaining('--password')]);
    const badPolicy = await cli(
      ['sync', '--mailbox', w.mailbox, ...w.conn(), '--policy', 'loudest-wins'],
      w.env,
    );
    expect([badPolicy.code, badPolicy.stderr]).toEqual([2, expect.stringContaining('[BAD_FLAG_VALUE]')]);
    const noFile = await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden']);
    expect([noFile.code, noFile.stderr]).toEqual([2, expect.stringContaining('[MISSING_ARGUMENT]')]);
  });

  it('names a missing mailbox or import file (exit 1) and an unknown folder', async () => {
    world = await setupWorld();
    const w = world;
    const noMailbox = await cli(['history', '--mailbox', `${w.dir}/nope.json`]);
    expect([noMailbox.code, noMailbox.stderr]).toEqual([1, expect.stringContaining('[FILE_NOT_FOUND]')]);
    expect(noMailbox.stderr).toContain('nope.json');
    const noImport = await cli([
      'mailbox',
      'import',
      '--mailbox',
      w.mailbox,
      '--folder',
      'K',
      `${w.dir}/gone.vcf`,
    ]);
    expect([noImport.code, noImport.stderr]).toEqual([1, expect.stringContaining('[FILE_NOT_FOUND]')]);
    const notJson = w.file('broken.json', '{ "format": ');
    const broken = await cli(['history', '--mailbox', notJson]);
    expect([broken.code, broken.stderr]).toEqual([1, expect.stringContaining('[MAILBOX_INVALID]')]);
    const text = w.file('notes.txt', 'hello');
    const unsupported = await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'K', text]);
    expect([unsupported.code, unsupported.stderr]).toEqual([
      2,
      expect.stringContaining('[UNSUPPORTED_FILE]'),
    ]);
    const vcf = w.file('one.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nFN:B A\r\nEND:VCARD\r\n');
    expect((await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', vcf])).code).toBe(
      0,
    );
    const noFolder = await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Lieferanten']);
    expect([noFolder.code, noFolder.stderr]).toEqual([1, expect.stringContaining('[FOLDER_NOT_FOUND]')]);
  });

  it('imports the readable cards and reports each unreadable one with its line (exit 5)', async () => {
    world = await setupWorld();
    const w = world;
    const vcf = w.file(
      'mixed.vcf',
      [
        'BEGIN:VCARD', // 1
        'VERSION:3.0',
        'N:Alt;Anna;;;',
        'FN:Anna Alt',
        'END:VCARD',
        'BEGIN:VCARD', // 6
        'VERSION:3.0',
        'N:Null;Nina;;;',
        'FN:Nina \u0000Null', // 9: a NUL byte, the card is unreadable
        'END:VCARD',
        'BEGIN:VCARD', // 11
        'VERSION:3.0',
        'N:Berg;Bert;;;',
        'FN:Bert Berg',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    const run = await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', vcf, '--json']);
    expect(run.code).toBe(5);
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: 2, failed: [{ line: 9, code: 'NUL_BYTE' }] });
    expect(lastLine(run.stderr)).toContain('[ITEMS_FAILED]');
    const out = await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Kunden']);
    expect(out.stdout).toContain('FN:Anna Alt');
    expect(out.stdout).toContain('FN:Bert Berg');
  });

  it('says a wrong password or an unreachable CRM with exit 4, never showing the password', async () => {
    world = await setupWorld();
    const w = world;
    const vcf = w.file('one.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nFN:B A\r\nEND:VCARD\r\n');
    await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', vcf]);
    const wrong = `${PASSWORD}-falsch`;
    const pair = ['--pair', 'Kunden=addressbook'];
    const denied = await cli(['sync', '--mailbox', w.mailbox, ...w.conn(), ...pair, '--password', wrong]);
    expect(denied.code).toBe(4);
    expect(denied.stderr).toContain('[CONNECTION_FAILED]');
    expect(denied.stdout + denied.stderr).not.toContain(wrong);
    expect(denied.stdout + denied.stderr).not.toContain(PASSWORD);

    const port = w.crm.port;
    await w.crm.close();
    const flags = ['--crm', `http://127.0.0.1:${port}/syncml`, '--user', 'test', '--device-id', 'x', ...pair];
    const gone = await cli(['sync', '--mailbox', w.mailbox, ...flags, '--json'], w.env);
    expect(gone.code).toBe(4);
    expect(gone.stdout + gone.stderr).not.toContain(PASSWORD);
    expect(JSON.parse(gone.stdout)).toMatchObject({ outcome: 'failed', error: { code: 'SESSION_FAILED' } });
    const inUrl = await cli(
      [
        'sync',
        '--mailbox',
        w.mailbox,
        '--crm',
        `http://test:${PASSWORD}@127.0.0.1:${port}/`,
        '--user',
        'test',
        '--device-id',
        'x',
      ],
      w.env,
    );
    expect(inUrl.code).toBe(2);
    expect(inUrl.stdout + inUrl.stderr).not.toContain(PASSWORD);
  });

  it('refuses a mailbox another process is writing (exit 1), and takes over the lock of a killed one', async () => {
    world = await setupWorld();
    const w = world;
    const vcf = w.file('one.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nFN:B A\r\nEND:VCARD\r\n');
    writeFileSync(`${w.mailbox}.lock`, String(process.pid));
    const busy = await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', vcf]);
    expect([busy.code, busy.stderr]).toEqual([1, expect.stringContaining('[MAILBOX_BUSY]')]);
    const gone = spawnCli(['--help']);
    await gone.done;
    writeFileSync(`${w.mailbox}.lock`, String(gone.child.pid));
    const taken = await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', vcf]);
    expect(taken.code).toBe(0);
    expect(existsSync(`${w.mailbox}.lock`)).toBe(false);
  });
});
