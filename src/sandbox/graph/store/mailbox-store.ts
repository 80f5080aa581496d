/**
 * The sandbox mailbox: contact folders, calendars and To Do lists with their items, in memory.
 * Pure TypeScript (no msw, no DOM, no Node): the HTTP layer in ../http renders it as Graph JSON,
 * the CLI and benches use it directly. Every change bumps a store-wide sequence number; delta
 * rounds (./delta.ts) compare snapshots of those numbers.
 */
import { realClock, type SandboxClock } from '../clock.js';
import { GraphError, badRequest, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { DeltaTokenTable } from './delta-tokens.js';
import { readMailboxJson, type MailboxJson } from './persistence.js';
import { applyNavigation } from './navigation.js';
import { seriesTimingChanged, validateItemFields } from './item-rules.js';
import { splitItemBody } from './schema.js';
import { isoUtc } from './time.js';
import {
  FOLDER_KIND_OF,
  type ExtendedProperty,
  type FolderKind,
  type ItemKind,
  type JsonObject,
  type MailboxUser,
  type StoredFolder,
  type StoredItem,
} from './types.js';

export interface MailboxStoreOptions {
  clock?: Pick<SandboxClock, 'now'>;
  user?: Partial<MailboxUser>;
  /** Names of the default folders (the mailbox's language). */
  defaultNames?: { contacts: string; calendar: string; todo: string };
  /** How many delta/skip tokens stay valid before the oldest are evicted (Graph's cache is bounded too). */
  maxDeltaTokens?: number;
}

export type { MailboxJson } from './persistence.js';
export type StoreListener = () => void;

const DEFAULT_USER: MailboxUser = {
  id: 'u-7d3b0c1e-sandbox',
  displayName: 'Sandbox User',
  mail: 'sandbox.user@example.com',
  userPrincipalName: 'sandbox.user@example.com',
  preferredLanguage: 'de-DE',
  timeZone: 'W. Europe Standard Time',
};

export class MailboxStore {
  readonly folders = new Map<string, StoredFolder>();
  /** Items by immutable id. */
  readonly items = new Map<string, StoredItem>();
  private readonly restIndex = new Map<string, string>();
  private readonly folderItems = new Map<string, Set<string>>();
  private readonly listeners = new Set<StoreListener>();
  readonly deltaTokens: DeltaTokenTable;
  user: MailboxUser;
  seq = 0;
  clock: Pick<SandboxClock, 'now'>;

  constructor(options: MailboxStoreOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.user = { ...DEFAULT_USER, ...options.user };
    this.deltaTokens = new DeltaTokenTable(options.maxDeltaTokens ?? 2_000);
    const names = options.defaultNames ?? { contacts: 'Kontakte', calendar: 'Kalender', todo: 'Aufgaben' };
    this.addFolder('contacts', names.contacts, true);
    this.addFolder('calendar', names.calendar, true, {
      color: 'auto',
      hexColor: '',
      canEdit: true,
      canShare: true,
    });
    this.addFolder('todo', names.todo, true, {
      wellknownListName: 'defaultList',
      isOwner: true,
      isShared: false,
    });
  }

  // ---- change notification ------------------------------------------------------------------

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private nowIso(): string {
    return isoUtc(this.clock.now());
  }

  // ---- folders --------------------------------------------------------------------------------

  defaultFolder(kind: FolderKind): StoredFolder {
    for (const folder of this.folders.values()) if (folder.kind === kind && folder.isDefault) return folder;
    throw new GraphError(500, 'ErrorInternalServerError', `No default ${kind} folder.`, { kind });
  }

  listFolders(kind: FolderKind): StoredFolder[] {
    return [...this.folders.values()].filter((f) => f.kind === kind);
  }

  getFolder(kind: FolderKind, id: string): StoredFolder {
    const folder = this.folders.get(id);
    if (!folder || folder.kind !== kind) throw notFound(`${kind} folder`, id);
    return folder;
  }

  private addFolder(
    kind: FolderKind,
    displayName: string,
    isDefault: boolean,
    props: JsonObject = {},
  ): StoredFolder {
    const folder: StoredFolder = {
      id: newId('folder'),
      kind,
      displayName,
      isDefault,
      props,
      extendedProperties: [],
      changeKey: newId('changeKey'),
    };
    if (kind === 'contacts' && !isDefault) folder.parentFolderId = this.defaultFolder('contacts').id;
    this.folders.set(folder.id, folder);
    this.folderItems.set(folder.id, new Set());
    return folder;
  }

  private checkFolderName(kind: FolderKind, name: unknown, exceptId?: string): string {
    if (typeof name !== 'string' || name.trim() === '') {
      throw badRequest('ErrorInvalidRequest', 'The folder name must not be empty.', {
        kind,
        field: kind === 'calendar' ? 'name' : 'displayName',
      });
    }
    if (name.length > 255)
      throw badRequest('ErrorInvalidRequest', 'The folder name is too long.', { kind, length: name.length });
    // Exchange refuses a second contact folder or calendar of the same name; To Do allows duplicates.
    if (kind !== 'todo') {
      const clash = this.listFolders(kind).find(
        (f) => f.id !== exceptId && f.displayName.toLowerCase() === name.toLowerCase(),
      );
      if (clash) {
        throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.', {
          kind,
          displayName: name,
          existingId: clash.id,
        });
      }
    }
    return name;
  }

  createFolder(
    kind: FolderKind,
    displayName: unknown,
    props: JsonObject = {},
    extendedProperties: ExtendedProperty[] = [],
  ): StoredFolder {
    const name = this.checkFolderName(kind, displayName);
    const defaults: JsonObject =
      kind === 'calendar'
        ? { color: 'auto', hexColor: '', canEdit: true, canShare: true }
        : kind === 'todo'
          ? { wellknownListName: 'none', isOwner: true, isShared: false }
          : {};
    const folder = this.addFolder(kind, name, false, { ...defaults, ...props });
    folder.extendedProperties.push(...extendedProperties);
    this.seq++;
    this.changed();
    return folder;
  }

  renameFolder(kind: FolderKind, id: string, displayName: unknown): StoredFolder {
    const folder = this.getFolder(kind, id);
    folder.displayName = this.checkFolderName(kind, displayName, id);
    folder.changeKey = newId('changeKey');
    this.seq++;
    this.changed();
    return folder;
  }

  deleteFolder(kind: FolderKind, id: string): void {
    const folder = this.getFolder(kind, id);
    if (folder.isDefault) {
      throw badRequest('ErrorCannotDeleteObject', 'Distinguished folders cannot be deleted.', { kind, id });
    }
    for (const itemId of this.folderItems.get(id) ?? []) this.dropItem(itemId);
    this.folderItems.delete(id);
    this.folders.delete(id);
    this.seq++;
    this.changed();
  }

  /** Number of items in a folder (series masters count once, as Outlook counts them). */
  countItems(folderId: string): number {
    return this.folderItems.get(folderId)?.size ?? 0;
  }

  // ---- items ----------------------------------------------------------------------------------

  /** Items of a folder in creation order. */
  listItems(folderId: string): StoredItem[] {
    return [...(this.folderItems.get(folderId) ?? [])].map((id) => this.items.get(id)!);
  }

  /** Finds an item by either of its ids; undefined when gone (or when an old REST id is used after a move). */
  findItem(id: string): StoredItem | undefined {
    return this.items.get(id) ?? this.items.get(this.restIndex.get(id) ?? '');
  }

  getItem(kind: ItemKind, id: string, folderId?: string): StoredItem {
    const item = this.findItem(id);
    if (!item || item.kind !== kind || (folderId !== undefined && item.folderId !== folderId))
      throw notFound(kind, id);
    return item;
  }

  createItem(kind: ItemKind, folderId: string, body: unknown): StoredItem {
    const folder = this.getFolder(FOLDER_KIND_OF[kind], folderId);
    const { fields, navigation } = splitItemBody(kind, body);
    const normalized = validateItemFields(kind, fields, true);
    const now = this.nowIso();
    const immutableId = newId(kind === 'task' ? 'task' : 'immutableItem');
    const item: StoredItem = {
      kind,
      immutableId,
      restId: kind === 'task' ? immutableId : newId('restItem'),
      folderId: folder.id,
      seq: 0,
      masterSeq: 0,
      changeKey: newId('changeKey'),
      createdDateTime: now,
      lastModifiedDateTime: now,
      fields:
        kind === 'event'
          ? { iCalUId: `040000008200E00074C5B7101A82E008${newId('changeKey')}`, ...normalized }
          : normalized,
      extendedProperties: [],
      extensions: [],
      linkedResources: [],
      occurrenceOverrides: {},
      cancelledOccurrences: [],
    };
    applyNavigation(item, navigation, true);
    this.items.set(immutableId, item);
    this.restIndex.set(item.restId, immutableId);
    this.folderItems.get(folder.id)!.add(immutableId);
    this.touch(item, true);
    return item;
  }

  /** PATCH semantics: given top-level fields replace the stored ones; extended properties merge by id. */
  updateItem(kind: ItemKind, id: string, body: unknown, folderId?: string): StoredItem {
    const item = this.getItem(kind, id, folderId);
    const { fields, navigation } = splitItemBody(kind, body);
    const merged = validateItemFields(kind, { ...item.fields, ...fields }, false);
    const seriesChanged = kind === 'event' && seriesTimingChanged(item.fields, merged);
    applyNavigation(item, navigation, false);
    item.fields = merged;
    if (seriesChanged) {
      // Like Outlook: changing a series' times or pattern discards its exceptions.
      item.occurrenceOverrides = {};
      item.cancelledOccurrences = [];
    }
    this.touch(item, true);
    return item;
  }

  deleteItem(kind: ItemKind, id: string, folderId?: string): void {
    const item = this.getItem(kind, id, folderId);
    this.dropItem(item.immutableId);
    this.seq++;
    this.changed();
  }

  private dropItem(immutableId: string): void {
    const item = this.items.get(immutableId);
    if (!item) return;
    this.items.delete(immutableId);
    this.restIndex.delete(item.restId);
    this.folderItems.get(item.folderId)?.delete(immutableId);
  }

  /**
   * Moves an item to another folder of the same kind, as a user does in Outlook. The REST id
   * changes (the old one stops resolving); the immutable id stays, except for To Do tasks.
   */
  moveItem(kind: ItemKind, id: string, destinationFolderId: string): StoredItem {
    const item = this.getItem(kind, id);
    const destination = this.getFolder(FOLDER_KIND_OF[kind], destinationFolderId);
    if (destination.id === item.folderId) return item;
    this.folderItems.get(item.folderId)!.delete(item.immutableId);
    this.restIndex.delete(item.restId);
    this.items.delete(item.immutableId);
    item.restId = newId(kind === 'task' ? 'task' : 'restItem');
    if (kind === 'task') item.immutableId = item.restId;
    item.folderId = destination.id;
    this.items.set(item.immutableId, item);
    this.restIndex.set(item.restId, item.immutableId);
    this.folderItems.get(destination.id)!.add(item.immutableId);
    this.touch(item, false);
    return item;
  }

  /** Records a change: new sequence number, change key and modification time. */
  touch(item: StoredItem, seriesChanged: boolean): void {
    this.seq++;
    item.seq = this.seq;
    if (seriesChanged) item.masterSeq = this.seq;
    item.changeKey = newId('changeKey');
    item.lastModifiedDateTime = this.nowIso();
    this.changed();
  }

  // ---- persistence ----------------------------------------------------------------------------

  toJSON(): MailboxJson {
    return {
      format: 'sandbox-mailbox',
      version: 1,
      seq: this.seq,
      user: this.user,
      folders: [...this.folders.values()],
      items: [...this.items.values()],
      deltaTokens: this.deltaTokens.toJSON(),
    };
  }

  static fromJSON(
    json: unknown,
    options: Omit<MailboxStoreOptions, 'defaultNames' | 'user'> = {},
  ): MailboxStore {
    const data = readMailboxJson(json);
    const store = new MailboxStore({ ...options, user: data.user });
    store.folders.clear();
    store.folderItems.clear();
    for (const folder of data.folders) {
      store.folders.set(folder.id, folder);
      store.folderItems.set(folder.id, new Set());
    }
    for (const item of data.items) {
      store.items.set(item.immutableId, item);
      store.restIndex.set(item.restId, item.immutableId);
      store.folderItems.get(item.folderId)!.add(item.immutableId);
    }
    store.seq = Number(data.seq) || 0;
    store.deltaTokens.load(data.deltaTokens ?? []);
    return store;
  }
}
