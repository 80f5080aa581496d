/** Branded ids: the compiler keeps an Outlook id from being sent where a SyncML LUID belongs. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Graph immutable id of an Outlook item or folder. */
export type OutlookItemId = Brand<string, 'OutlookItemId'>;
export type OutlookFolderId = Brand<string, 'OutlookFolderId'>;
/** Our short client-side id given to the SyncML server (LocURI of our items). */
export type Luid = Brand<string, 'Luid'>;
/** The server's id of an item (SyncML "GUID" in the server's namespace). */
export type Guid = Brand<string, 'Guid'>;

export const outlookItemId = (s: string) => s as OutlookItemId;
export const outlookFolderId = (s: string) => s as OutlookFolderId;
export const luid = (s: string) => s as Luid;
export const guid = (s: string) => s as Guid;
