/**
 * Folder operations for the task pane: list the user's contact folders, calendars and To Do lists
 * with item counts, and create a dedicated sync folder. How the counts are read is in
 * docs/decisions/0051-folder-counts-and-names.md.
 */
import { outlookFolderId, type OutlookFolderId } from '../../core/model/index.js';
import type { GraphClient } from './client.js';
import { GraphError } from './errors.js';
import { FolderNameError, validateFolderName, type FolderKind } from './folder-name.js';

export { FolderNameError, validateFolderName, MAX_FOLDER_NAME_LENGTH } from './folder-name.js';
export type { FolderKind, FolderNameErrorCode } from './folder-name.js';

export interface FolderInfo {
  readonly id: OutlookFolderId;
  readonly kind: FolderKind;
  readonly name: string;
  readonly itemCount: number;
  readonly isDefault: boolean;
}

export interface FolderListing {
  readonly contacts: FolderInfo[];
  readonly calendars: FolderInfo[];
  readonly taskLists: FolderInfo[];
}

interface RawFolder {
  readonly id: string;
  readonly displayName?: string; // contactFolder, todoTaskList
  readonly name?: string; // calendar
  readonly parentFolderId?: string;
  readonly isDefaultCalendar?: boolean;
  readonly canEdit?: boolean;
  readonly wellknownListName?: string;
}

type Uncounted = Omit<FolderInfo, 'itemCount'>;

/** Where each kind lives in Graph, and the collection its items are counted in. */
const KINDS: Readonly<Record<FolderKind, { list: string; items: (id: string) => string; create: string }>> = {
  contacts: {
    list: '/me/contactFolders',
    items: (id) => `/me/contactFolders/${encodeURIComponent(id)}/contacts`,
    create: '/me/contactFolders',
  },
  // `events` (not calendarView): series masters and single items, the way the user counts them.
  calendar: {
    list: '/me/calendars',
    items: (id) => `/me/calendars/${encodeURIComponent(id)}/events`,
    create: '/me/calendars',
  },
  tasks: {
    list: '/me/todo/lists',
    items: (id) => `/me/todo/lists/${encodeURIComponent(id)}/tasks`,
    create: '/me/todo/lists',
  },
};

/** All three kinds, each with item counts (one $batch of `$count` requests for all folders). */
export async function listFolders(client: GraphClient, signal?: AbortSignal): Promise<FolderListing> {
  const [contacts, calendars, taskLists] = await Promise.all([
    listFoldersOfKind(client, 'contacts', signal),
    listFoldersOfKind(client, 'calendar', signal),
    listFoldersOfKind(client, 'tasks', signal),
  ]);
  const counts = await countItems(client, [...contacts, ...calendars, ...taskLists], signal);
  const withCount = (f: Uncounted): FolderInfo => ({ ...f, itemCount: counts.get(f.id) ?? 0 });
  return {
    contacts: contacts.map(withCount),
    calendars: calendars.map(withCount),
    taskLists: taskLists.map(withCount),
  };
}

/**
 * Folders of one kind, without counts. Contacts: `/me/contactFolders` lists the folders below the
 * default Contacts folder but not the default itself, so that one is read by its well-known name.
 * Calendars the user can't edit (subscriptions, birthdays) and To Do's "flagged e-mails" list are
 * left out: nothing can be synced into them.
 */
export async function listFoldersOfKind(
  client: GraphClient,
  kind: FolderKind,
  signal?: AbortSignal,
): Promise<Uncounted[]> {
  const options = signal ? { signal } : {};
  const { items } = await client.getAll<RawFolder>(KINDS[kind].list, options);
  const folders = items.filter((f) => f.canEdit !== false && f.wellknownListName !== 'flaggedEmails');
  if (kind === 'contacts') {
    const root = await defaultContactFolder(client, items, signal);
    if (root && !folders.some((f) => f.id === root.id)) folders.unshift(root);
    return folders.map((f) => toInfo(kind, f, f.id === root?.id));
  }
  return folders.map((f) =>
    toInfo(
      kind,
      f,
      kind === 'calendar' ? f.isDefaultCalendar === true : f.wellknownListName === 'defaultList',
    ),
  );
}

