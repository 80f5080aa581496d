/** The CLI's commands and their flags: one table, read by the parser and by `--help`. */
import type { FlagSpec } from './args.js';

export type CommandName = 'sync' | 'history' | 'undo' | 'mailbox import' | 'mailbox export' | 'duplicates';

const mailbox: FlagSpec[] = [
  { name: 'mailbox', type: 'string', value: 'FILE' },
  { name: 'graph', type: 'boolean' },
  { name: 'token-env', type: 'string', value: 'NAME' },
  { name: 'client-id', type: 'string', value: 'ID', env: 'ADDIN_CLIENT_ID' },
  { name: 'tenant', type: 'string', value: 'TENANT' },
  { name: 'no-interactive', type: 'boolean' },
  { name: 'state', type: 'string', value: 'FILE' },
  { name: 'time-zone', type: 'string', value: 'IANA' },
  { name: 'lang', type: 'string', value: 'en|de', choices: ['en', 'de'] },
  { name: 'help', type: 'boolean' },
];

const crm: FlagSpec[] = [
  { name: 'crm', type: 'string', value: 'URL', required: true },
  { name: 'user', type: 'string', value: 'U', required: true },
  { name: 'password', type: 'string', value: 'P', env: 'CRM_PASSWORD', required: true },
  { name: 'device-id', type: 'string', value: 'ID', required: true },
  { name: 'auth', type: 'string', value: 'md5|basic', choices: ['md5', 'basic'] },
];

const json: FlagSpec = { name: 'json', type: 'boolean' };
const latency: FlagSpec = { name: 'sandbox-latency', type: 'number', value: 'MS' };

export const COMMANDS: Readonly<Record<CommandName, readonly FlagSpec[]>> = {
  sync: [
    ...mailbox,
    ...crm,
    { name: 'pair', type: 'list', value: 'FOLDER=DATASTORE' },
    { name: 'dry-run', type: 'boolean' },
    json,
    { name: 'policy', type: 'string', value: 'POLICY', choices: ['crm-wins', 'outlook-wins', 'newest-wins'] },
    {
      name: 'direction',
      type: 'string',
      value: 'DIRECTION',
      choices: ['two-way', 'crm-to-outlook', 'outlook-to-crm'],
    },
    { name: 'guard-share', type: 'number', value: 'SHARE' },
    { name: 'yes', type: 'boolean' },
    latency,
  ],
  history: [...mailbox, json, { name: 'run', type: 'string', value: 'ID' }],
  undo: [...mailbox, json, { name: 'run', type: 'string', value: 'ID' }, latency],
  'mailbox import': [...mailbox, { name: 'folder', type: 'string', value: 'NAME', required: true }, json],
  'mailbox export': [...mailbox, { name: 'folder', type: 'string', value: 'NAME', required: true }],
  duplicates: [
    ...mailbox,
    ...crm,
    { name: 'folder', type: 'string', value: 'NAME', required: true },
    { name: 'datastore', type: 'string', value: 'NAME', required: true },
    json,
    { name: 'link-above', type: 'number', value: 'SCORE' },
  ],
};

/** Positional arguments per command, for the usage line. */
export const POSITIONAL: Partial<Record<CommandName, string>> = { 'mailbox import': 'FILE.vcf|FILE.ics' };
