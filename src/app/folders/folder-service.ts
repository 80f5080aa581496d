/**
 * The Folders screen's use cases: list the user's folders with counts and their sync choices,
 * switch sync per folder, edit datastore and direction, create a dedicated sync folder. Choices
 * persist through the settings port (Office roaming settings in Outlook, so they follow the user to
 * another device; localStorage in the sandbox).
 */
import type { GraphClient } from '../../adapters/graph/client.js';
import { createFolder, listFolders, type FolderInfo } from '../../adapters/graph/folders.js';
import type { FolderKind } from '../../adapters/graph/folder-name.js';
import type { SettingsPort } from '../../adapters/storage/settings-port.js';
import type { ItemKind } from '../../core/model/index.js';
import {
  defaultChoice,
  FOLDER_CHOICES_KEY,
  parseFolderChoices,
  withChoice,
  type FolderChoice,
  type FolderChoices,
} from '../../core/settings/folder-choices.js';

export const KIND_OF_FOLDER: Readonly<Record<FolderKind, ItemKind>> = {
  contacts: 'contact',
  calendar: 'event',
  tasks: 'task',
};

export interface FolderRow {
  readonly folder: FolderInfo;
  readonly choice: FolderChoice;
}

export interface FolderGroups {
  readonly contacts: readonly FolderRow[];
  readonly calendars: readonly FolderRow[];
  readonly taskLists: readonly FolderRow[];
}

export interface FolderService {
  list(signal?: AbortSignal): Promise<FolderGroups>;
  choices(): Promise<FolderChoices>;
  saveChoice(choice: FolderChoice): Promise<void>;
  /** Creates the folder and switches sync on for it. Name problems throw before any request. */
  createSyncFolder(
    kind: FolderKind,
    name: string,
    existing: readonly { name: string }[],
    signal?: AbortSignal,
  ): Promise<FolderRow>;
}

export function createFolderService(client: GraphClient, settings: SettingsPort): FolderService {
  const choices = async () => parseFolderChoices(await settings.get(FOLDER_CHOICES_KEY));
  const saveChoice = async (choice: FolderChoice) => {
    await settings.set(FOLDER_CHOICES_KEY, withChoice(await choices(), choice));
  };
  const rowsOf = (folders: readonly FolderInfo[], stored: FolderChoices): FolderRow[] =>
    folders.map((folder) => ({
      folder,
      choice: stored[folder.id] ?? defaultChoice(folder.id, KIND_OF_FOLDER[folder.kind]),
    }));

  return {
    choices,
    saveChoice,
    async list(signal) {
      const [listing, stored] = await Promise.all([listFolders(client, signal), choices()]);
      return {
        contacts: rowsOf(listing.contacts, stored),
        calendars: rowsOf(listing.calendars, stored),
        taskLists: rowsOf(listing.taskLists, stored),
      };
    },
    async createSyncFolder(kind, name, existing, signal) {
      const folder = await createFolder(client, kind, name, { existing, signal });
      const choice = { ...defaultChoice(folder.id, KIND_OF_FOLDER[kind]), enabled: true };
      await saveChoice(choice);
      return { folder, choice };
    },
  };
}
