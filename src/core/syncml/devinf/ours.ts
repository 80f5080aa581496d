/** Our DevInf: one DataStore per synced datastore, Rx/Tx = the content type we use, CTCap = what we store. */
import { SYNC_TYPE_BY_MODE } from '../codes.js';
import { ctCapProperties, type DatastoreKind } from './ctcap-tables.js';
import type { ContentTypeInfo, DevInf, DevInfDataStore } from './types.js';

export type ItemContentType = 'text/vcard' | 'text/x-vcard' | 'text/calendar' | 'text/x-vcalendar';

export const VERSION_OF_CONTENT_TYPE = {
  'text/vcard': '3.0',
  'text/x-vcard': '2.1',
  'text/calendar': '2.0',
  'text/x-vcalendar': '1.0',
} as const satisfies Record<ItemContentType, string>;

export interface OurDataStoreInfo {
  readonly localUri: string;
  readonly contentType: ItemContentType;
  /** Which model the store holds; calendar and todo share content types but not properties. */
  readonly kind: DatastoreKind;
}

export interface OurDeviceInfo {
  readonly deviceId: string;
  readonly softwareVersion: string;
  readonly maxGuidSize: number;
  readonly dataStores: readonly OurDataStoreInfo[];
}

export function kindOfContentType(contentType: ItemContentType, remoteUri: string): DatastoreKind {
  if (contentType === 'text/vcard' || contentType === 'text/x-vcard') return 'contacts';
  return /task|todo/i.test(remoteUri) ? 'tasks' : 'events';
}

export function buildOurDevInf(info: OurDeviceInfo): DevInf {
  return {
    verDTD: '1.2',
    man: 'outlook-crm-sync',
    mod: 'Outlook add-in',
    oem: '-',
    fwV: '-',
    swV: info.softwareVersion,
    hwV: '-',
    devId: info.deviceId,
    devTyp: 'workstation',
    utc: true,
    supportLargeObjs: true,
    supportNumberOfChanges: true,
    dataStores: info.dataStores.map((ds) => dataStore(ds, info.maxGuidSize)),
  };
}

function dataStore(ds: OurDataStoreInfo, maxGuidSize: number): DevInfDataStore {
  const ct: ContentTypeInfo = { ctType: ds.contentType, verCT: VERSION_OF_CONTENT_TYPE[ds.contentType] };
  return {
    sourceRef: ds.localUri,
    displayName: ds.localUri.replace(/^\.\//, ''),
    maxGuidSize,
    rxPref: ct,
    rx: [],
    txPref: ct,
    tx: [],
    ctCaps: [{ ...ct, properties: ctCapProperties(ds.kind, ct.ctType, ct.verCT) }],
    syncTypes: Object.values(SYNC_TYPE_BY_MODE),
  };
}

/** A DevInf without datastores, for a connection check. */
export function ourDevInfFor(deviceId: string): ReturnType<typeof buildOurDevInf> {
  return buildOurDevInf({ deviceId, softwareVersion: '0.1.0', maxGuidSize: 255, dataStores: [] });
}
