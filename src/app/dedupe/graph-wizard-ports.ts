/**
 * The sync-folder wizard's ports over Microsoft Graph (the pane's composition): folder names and creation
 * through the Graph adapter's folder operations, items through its stores. Enabling sync is the caller's
 * (the Folders screen owns which folders sync).
 */
import {
  createFolder,
  createGraphStores,
  listFoldersOfKind,
  type GraphClient,
  type GraphCodecOptions,
} from '../../adapters/graph/index.js';
import type { ItemKind } from '../../core/model/index.js';
import { FOLDER_KIND_OF, type CreatedFolder, type SyncFolderWizardPorts } from './wizard.js';

export function graphWizardPorts(
  client: GraphClient,
  enableSync: (folder: CreatedFolder, kind: ItemKind, datastore: string) => Promise<void>,
  options: GraphCodecOptions = {},
): SyncFolderWizardPorts {
  return {
    outlook: createGraphStores(client, options),
    listFolderNames: async (kind, signal) =>
      (await listFoldersOfKind(client, FOLDER_KIND_OF[kind], signal)).map((f) => f.name),
    createFolder: async (kind, name, signal) => {
      const created = await createFolder(client, FOLDER_KIND_OF[kind], name, signal ? { signal } : {});
      return { id: created.id, name: created.name };
    },
    enableSync,
  };
}
