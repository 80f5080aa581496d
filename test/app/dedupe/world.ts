/**
 * A first-sync world for the duplicate check: an in-memory Outlook that keeps only what Graph can hold, our
 * SyncML client over HTTP to any server (the sandbox CRM, SyncEvolution), memory state/journal/decisions.
 */
import { createHttpTransport } from '../../../src/adapters/syncml-http/index.js';
import { memoryDecisionStore } from '../../../src/app/dedupe/index.js';
import { formatsItemCodec, type SyncPorts } from '../../../src/app/sync/index.js';
import { outlookShapes } from '../../../src/adapters/graph/index.js';
import { fingerprint } from '../../../src/core/formats/index.js';
import {
  emptyContact,
  outlookFolderId,
  type Contact,
  type ItemKind,
  type SyncItem,
} from '../../../src/core/model/index.js';
import { createMemoryJournalStore, createMemorySyncStateStore } from '../../../src/core/sync/index.js';
import { memoryNonceStore, runSyncSession } from '../../../src/core/syncml/index.js';
import { shapedMemoryOutlook } from '../../support/shaped-outlook.js';

export interface ServerAccess {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly deviceId: string;
}

/** What Outlook keeps of an item: the Graph mapping both ways. */
const shapes = outlookShapes({ timeZone: 'Europe/Berlin' });
export const graphShape = (item: SyncItem): SyncItem => shapes[item.kind](item);

export const contact = (displayName: string, extra: Partial<Contact> = {}): Contact => {
  const [given = '', family = ''] = displayName.replace(/^Dr\. /, '').split(' ');
  return { ...emptyContact(), name: { given, family }, displayName, ...extra };
};

export function createDedupeWorld(
  server: ServerAccess,
  datastore = 'addressbook',
  kind: ItemKind = 'contact',
) {
  const folder = outlookFolderId(`${kind}s-main`);
  const { memory, outlook } = shapedMemoryOutlook(kind, graphShape);
  const nonceStore = memoryNonceStore();
  const transport = createHttpTransport({ timeoutMs: 60_000 });
  let tick = 0;
  const decisions = memoryDecisionStore();
  const ports: SyncPorts & { decisions: typeof decisions } = {
    outlook: { [kind]: outlook },
    runSession: (o) =>
      runSyncSession({
        ...o,
        transport,
        serverUrl: server.url,
        user: server.user,
        password: server.password,
        auth: 'md5',
        deviceId: server.deviceId,
        nonceStore,
      }),
    stateStore: createMemorySyncStateStore(),
    journal: createMemoryJournalStore(),
    codec: formatsItemCodec,
    fingerprint,
    outlookShape: { [kind]: graphShape },
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newRunId: () => `run-${tick}`,
    decisions,
  };
  const request = {
    folders: [
      {
        folderId: folder,
        kind,
        datastore,
        direction: 'two-way' as const,
        policy: 'crm-wins' as const,
      },
    ],
  };
  return {
    folder,
    memory,
    ports,
    request,
    decisions,
    outlookContacts: () => memory.snapshot(folder).map((s) => s.item as Contact),
    outlookItems: () => memory.snapshot(folder).map((s) => s.item),
  };
}
