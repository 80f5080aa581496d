/** Outlook folders by name, for flags like `--folder Kunden` and `--pair "Kunden=addressbook"`. */
import {
  createFolder,
  GraphError,
  listFoldersOfKind,
  type FolderKind,
  type GraphClient,
} from '../adapters/graph/index.js';
import type { ItemKind, OutlookFolderId } from '../core/model/index.js';
import { CliError } from './errors.js';

export interface NamedFolder {
  readonly id: OutlookFolderId;
  readonly name: string;
  readonly kind: ItemKind;
  readonly isDefault: boolean;
}

export const ITEM_KIND_OF: Readonly<Record<FolderKind, ItemKind>> = {
  contacts: 'contact',
  calendar: 'event',
  tasks: 'task',
};
const FOLDER_KIND_OF: Readonly<Record<ItemKind, FolderKind>> = {
  contact: 'contacts',
  event: 'calendar',
  task: 'tasks',
};

/** Every contact folder, calendar and To Do list (no item counts: one request per kind). */
export async function allFolders(client: GraphClient): Promise<NamedFolder[]> {
  const kinds: FolderKind[] = ['contacts', 'calendar', 'tasks'];
  const listed = await Promise.all(kinds.map((k) => listFoldersOfKind(client, k)));
  return listed
    .flat()
    .map((f) => ({ id: f.id, name: f.name, kind: ITEM_KIND_OF[f.kind], isDefault: f.isDefault }));
}

/** The folder of this name (exact first, then case-insensitive); of the given kind when one is named. */
export function pickFolder(folders: readonly NamedFolder[], name: string, kind?: ItemKind): NamedFolder {
  const ofKind = kind ? folders.filter((f) => f.kind === kind) : folders;
  const found =
    ofKind.find((f) => f.name === name) ?? ofKind.find((f) => f.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  const other = folders.find((f) => f.name.toLowerCase() === name.toLowerCase());
  if (other && kind) {
    throw new CliError('FOLDER_KIND_MISMATCH', 'the folder holds other items', {
      folder: name,
      actual: FOLDER_KIND_OF[other.kind],
      expected: FOLDER_KIND_OF[kind],
    });
  }
  throw new CliError('FOLDER_NOT_FOUND', 'no such folder', { folder: name });
}

/** The folder, created when the mailbox has none of that name (mailbox import). */
export async function ensureFolder(client: GraphClient, name: string, kind: ItemKind): Promise<NamedFolder> {
  const folders = await allFolders(client);
  try {
    return pickFolder(folders, name, kind);
  } catch (e) {
    if (!(e instanceof CliError) || e.code !== 'FOLDER_NOT_FOUND') throw e;
  }
  try {
    const created = await createFolder(client, FOLDER_KIND_OF[kind], name);
    return { id: created.id, name: created.name, kind, isDefault: false };
  } catch (e) {
    if (e instanceof GraphError) throw new CliError('GRAPH_FAILED', 'folder not created', { reason: e.code });
    throw new CliError('BAD_FLAG_VALUE', 'the folder name is not allowed', {
      flag: 'folder',
      reason: (e as { code?: string }).code ?? 'invalid name',
    });
  }
}
