/**
 * A few promise helpers over IndexedDB: one database for the pane's sync data with two object stores.
 * `itemStates` (key: folder id) keeps each folder's per-item sync state; `journal` (key: run id) the run journal.
 * The IDBFactory is injected, so node tests use fake-indexeddb and the pane `globalThis.indexedDB`.
 */
import { StorageError } from './errors.js';

export const SYNC_DB_NAME = 'outlook-crm-sync';
const SYNC_DB_VERSION = 1;
export const ITEM_STATES = 'itemStates';
export const JOURNAL = 'journal';
export type SyncObjectStore = typeof ITEM_STATES | typeof JOURNAL;

export function openSyncDatabase(factory: IDBFactory | undefined, name = SYNC_DB_NAME): Promise<IDBDatabase> {
  if (!factory) return Promise.reject(new StorageError('STORAGE_UNAVAILABLE', 'IndexedDB is not available'));
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, SYNC_DB_VERSION);
    } catch (e) {
      return reject(
        new StorageError('STORAGE_UNAVAILABLE', 'IndexedDB refused to open', { cause: errorName(e) }),
      );
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(ITEM_STATES)) db.createObjectStore(ITEM_STATES);
      if (!db.objectStoreNames.contains(JOURNAL)) db.createObjectStore(JOURNAL, { keyPath: 'runId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () =>
      reject(
        new StorageError('STORAGE_UNAVAILABLE', 'IndexedDB refused to open', {
          cause: errorName(request.error),
        }),
      );
    request.onblocked = () => reject(new StorageError('STORAGE_UNAVAILABLE', 'IndexedDB upgrade is blocked'));
  });
}

/**
 * Runs `work` in one transaction and resolves with its result once the transaction COMMITTED (not when the last
 * request succeeded): only then is the data durable.
 */
export function inTransaction<T>(
  db: IDBDatabase,
  store: SyncObjectStore,
  mode: IDBTransactionMode,
  work: (objects: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(store, mode, { durability: 'strict' });
    } catch (e) {
      return reject(
        new StorageError('STORAGE_FAILED', 'IndexedDB transaction refused', { store, cause: errorName(e) }),
      );
    }
    let result: T | undefined;
    const request = work(tx.objectStore(store));
    if (request) request.onsuccess = () => (result = request.result);
    tx.oncomplete = () => resolve(result);
    const fail = () =>
      reject(
        new StorageError('STORAGE_FAILED', 'IndexedDB transaction failed', {
          store,
          cause: errorName(tx.error),
        }),
      );
    tx.onerror = fail;
    tx.onabort = fail;
  });
}

function errorName(e: unknown): string {
  return e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException)
    ? (e as Error).name
    : 'unknown';
}
