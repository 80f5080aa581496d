/** Node-only: the sandbox mailbox as a JSON file (CLI, benches, fixtures). Writes are atomic. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GraphError } from './errors.js';
import { MailboxStore, type MailboxStoreOptions } from './store/mailbox-store.js';

export function loadMailboxFile(
  path: string,
  options: Omit<MailboxStoreOptions, 'defaultNames' | 'user'> = {},
): MailboxStore {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GraphError(404, 'ErrorItemNotFound', 'The mailbox file cannot be read.', {
      path,
      cause: (error as NodeJS.ErrnoException).code,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GraphError(400, 'BadRequest', 'The mailbox file is not valid JSON.', { path });
  }
  return MailboxStore.fromJSON(json, options);
}

/** Writes to a temporary file and renames it, so a crash never leaves half a mailbox. */
export function saveMailboxFile(path: string, store: MailboxStore): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(store.toJSON()) + '\n');
  renameSync(temporary, path);
}

/** Loads the file, or creates a fresh mailbox (optionally seeded) when it does not exist yet. */
export function openMailboxFile(
  path: string,
  init?: (store: MailboxStore) => void,
  options: MailboxStoreOptions = {},
): MailboxStore {
  if (existsSync(path)) return loadMailboxFile(path, options);
  const store = new MailboxStore(options);
  init?.(store);
  return store;
}
