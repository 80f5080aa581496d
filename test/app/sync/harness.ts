/** The in-memory world the use-case tests run in: an Outlook contact folder, a fake CRM, the stores. */
import { outlookFolderId, type Contact, type SyncItem } from '../../../src/core/model/index.js';
import {
  createMemoryJournalStore,
  createMemorySyncStateStore,
  MemoryOutlookStore,
  type FolderPairSettings,
} from '../../../src/core/sync/index.js';
import type { ItemCodec, SyncPorts } from '../../../src/app/sync/index.js';
import { contact, testFingerprint } from '../../core/sync/fixtures.js';
import { FakeCrmServer } from './fake-crm-server.js';

/** JSON stands in for vCard here: the engine only sees the codec port. */
export const jsonCodec: ItemCodec = {
  encode: (item) => JSON.stringify(item),
  decode: (data) => {
    try {
      return { ok: true, value: JSON.parse(data) as SyncItem, warnings: [] };
    } catch {
      return { ok: false, error: { code: 'MALFORMED_LINE', message: 'not JSON' }, warnings: [] };
    }
  },
};

export function createWorld() {
  const folder = outlookFolderId('contacts');
  const outlook = new MemoryOutlookStore('contact');
  const crm = new FakeCrmServer();
  const stateStore = createMemorySyncStateStore();
  const journal = createMemoryJournalStore();
  let tick = 0;
  let runs = 0;
  const ports: SyncPorts = {
    outlook: { contact: outlook },
    runSession: crm.runSession,
    stateStore,
    journal,
    codec: jsonCodec,
    fingerprint: testFingerprint,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newRunId: () => `run-${++runs}`,
  };
  const pair: FolderPairSettings = {
    folderId: folder,
    kind: 'contact',
    datastore: 'addressbook',
    direction: 'two-way',
    policy: 'crm-wins',
  };
  const person = (name: string, extra: Partial<Contact> = {}) => contact(name, 'Test', extra);
  return {
    folder,
    outlook,
    crm,
    stateStore,
    journal,
    ports,
    pair,
    request: { folders: [pair] },
    person,
    crmCreate: (name: string, extra: Partial<Contact> = {}) =>
      crm.create(JSON.stringify(person(name, extra))),
    /** Display names in Outlook, sorted. */
    outlookNames: () =>
      outlook
        .snapshot(folder)
        .map((s) => label(s.item))
        .sort(),
    /** Display names in the CRM, sorted. */
    crmNames: () => [...crm.items.values()].map((d) => label(JSON.parse(d) as SyncItem)).sort(),
    outlookIdOf: (name: string) => outlook.snapshot(folder).find((s) => label(s.item) === name)!.id,
    outlookItem: (name: string) =>
      outlook.snapshot(folder).find((s) => label(s.item) === name)?.item as Contact | undefined,
    crmItem: (name: string) =>
      [...crm.items.values()].map((d) => JSON.parse(d) as Contact).find((c) => c.displayName === name),
    crmGuidOf: (name: string) =>
      [...crm.items].find(([, d]) => (JSON.parse(d) as Contact).displayName === name)![0],
  };
}

function label(item: SyncItem): string {
  return item.kind === 'contact' ? (item.displayName ?? '') : '';
}
