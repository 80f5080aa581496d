/** The sandbox CRM's three datastores and the canonical format each one stores. */
export const DATASTORES = ['addressbook', 'calendar', 'todo'] as const;
export type Datastore = (typeof DATASTORES)[number];

export function isDatastore(name: string): name is Datastore {
  return (DATASTORES as readonly string[]).includes(name);
}

/** A content type as SyncML names it: media type plus version (DevInf CTType/VerCT). */
export interface ContentType {
  readonly type: string;
  readonly version: string;
}

export const VCARD_30: ContentType = { type: 'text/vcard', version: '3.0' };
export const VCARD_21: ContentType = { type: 'text/x-vcard', version: '2.1' };
export const ICAL_20: ContentType = { type: 'text/calendar', version: '2.0' };
export const VCAL_10: ContentType = { type: 'text/x-vcalendar', version: '1.0' };

interface DatastoreFormats {
  /** What the CRM stores (and prefers to send and receive). */
  readonly canonical: ContentType;
  /** The other format it accepts and can send on request. */
  readonly alternative: ContentType;
  /** Prefix of the GUIDs the CRM gives new records (short ids keep messages small). */
  readonly guidPrefix: string;
}

export const DATASTORE_FORMATS: Readonly<Record<Datastore, DatastoreFormats>> = {
  addressbook: { canonical: VCARD_30, alternative: VCARD_21, guidPrefix: 'c' },
  calendar: { canonical: ICAL_20, alternative: VCAL_10, guidPrefix: 'e' },
  todo: { canonical: ICAL_20, alternative: VCAL_10, guidPrefix: 't' },
};
