/** The sandbox CRM's own DevInf: three datastores, both formats of each, large objects. */
import type { CTCap, CTCapProperty, DevInf, DevInfDataStore } from '../../../core/syncml/index.js';
import { DATASTORE_FORMATS, DATASTORES, type ContentType, type Datastore } from '../datastores.js';

const plain = (name: string, valEnums: readonly string[] = []): CTCapProperty => ({
  name,
  valEnums,
  params: [],
});

const VCARD_PROPERTIES = [
  'N',
  'FN',
  'NICKNAME',
  'ORG',
  'TITLE',
  'ROLE',
  'TEL',
  'EMAIL',
  'ADR',
  'URL',
  'BDAY',
  'NOTE',
  'CATEGORIES',
  'PHOTO',
  'UID',
  'REV',
];
const EVENT_PROPERTIES = [
  'SUMMARY',
  'DESCRIPTION',
  'LOCATION',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'EXDATE',
  'RDATE',
  'RECURRENCE-ID',
  'UID',
  'CLASS',
  'CATEGORIES',
  'TRANSP',
  'STATUS',
  'ATTENDEE',
  'ORGANIZER',
  'LAST-MODIFIED',
  'DTSTAMP',
  'CREATED',
  'AALARM',
  'DALARM',
  'TRIGGER',
  'ACTION',
  'TZID',
  'TZOFFSETFROM',
  'TZOFFSETTO',
  'TZNAME',
  'TZ',
  'DAYLIGHT',
];
const TODO_PROPERTIES = [
  'SUMMARY',
  'DESCRIPTION',
  'DTSTART',
  'DUE',
  'COMPLETED',
  'PERCENT-COMPLETE',
  'PRIORITY',
  'STATUS',
  'RRULE',
  'UID',
  'CLASS',
  'CATEGORIES',
  'LAST-MODIFIED',
  'DTSTAMP',
  'CREATED',
  'AALARM',
  'TRIGGER',
  'ACTION',
];

function ctCap(ct: ContentType, datastore: Datastore): CTCap {
  const isCard = datastore === 'addressbook';
  const envelope = isCard
    ? ['VCARD']
    : [
        'VCALENDAR',
        datastore === 'calendar' ? 'VEVENT' : 'VTODO',
        'VTIMEZONE',
        'VALARM',
        'STANDARD',
        'DAYLIGHT',
      ];
  const names = isCard ? VCARD_PROPERTIES : datastore === 'calendar' ? EVENT_PROPERTIES : TODO_PROPERTIES;
  return {
    ctType: ct.type,
    verCT: ct.version,
    properties: [
      plain('BEGIN', envelope),
      plain('END', envelope),
      plain('VERSION', [ct.version]),
      ...names.map((n) => plain(n)),
    ],
  };
}

function dataStore(datastore: Datastore, withCtCaps: boolean): DevInfDataStore {
  const { canonical, alternative } = DATASTORE_FORMATS[datastore];
  const info = (ct: ContentType) => ({ ctType: ct.type, verCT: ct.version });
  return {
    sourceRef: `./${datastore}`,
    displayName: datastore,
    maxGuidSize: 64,
    rxPref: info(canonical),
    rx: [info(alternative)],
    txPref: info(canonical),
    tx: [info(alternative)],
    ctCaps: withCtCaps ? [ctCap(canonical, datastore), ctCap(alternative, datastore)] : [],
    syncTypes: [1, 2, 3, 4, 5, 6],
  };
}

/** Below this client MaxMsgSize the DevInf goes without CTCaps (11 KB with them, 2 KB without). */
export const CTCAP_MIN_MSG_SIZE = 20_000;

/**
 * Our DevInf. Without CTCap a peer assumes we keep every property (libsynthesis does), which is
 * true of the CRM: it stores the whole item. So CTCaps are a courtesy, left out when the client's
 * MaxMsgSize is too small for them (a message must never exceed it).
 */
export function serverDevInf(serverUrl: string, withCtCaps = true): DevInf {
  return {
    verDTD: '1.2',
    man: 'Outlook CRM Sync',
    mod: 'Sandbox CRM',
    oem: '-',
    fwV: '-',
    swV: '0.1.0',
    hwV: '-',
    devId: serverUrl,
    devTyp: 'server',
    utc: true,
    supportLargeObjs: true,
    supportNumberOfChanges: true,
    dataStores: DATASTORES.map((d) => dataStore(d, withCtCaps)),
  };
}
