/** The mailbox store's records. Item fields are kept in Graph's JSON shape; metadata beside them. */
export type FolderKind = 'contacts' | 'calendar' | 'todo';
export type ItemKind = 'contact' | 'event' | 'task';
export type JsonObject = Record<string, unknown>;

export interface ExtendedProperty {
  id: string;
  value: string;
}

/** An open extension: `extensionName` plus free properties. */
export interface OpenExtension {
  extensionName: string;
  [property: string]: unknown;
}

export interface LinkedResource {
  id: string;
  applicationName?: string;
  displayName?: string;
  externalId?: string;
  webUrl?: string;
}

export interface StoredFolder {
  id: string;
  kind: FolderKind;
  displayName: string;
  isDefault: boolean;
  /** Contact folders: the default folder's id (Graph shows it as parentFolderId). */
  parentFolderId?: string;
  /** Calendars: color etc.; To Do lists: wellknownListName etc. */
  props: JsonObject;
  extendedProperties: ExtendedProperty[];
  changeKey: string;
}

/** A changed occurrence of a series (an "exception"), keyed by its original start. */
export interface OccurrenceOverride {
  fields: JsonObject;
  seq: number;
  changeKey: string;
  lastModifiedDateTime: string;
}

export interface StoredItem {
  kind: ItemKind;
  /** Survives moves (returned with `Prefer: IdType="ImmutableId"`). Tasks: changes on move, like Graph. */
  immutableId: string;
  /** Default (REST) id: changes when the item moves to another folder. */
  restId: string;
  folderId: string;
  /** Store-wide sequence number of the last change to anything on the item. */
  seq: number;
  /** Events: sequence number of the last change to the series itself (not its exceptions). */
  masterSeq: number;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields: JsonObject;
  extendedProperties: ExtendedProperty[];
  extensions: OpenExtension[];
  linkedResources: LinkedResource[];
  /** Events with recurrence: exceptions by occurrence key. */
  occurrenceOverrides: Record<string, OccurrenceOverride>;
  /** Events with recurrence: keys of cancelled (deleted) occurrences. */
  cancelledOccurrences: string[];
  /** Contacts: the photo (`…/photo/$value`), base64. */
  photo?: { contentType: string; base64: string };
}

export interface MailboxUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
  preferredLanguage: string;
  timeZone: string;
}

export const FOLDER_KIND_OF: Record<ItemKind, FolderKind> = {
  contact: 'contacts',
  event: 'calendar',
  task: 'todo',
};