async function defaultContactFolder(
  client: GraphClient,
  listed: readonly RawFolder[],
  signal?: AbortSignal,
): Promise<RawFolder | undefined> {
  try {
    return await client.get<RawFolder>('/me/contactFolders/contacts', signal ? { signal } : {});
  } catch (error) {
    if (!(error instanceof GraphError) || (error.code !== 'NOT_FOUND' && error.code !== 'BAD_REQUEST'))
      throw error;
  }
  // Without the well-known name: the parent of the listed folders is the default folder.
  const parentId = listed.find((f) => f.parentFolderId)?.parentFolderId;
  return parentId ? { id: parentId, displayName: 'Contacts' } : undefined;
}

function toInfo(kind: FolderKind, raw: RawFolder, isDefault: boolean): Uncounted {
  return { id: outlookFolderId(raw.id), kind, name: raw.displayName ?? raw.name ?? '', isDefault };
}

/**
 * `$count=true&$top=1` per folder, all in one $batch. Where Graph gives no `@odata.count` for a
 * collection, the ids are paged through and counted instead.
 */
async function countItems(
  client: GraphClient,
  folders: readonly Uncounted[],
  signal?: AbortSignal,
): Promise<Map<OutlookFolderId, number>> {
  const counts = new Map<OutlookFolderId, number>();
  const results = await client.batch(
    folders.map((f) => ({
      method: 'GET' as const,
      url: `${KINDS[f.kind].items(f.id)}?$count=true&$top=1&$select=id`,
    })),
    signal ? { signal } : {},
  );
  for (const [i, folder] of folders.entries()) {
    const result = results[i];
    // A collection that refuses `$count` (400) is counted by paging, like one that ignores it.
    if (result?.error && result.error.code !== 'BAD_REQUEST') throw result.error;
    const count = (result?.body as { '@odata.count'?: unknown } | undefined)?.['@odata.count'];
    if (typeof count === 'number') counts.set(folder.id, count);
    else counts.set(folder.id, await countByPaging(client, folder, signal));
  }
  return counts;
}

async function countByPaging(client: GraphClient, folder: Uncounted, signal?: AbortSignal): Promise<number> {
  let count = 0;
  for await (const page of client.pages(
    `${KINDS[folder.kind].items(folder.id)}?$select=id`,
    signal ? { signal } : {},
  )) {
    count += page.value.length;
  }
  return count;
}

export interface CreateFolderOptions {
  /** Folders of this kind the caller already listed; saves a request and answers TAKEN at once. */
  readonly existing?: readonly Pick<FolderInfo, 'name'>[];
  readonly signal?: AbortSignal;
}

/**
 * Creates a contact folder, calendar or To Do list. The name is checked before any request: empty,
 * too long or with control characters → FolderNameError; taken (case-insensitively) → TAKEN, also
 * when Graph itself reports the name exists (a race with another device).
 */
export async function createFolder(
  client: GraphClient,
  kind: FolderKind,
  name: string,
  options: CreateFolderOptions = {},
): Promise<FolderInfo> {
  const syntax = validateFolderName(kind, name, []);
  if (!syntax.ok) throw syntax.error;
  const signal = options.signal;
  const existing = options.existing ?? (await listFoldersOfKind(client, kind, signal));
  const checked = validateFolderName(
    kind,
    syntax.name,
    existing.map((f) => f.name),
  );
  if (!checked.ok) throw checked.error;
  const body = kind === 'calendar' ? { name: checked.name } : { displayName: checked.name };
  try {
    const created = await client.request<RawFolder>('POST', KINDS[kind].create, {
      body,
      ...(signal ? { signal } : {}),
    });
    return { ...toInfo(kind, created, false), itemCount: 0 };
  } catch (error) {
    if (error instanceof GraphError && (error.code === 'FOLDER_EXISTS' || error.code === 'CONFLICT')) {
      throw new FolderNameError('TAKEN', 'a folder with this name exists', { kind, name: checked.name });
    }
    throw error;
  }
}
