/** `--help` text, built from the command table and the language's words. */
import type { FlagSpec } from './args.js';
import { COMMANDS, POSITIONAL, type CommandName } from './commands.js';
import { CLI_TEXTS, type CliLanguage } from './texts.js';

function flagLine(spec: FlagSpec, describe: string | undefined): string {
  const left = `  --${spec.name}${spec.value ? ` ${spec.value}` : ''}${spec.type === 'list' ? ' …' : ''}`;
  const required = spec.required ? ' *' : '';
  return `${(left + required).padEnd(34)} ${describe ?? ''}`;
}

export function commandHelp(command: CommandName, lang: CliLanguage): string {
  const t = CLI_TEXTS[lang];
  const positional = POSITIONAL[command] ? ` ${POSITIONAL[command]}` : '';
  return [
    `outlook-crm-sync ${command} [flags]${positional}`,
    '',
    t.commands[command],
    '',
    ...COMMANDS[command].map((spec) => flagLine(spec, t.flags[spec.name])),
    '',
    lang === 'de' ? '* = erforderlich' : '* = required',
    t.exitCodes,
  ].join('\n');
}

export function generalHelp(lang: CliLanguage): string {
  const t = CLI_TEXTS[lang];
  const names = Object.keys(COMMANDS) as CommandName[];
  return [t.usage, '', ...names.map((n) => `  ${n.padEnd(16)} ${t.commands[n]}`), '', t.exitCodes].join('\n');
}
