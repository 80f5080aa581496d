/** The mailbox's JSON form (files, localStorage) and the checks a loaded file must pass. */
import { badRequest } from '../errors.js';
import type { DeltaTokenJson } from './delta-tokens.js';
import type { MailboxUser, StoredFolder, StoredItem } from './types.js';

export interface MailboxJson {
  format: 'sandbox-mailbox';
  version: 1;
  seq: number;
  user: MailboxUser;
  folders: StoredFolder[];
  items: StoredItem[];
  deltaTokens: DeltaTokenJson[];
}

const ITEM_KINDS = new Set(['contact', 'event', 'task']);
const FOLDER_KINDS = new Set(['contacts', 'calendar', 'todo']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function checkFolder(folder: StoredFolder, index: number): void {
  const ok =
    isObject(folder) &&
    typeof folder.id === 'string' &&
    FOLDER_KINDS.has(folder.kind) &&
    typeof folder.displayName === 'string';
  if (!ok) throw badRequest('BadRequest', 'A folder in the mailbox file is malformed.', { index });
}

/** A mailbox file's item must at least have the shape the store relies on. */
function checkItem(item: StoredItem, index: number): void {
  const ok =
    isObject(item) &&
    ITEM_KINDS.has(item.kind) &&
    typeof item.immutableId === 'string' &&
    typeof item.restId === 'string' &&
    typeof item.folderId === 'string' &&
    isObject(item.fields) &&
    Array.isArray(item.extendedProperties) &&
    Array.isArray(item.extensions) &&
    Array.isArray(item.linkedResources) &&
    Array.isArray(item.cancelledOccurrences) &&
    isObject(item.occurrenceOverrides);
  if (!ok) {
    throw badRequest('BadRequest', 'An item in the mailbox file is malformed.', {
      index,
      itemId: (item as Partial<StoredItem> | null)?.immutableId,
    });
  }
}

/** Validates parsed JSON as a mailbox file; throws a typed error saying what and where. */
export function readMailboxJson(json: unknown): MailboxJson {
  const data = json as Partial<MailboxJson> | null;
  if (
    !isObject(data) ||
    data.format !== 'sandbox-mailbox' ||
    data.version !== 1 ||
    !Array.isArray(data.folders) ||
    !Array.isArray(data.items) ||
    !isObject(data.user)
  ) {
    throw badRequest('BadRequest', 'Not a sandbox mailbox file (format "sandbox-mailbox", version 1).', {
      format: data?.format,
      version: data?.version,
    });
  }
  data.folders.forEach(checkFolder);
  const folderIds = new Set(data.folders.map((f) => f.id));
  const ids = new Set<string>();
  data.items.forEach((item, index) => {
    checkItem(item, index);
    if (ids.has(item.immutableId) || ids.has(item.restId)) {
      throw badRequest('BadRequest', 'Two items in the mailbox file share an id.', {
        index,
        itemId: item.immutableId,
      });
    }
    ids.add(item.immutableId).add(item.restId);
    if (!folderIds.has(item.folderId)) {
      throw badRequest('BadRequest', 'An item refers to a folder that does not exist.', {
        index,
        folderId: item.folderId,
      });
    }
  });
  return {
    ...data,
    seq: Number(data.seq) || 0,
    deltaTokens: Array.isArray(data.deltaTokens) ? data.deltaTokens : [],
  } as MailboxJson;
}
