/**
 * Against every server in servers.ts, for contacts, calendar and todo: md5 and basic auth and a
 * wrong password; a MaxMsgSize small enough to force many messages; one item larger than a
 * whole message, split with MoreData both ways; a connection cut after each package followed by
 * a sync that converges with no item lost and no duplicate on either side.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SyncMLError } from '../../src/core/syncml/index.js';
import { SERVERS, type DatastoreKind } from './servers.js';
import { makeItem, noteOf } from './support/items.js';
import {
  expectConverged,
  fileName,
  KINDS,
  seedServer,
  serverItems,
  startScenario,
  type Scenario,
} from './support/scenario.js';
import { cutAfter } from './support/test-client.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'NO_ERROR';
  } catch (e) {
    if (e instanceof SyncMLError) return e.code;
    throw e;
  }
}

/** '' when equal, else where and how two long texts differ (readable in a failure). */
function firstDifference(got: string, want: string): string {
  if (got === want) return '';
  let i = 0;
  while (i < got.length && got[i] === want[i]) i++;
  return `at ${i} of ${want.length}/${got.length}: want ${JSON.stringify(want.slice(i - 10, i + 30))} got ${JSON.stringify(got.slice(i - 10, i + 30))}`;
}

/** A long note with umlauts and line breaks: several KB in UTF-8, more bytes than characters. */
function longNote(seed: string, size: number): string {
  let s = '';
  for (let i = 0; s.length < size; i++) s += `${seed} Grüße ${i} äöüß – `;
  return s.trim(); // SyncEvolution trims iCalendar values
}

describe.each(SERVERS.map((s) => [s.name, s] as const))(
  'transport and faults against %s',
  (_name, server) => {
    let scenario: Scenario;
    beforeAll(async () => {
      scenario = await startScenario(server, 21);
    });

    it('authenticates with basic and with md5 and refuses a wrong password without committing', async () => {
      const { server: srv } = scenario;
      await srv.items.clear(srv.remoteUris.contacts);
      const basic = scenario.client(['contacts'], { auth: 'basic' });
      basic.add('contacts', makeItem('contacts', 'Basic Auth', 'v1'));
      await basic.sync();
      const md5 = scenario.client(['contacts'], { auth: 'md5' });
      await md5.sync();
      expect(md5.items('contacts')).toHaveLength(1);

      const wrong = scenario.client(['contacts'], { auth: 'md5', password: 'wrong' });
      wrong.add('contacts', makeItem('contacts', 'Never Sent', 'v1'));
      expect(await codeOf(wrong.sync())).toBe('AUTH_FAILED');
      const wrongBasic = scenario.client(['contacts'], { auth: 'basic', password: 'wrong' });
      expect(await codeOf(wrongBasic.sync())).toBe('AUTH_FAILED');
      expect((await serverItems(srv, 'contacts')).map((i) => i.key)).toEqual(['Basic Auth']);
    });

    describe.each(KINDS.map((k) => [k] as const))('%s', (kind: DatastoreKind) => {
      it('splits packages over many messages when MaxMsgSize is small', async () => {
        const { server: srv } = scenario;
        await srv.items.clear(srv.remoteUris[kind]);
        const serverKeys = Array.from({ length: 25 }, (_, i) => `Server Many${i}`);
        await seedServer(
          srv,
          kind,
          serverKeys.map((k) => [k, 'v1']),
        );
        const client = scenario.client([kind], { maxMsgSize: 3000 });
        const clientKeys = Array.from({ length: 25 }, (_, i) => `Client Many${i}`);
        for (const key of clientKeys) client.add(kind, makeItem(kind, key, 'v1'));
        const result = await client.sync();
        expect(result.messages).toBeGreaterThanOrEqual(8);
        await expectConverged(srv, client, kind, [...serverKeys, ...clientKeys]);
      });

      it('sends and receives an item larger than a whole message in MoreData chunks', async () => {
        const { server: srv } = scenario;
        const uri = srv.remoteUris[kind];
        await srv.items.clear(uri);
        const serverNote = longNote('Server', 12_000);
        await srv.items.write(
          uri,
          fileName(kind, 'Server Big'),
          makeItem(kind, 'Server Big', 'v1', serverNote),
        );
        const client = scenario.client([kind], { maxMsgSize: 4000, maxObjSize: 1_000_000 });
        const clientNote = longNote('Client', 12_000);
        client.add(kind, makeItem(kind, 'Client Big', 'v1', clientNote));
        const result = await client.sync();
        expect(result.messages).toBeGreaterThanOrEqual(6);
        await expectConverged(srv, client, kind, ['Server Big', 'Client Big']);
        const onServer = (await serverItems(srv, kind)).find((i) => i.key === 'Client Big')!;
        expect(firstDifference(noteOf(kind, onServer.data), clientNote)).toBe('');
        const onClient = client.items(kind).find((d) => d.includes('Server Big'))!;
        expect(firstDifference(noteOf(kind, onClient), serverNote)).toBe('');
      });

      it('converges after a connection cut after each package', async () => {
        const { server: srv } = scenario;
        const uri = srv.remoteUris[kind];
        await srv.items.clear(uri);
        await seedServer(srv, kind, [['Server Base', 'v1']]);
        const client = scenario.client([kind]);
        client.add(kind, makeItem(kind, 'Client Base', 'v1'));
        await client.sync();
        const expected = ['Server Base', 'Client Base'];
        const http = client.transport;
        for (const cutAt of [1, 2, 3]) {
          client.add(kind, makeItem(kind, `Client Cut${cutAt}`, 'v1'));
          await srv.items.write(
            uri,
            fileName(kind, `Server Cut${cutAt}`),
            makeItem(kind, `Server Cut${cutAt}`, 'v1'),
          );
          expected.push(`Client Cut${cutAt}`, `Server Cut${cutAt}`);
          client.transport = cutAfter(http, cutAt);
          expect(await codeOf(client.sync())).toBe('UNREACHABLE');
          client.transport = http;
          await client.sync();
          await expectConverged(srv, client, kind, expected);
        }
      });
    });
  },
);
