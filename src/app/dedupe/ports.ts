/**
 * What the duplicate check and its first sync are composed over: the sync ports (Outlook stores, the bound
 * SyncML session, codec, fingerprint, state store) plus a store for the user's review decisions per folder.
 * The decisions live beside the folder settings (mailbox settings in the pane, the settings file in the CLI).
 */
import type { Prelink } from '../sync/prelinks.js';
import type { SyncPorts } from '../sync/ports.js';
import type { ItemKind } from '../../core/model/index.js';

/** The outcome of a review for one never-synced folder, kept until its first sync consumes the links. */
export interface FolderDecisions {
  readonly kind: ItemKind;
  readonly datastore: string;
  /** Linked pairs: the first sync maps these onto the existing Outlook items (src/app/sync/prelinks.ts). */
  readonly links: readonly Prelink[];
  /** Outlook items the user left out of the sync ("skip Outlook item"); kept after the first sync. */
  readonly skipped: readonly string[];
}

export interface DuplicateDecisionStore {
  load(folderId: string): Promise<FolderDecisions | undefined>;
  save(folderId: string, decisions: FolderDecisions): Promise<void>;
  remove(folderId: string): Promise<void>;
}

export type DedupePorts = Pick<
  SyncPorts,
  'outlook' | 'runSession' | 'codec' | 'fingerprint' | 'stateStore' | 'wire'
> & {
  readonly decisions: DuplicateDecisionStore;
};

/** In-memory decisions (tests, and the pane before settings are wired). */
export function memoryDecisionStore(
  initial: Readonly<Record<string, FolderDecisions>> = {},
): DuplicateDecisionStore & { snapshot(): Record<string, FolderDecisions> } {
  const byFolder = new Map(Object.entries(initial));
  return {
    load: async (folderId) => byFolder.get(folderId),
    save: async (folderId, decisions) => void byFolder.set(folderId, decisions),
    remove: async (folderId) => void byFolder.delete(folderId),
    snapshot: () => Object.fromEntries(byFolder),
  };
}
