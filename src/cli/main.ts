/**
 * The `outlook-crm-sync` command line (README "Command-line sync"): picks the command, parses its flags,
 * runs it, and turns every failure into an exit code with one line on stderr. Never prints the password.
 */
import { parseFlags, str } from './args.js';
import { COMMANDS, type CommandName } from './commands.js';
import type { CliIo, CommandContext } from './context.js';
import { duplicatesCommand } from './cmd-duplicates.js';
import { historyCommand, undoCommand } from './cmd-history.js';
import { exportCommand, importCommand } from './cmd-mailbox.js';
import { syncCommand } from './cmd-sync.js';
import { EXIT, toCliError } from './errors.js';
import { commandHelp, generalHelp } from './help.js';
import { CLI_TEXTS, languageOf, type CliLanguage } from './texts.js';

const RUNNERS: Readonly<Record<CommandName, (ctx: CommandContext) => Promise<number>>> = {
  sync: syncCommand,
  history: historyCommand,
  undo: undoCommand,
  'mailbox import': importCommand,
  'mailbox export': exportCommand,
  duplicates: duplicatesCommand,
};

function commandOf(argv: readonly string[]): {
  command?: CommandName;
  rest: readonly string[];
  name: string;
} {
  const [first = '', second = ''] = argv;
  if (first === 'mailbox') {
    const name = `mailbox ${second}`;
    return name in COMMANDS
      ? { command: name as CommandName, rest: argv.slice(2), name }
      : { rest: [], name };
  }
  return first in COMMANDS
    ? { command: first as CommandName, rest: argv.slice(1), name: first }
    : { rest: [], name: first };
}

/** The language before flags are parsed (an error in the flags is reported in it too). */
function earlyLanguage(argv: readonly string[], env: CliIo['env']): CliLanguage {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return languageOf(flag, env);
}

/** Hides a secret in any text leaving the process (it should never get there; this is the last fence). */
function scrub(text: string, secret: string | undefined): string {
  return secret && secret.length > 0 ? text.split(secret).join('***') : text;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = earlyLanguage(argv, io.env);
  const { command, rest, name } = commandOf(argv);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (!command) {
    if (wantsHelp || name === '' || name === 'help') {
      io.stdout(generalHelp(lang));
      return name === '' && !wantsHelp ? EXIT.usage : EXIT.done;
    }
    io.stderr(
      `outlook-crm-sync: ${CLI_TEXTS[lang].error.UNKNOWN_COMMAND({ command: name })} [UNKNOWN_COMMAND]`,
    );
    return EXIT.usage;
  }
  if (wantsHelp) {
    io.stdout(commandHelp(command, lang));
    return EXIT.done;
  }
  let secret = io.env['CRM_PASSWORD'];
  const safeIo: CliIo = {
    ...io,
    stdout: (t) => io.stdout(scrub(t, secret)),
    stderr: (t) => io.stderr(scrub(t, secret)),
  };
  try {
    const args = parseFlags(COMMANDS[command], rest, io.env);
    secret = str(args, 'password') ?? secret;
    const ctx: CommandContext = { args, io: safeIo, lang, texts: CLI_TEXTS[lang] };
    return await RUNNERS[command](ctx);
  } catch (e) {
    const known = toCliError(e);
    if (known) {
      safeIo.stderr(`outlook-crm-sync: ${CLI_TEXTS[lang].error[known.code](known.details)} [${known.code}]`);
      return known.exitCode;
    }
    const what =
      e instanceof Error ? `${e.name}${'code' in e ? ` ${String(e.code)}` : ''}: ${e.message}` : String(e);
    safeIo.stderr(`outlook-crm-sync: ${what.split('\n')[0]} [UNEXPECTED]`);
    return EXIT.other;
  }
}
