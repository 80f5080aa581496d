/**
 * The OutlookStore contract once more, on an emulator that answers 429 (also inside batches) and 503
 * for a fifth of all requests: every call must still come out right (issue 6, "faults it survives").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { createFolder, type FolderKind } from '../../../src/adapters/graph/folders.js';
import { createGraphStores } from '../../../src/adapters/graph/index.js';
import { emptyContact, type SyncItem } from '../../../src/core/model/index.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import {
  describeOutlookStoreContract,
  type OutlookStoreFixture,
} from '../../contracts/outlook-store.contract.js';
import { fakeClock } from './fake-clock.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

const STORM = {
  throttleRate: 0.1,
  batchItemThrottleRate: 0.1,
  serviceUnavailableRate: 0.2,
  retryAfterSeconds: 1.5,
};
let serial = 0;

const inDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().replace('.000Z', 'Z');
};

const makers: Record<SyncItem['kind'], (n: number) => SyncItem> = {
  contact: (n) => ({ ...emptyContact(), displayName: `Sturm ${n}`, name: { family: `Sturm ${n}` } }),
  event: (n) => ({
    kind: 'event',
    subject: `Termin ${n}`,
    timing: {
      allDay: false,
      start: { kind: 'utc', iso: inDays(n % 30, 9) },
      end: { kind: 'utc', iso: inDays(n % 30, 10) },
    },
    exceptions: [],
    sensitivity: 'normal',
    categories: [],
    attendees: [],
    extra: {},
  }),
  task: (n) => ({
    kind: 'task',
    title: `Aufgabe ${n}`,
    status: 'notStarted',
    importance: 'normal',
    categories: [],
    sensitivity: 'normal',
    extra: {},
  }),
};
const labelOf = (item: SyncItem) =>
  item.kind === 'contact' ? (item.displayName ?? '') : item.kind === 'event' ? item.subject : item.title;
const field: Record<SyncItem['kind'], string> = { contact: 'displayName', event: 'subject', task: 'title' };
const folderKind: Record<SyncItem['kind'], FolderKind> = {
  contact: 'contacts',
  event: 'calendar',
  task: 'tasks',
};

function stormFixture(kind: SyncItem['kind']) {
  return async (): Promise<OutlookStoreFixture> => {
    graph.control.clearFaults();
    const client = new GraphClient({
      tokenProvider: { getToken: async () => 't' },
      clock: fakeClock(),
      maxRetries: 12,
    });
    const folder = await createFolder(client, folderKind[kind], `Storm ${kind} ${++serial}`);
    graph.control.setFaults({ ...STORM, seed: serial });
    return {
      store: createGraphStores(client, { timeZone: 'Europe/Berlin' })[kind],
      folder: folder.id,
      makeItem: makers[kind],
      label: labelOf,
      expireCursors: async () => {
        graph.store.deltaTokens.expireAll();
      },
      userRelabel: async (id, newLabel) => {
        graph.store.updateItem(kind, id, { [field[kind]]: newLabel });
      },
      close: async () => graph.control.clearFaults(),
    };
  };
}

describeOutlookStoreContract('GraphContactStore under a 429/503 storm', stormFixture('contact'));
describeOutlookStoreContract('GraphEventStore under a 429/503 storm', stormFixture('event'));
describeOutlookStoreContract('GraphTaskStore under a 429/503 storm', stormFixture('task'));

describe('the storm', () => {
  it('really answered 429s and 503s (the runs above went through them)', () => {
    expect(graph.control.counters.throttled).toBeGreaterThan(0);
    expect(graph.control.counters.serviceUnavailable).toBeGreaterThan(0);
  });
});
