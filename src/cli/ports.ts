/** The sync use cases' ports for a CLI run: Graph stores of the workspace, the SyncML client over HTTP, formats. */
import { randomBytes } from 'node:crypto';
import { createGraphStores, outlookShapes } from '../adapters/graph/index.js';
import { createHttpTransport } from '../adapters/syncml-http/index.js';
import type { ItemCodec, SyncPorts } from '../app/sync/index.js';
import {
  fingerprint,
  parseCalendarItem,
  parseVCard,
  serializeEvent,
  serializeTask,
  serializeVCard,
} from '../core/formats/index.js';
import type { SyncItem } from '../core/model/index.js';
import { memoryNonceStore, runSyncSession, SyncMLError, type AuthScheme } from '../core/syncml/index.js';
import type { ItemContentType } from '../core/syncml/devinf/ours.js';
import { settingsJournalStore, settingsStateStore } from './settings.js';
import type { Workspace } from './workspace.js';

export interface CrmConnection {
  readonly url: string;
  readonly user: string;
  /** Kept out of every message, log line and URL. */
  readonly password: string;
  readonly deviceId: string;
  readonly auth: AuthScheme;
}

const VERSION: Readonly<Record<ItemContentType, '2.1' | '3.0' | '1.0' | '2.0'>> = {
  'text/x-vcard': '2.1',
  'text/vcard': '3.0',
  'text/x-vcalendar': '1.0',
  'text/calendar': '2.0',
};

/** vCard / vCalendar ⇄ model by content type: the formats' parsers and serialisers. */
export const itemCodec: ItemCodec = {
  encode(item: SyncItem, contentType) {
    const version = VERSION[contentType];
    if (item.kind === 'contact') return serializeVCard(item, version === '3.0' ? '3.0' : '2.1').text;
    const calVersion = version === '2.0' ? '2.0' : '1.0';
    return item.kind === 'event'
      ? serializeEvent(item, calVersion).text
      : serializeTask(item, calVersion).text;
  },
  decode(data, kind) {
    return kind === 'contact' ? parseVCard(data) : parseCalendarItem(data, kind);
  },
};

export function crmSession(connection: CrmConnection) {
  const transport = createHttpTransport({ timeoutMs: 60_000 });
  const nonceStore = memoryNonceStore();
  return {
    transport,
    serverUrl: connection.url,
    user: connection.user,
    password: connection.password,
    auth: connection.auth,
    deviceId: connection.deviceId,
    nonceStore,
  };
}

/** Ports for a run; without a connection (undo) any session attempt fails. */
export function buildSyncPorts(workspace: Workspace, connection?: CrmConnection): SyncPorts {
  const shapeOptions = {
    timeZone: workspace.timeZone,
    ...(workspace.owner ? { mailboxOwner: workspace.owner } : {}),
  };
  const session = connection && crmSession(connection);
  return {
    outlook: createGraphStores(workspace.client, shapeOptions),
    runSession: (options) =>
      session
        ? runSyncSession({ ...options, ...session })
        : Promise.reject(new SyncMLError('BAD_CONFIG', 'no CRM connection for this command')),
    stateStore: settingsStateStore(workspace.settings),
    journal: settingsJournalStore(workspace.settings),
    codec: itemCodec,
    fingerprint,
    outlookShape: outlookShapes(shapeOptions),
    now: () => new Date().toISOString(),
    // Sortable and unique across processes: time of day to the second, then random.
    newRunId: () =>
      `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`,
  };
}
