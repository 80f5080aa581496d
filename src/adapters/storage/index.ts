/** Browser persistence of the pane's sync state: checkpoints in roaming settings, item states and journal in IndexedDB. */
export { StorageError, type StorageErrorCode } from './errors.js';
export { openSyncDatabase, SYNC_DB_NAME } from './idb.js';
export {
  CHECKPOINT_BUDGET_BYTES,
  memorySettings,
  webStorageSettings,
  type SettingsPort,
} from './settings-port.js';
export { CHECKPOINTS_KEY, createPaneStateStore, type PaneStateStoreOptions } from './pane-state-store.js';
export { createIdbJournalStore, JOURNAL_KEEP } from './idb-journal-store.js';
