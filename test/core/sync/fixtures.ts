/** Small builders shared by the sync engine's tests. */
import {
  emptyContact,
  luid,
  outlookFolderId,
  outlookItemId,
  type Contact,
  type SyncItem,
} from '../../../src/core/model/index.js';
import type { FolderPairSettings } from '../../../src/core/sync/index.js';

export const FOLDER = outlookFolderId('folder-contacts');

export function contact(given: string, family: string, extra: Partial<Contact> = {}): Contact {
  return { ...emptyContact(), name: { given, family }, displayName: `${given} ${family}`, ...extra };
}

/** A stable content fingerprint for tests: sorted-key JSON without the modification time. */
export function testFingerprint(item: SyncItem): string {
  const { modifiedAt: _ignored, ...content } = item;
  return JSON.stringify(content, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export function pair(overrides: Partial<FolderPairSettings> = {}): FolderPairSettings {
  return {
    folderId: FOLDER,
    kind: 'contact',
    datastore: 'addressbook',
    direction: 'two-way',
    policy: 'crm-wins',
    ...overrides,
  };
}

export const id = outlookItemId;
export { luid };
