/** The OutlookStore contract, run by the three Graph stores on the Graph emulator (msw). */
import { afterAll, beforeAll } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { createGraphStores } from '../../../src/adapters/graph/index.js';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { GraphEventStore } from '../../../src/adapters/graph/event-store.js';
import { createFolder, type FolderKind } from '../../../src/adapters/graph/folders.js';
import { GraphTaskStore } from '../../../src/adapters/graph/task-store.js';
import { emptyContact, type SyncItem } from '../../../src/core/model/index.js';
import type { OutlookStore } from '../../../src/core/sync/outlook-store.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import {
  describeOutlookStoreContract,
  type OutlookStoreFixture,
} from '../../contracts/outlook-store.contract.js';
import { testContactCodec, testEventCodec, testTaskCodec } from './test-codecs.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

let folderSerial = 0;

function label(item: SyncItem): string {
  if (item.kind === 'contact') return item.displayName ?? '';
  if (item.kind === 'event') return item.subject;
  return item.title;
}

const hour = (n: number) => `2026-0${1 + (n % 9)}-1${n % 10}T${String(8 + (n % 10)).padStart(2, '0')}:00:00Z`;

const makers: Record<SyncItem['kind'], (n: number) => SyncItem> = {
  contact: (n) => ({
    ...emptyContact(),
    displayName: `Person ${n}`,
    name: { given: 'Person', family: String(n) },
  }),
  event: (n) => ({
    kind: 'event',
    subject: `Besichtigung ${n}`,
    timing: {
      allDay: false,
      start: { kind: 'utc', iso: hour(n) },
      end: { kind: 'utc', iso: hour(n).replace(':00:00Z', ':30:00Z') },
    },
    exceptions: [],
    sensitivity: 'normal',
    categories: [],
    attendees: [],
    extra: {},
  }),
  task: (n) => ({
    kind: 'task',
    title: `Exposé ${n}`,
    status: 'notStarted',
    importance: 'normal',
    categories: [],
    sensitivity: 'normal',
    extra: {},
  }),
};

const relabelField: Record<SyncItem['kind'], string> = {
  contact: 'displayName',
  event: 'subject',
  task: 'title',
};
const folderKind: Record<SyncItem['kind'], FolderKind> = {
  contact: 'contacts',
  event: 'calendar',
  task: 'tasks',
};

function fixtureFor(kind: SyncItem['kind'], makeStore: (client: GraphClient) => OutlookStore) {
  return async (): Promise<OutlookStoreFixture> => {
    const client = new GraphClient({ tokenProvider: { getToken: async () => 'sandbox-token' } });
    const folder = await createFolder(client, folderKind[kind], `Contract ${kind} ${++folderSerial}`);
    return {
      store: makeStore(client),
      folder: folder.id,
      makeItem: makers[kind],
      label,
      expireCursors: async () => {
        graph.store.deltaTokens.expireAll();
      },
      userRelabel: async (id, newLabel) => {
        graph.store.updateItem(kind, id, { [relabelField[kind]]: newLabel });
      },
    };
  };
}

describeOutlookStoreContract(
  'GraphContactStore on the emulator',
  fixtureFor('contact', (c) => new GraphContactStore(c, testContactCodec)),
);
describeOutlookStoreContract(
  'GraphEventStore on the emulator',
  fixtureFor('event', (c) => new GraphEventStore(c, testEventCodec)),
);
describeOutlookStoreContract(
  'GraphTaskStore on the emulator',
  fixtureFor('task', (c) => new GraphTaskStore(c, testTaskCodec)),
);

// The same contract with the real mappings of src/core/formats.
const real = (client: GraphClient) => createGraphStores(client, { timeZone: 'Europe/Berlin' });
describeOutlookStoreContract(
  'GraphContactStore with the formats codec',
  fixtureFor('contact', (c) => real(c).contact),
);
describeOutlookStoreContract(
  'GraphEventStore with the formats codec',
  fixtureFor('event', (c) => real(c).event),
);
describeOutlookStoreContract(
  'GraphTaskStore with the formats codec',
  fixtureFor('task', (c) => real(c).task),
);
