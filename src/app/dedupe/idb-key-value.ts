/**
 * A small IndexedDB key/value store for the pane's duplicate decisions: links carry merged items (photos
 * included), too big for the 32 KB roaming settings. Its own database, so the sync data's schema and
 * version stay untouched. Values must be structured-cloneable (decisions are plain data).
 */
import { DedupeError } from './errors.js';
import type { KeyValuePort } from './stored-decisions.js';

export const DEDUPE_DB_NAME = 'outlook-crm-sync-dedupe';
const STORE = 'decisions';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new DedupeError('STORAGE_FAILED', 'IndexedDB refused the request'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DEDUPE_DB_NAME, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
  };
  return request(req);
}

export function idbKeyValue(factory: IDBFactory | undefined = globalThis.indexedDB): KeyValuePort {
  let db: Promise<IDBDatabase> | undefined;
  const database = () => {
    if (!factory) return Promise.reject(new DedupeError('STORAGE_FAILED', 'IndexedDB is not available'));
    return (db ??= open(factory));
  };
  return {
    async get(key) {
      const d = await database();
      return request(d.transaction(STORE, 'readonly').objectStore(STORE).get(key));
    },
    async set(key, value) {
      const d = await database();
      const tx = d.transaction(STORE, 'readwrite', { durability: 'strict' });
      if (value === null || value === undefined) tx.objectStore(STORE).delete(key);
      else tx.objectStore(STORE).put(value, key);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () =>
          reject(new DedupeError('STORAGE_FAILED', 'IndexedDB write failed', { key }));
      });
    },
  };
}
