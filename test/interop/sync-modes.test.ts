/**
 * Against every server in servers.ts, for contacts, calendar and todo: slow sync up and down,
 * two-way with an add, a replace and a delete on each side, refresh both ways, one-way both
 * ways. Checks compare fields (the server rewrites items), never bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVERS, type DatastoreKind } from './servers.js';
import { makeItem } from './support/items.js';
import {
  expectConverged,
  fileName,
  KINDS,
  seedServer,
  serverIdOf,
  startScenario,
  type Scenario,
} from './support/scenario.js';
import type { TestClient } from './support/test-client.js';

/** The device's user edits the one item whose text holds `key`: it becomes `detail`. */
function replaceOnDevice(client: TestClient, kind: DatastoreKind, key: string, detail: string): void {
  client.replace(
    kind,
    client.luidOf(kind, (d) => d.includes(key)),
    makeItem(kind, key, detail),
  );
}

describe.each(SERVERS.map((s) => [s.name, s] as const))('sync modes against %s', (_name, server) => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await startScenario(server, 1);
  });

  /** Empties the server's datastore of `kind`, then writes `entries` (key, detail) into it. */
  async function reseed(kind: DatastoreKind, entries: readonly [string, string][]) {
    const srv = scenario.server;
    const uri = srv.remoteUris[kind];
    await srv.items.clear(uri);
    await seedServer(srv, kind, entries);
    return { srv, uri };
  }

  describe.each(KINDS.map((k) => [k] as const))('%s', (kind: DatastoreKind) => {
    it('slow sync up and down, then two-way with add/replace/delete on each side', async () => {
      const { srv, uri } = await reseed(kind, [
        ['Server A', 'v1'],
        ['Server B', 'v1'],
      ]);
      const alice = scenario.client([kind]);
      alice.add(kind, makeItem(kind, 'Client One', 'v1'));
      alice.add(kind, makeItem(kind, 'Client Two', 'v1'));
      alice.add(kind, makeItem(kind, 'Client Three', 'v1'));
      const first = await alice.sync();
      expect(first.datastores[0]?.mode).toBe('slow');
      const all = ['Server A', 'Server B', 'Client One', 'Client Two', 'Client Three'];
      await expectConverged(srv, alice, kind, all);

      const bob = scenario.client([kind]);
      await bob.sync();
      expect(bob.items(kind)).toHaveLength(5);

      alice.add(kind, makeItem(kind, 'Client New', 'v1'));
      replaceOnDevice(alice, kind, 'Client One', 'v2');
      alice.remove(
        kind,
        alice.luidOf(kind, (d) => d.includes('Client Two')),
      );
      await srv.items.write(uri, fileName(kind, 'Server New'), makeItem(kind, 'Server New', 'v1'));
      await srv.items.write(uri, await serverIdOf(srv, kind, 'Server A'), makeItem(kind, 'Server A', 'v2'));
      await srv.items.remove(uri, await serverIdOf(srv, kind, 'Server B'));
      const second = await alice.sync();
      expect(second.datastores[0]?.mode).toBe('two-way');
      expect(second.datastores[0]?.ourChanges.every((c) => c.ok)).toBe(true);
      await expectConverged(
        srv,
        alice,
        kind,
        ['Server A', 'Client One', 'Client Three', 'Client New', 'Server New'],
        {
          'Server A': 'v2',
          'Client One': 'v2',
        },
      );
    });

    it('refresh from server, then refresh from client', async () => {
      const { srv, uri } = await reseed(kind, [
        ['Server A', 'v1'],
        ['Server B', 'v1'],
      ]);
      const carol = scenario.client([kind]);
      carol.add(kind, makeItem(kind, 'Local Junk', 'v1'));
      const refreshed = await carol.sync({ [kind]: 'refresh-from-server' });
      expect(refreshed.datastores[0]?.mode).toBe('refresh-from-server');
      await expectConverged(srv, carol, kind, ['Server A', 'Server B']);

      carol.add(kind, makeItem(kind, 'Client C', 'v1'));
      await srv.items.write(uri, fileName(kind, 'Server Extra'), makeItem(kind, 'Server Extra', 'v1'));
      const pushed = await carol.sync({ [kind]: 'refresh-from-client' });
      expect(pushed.datastores[0]?.mode).toBe('refresh-from-client');
      await expectConverged(srv, carol, kind, ['Server A', 'Server B', 'Client C']);
    });

    it('one-way from server, then one-way from client', async () => {
      const { srv, uri } = await reseed(kind, [
        ['Item A', 'v1'],
        ['Item B', 'v1'],
      ]);
      const dave = scenario.client([kind]);
      await dave.sync();
      replaceOnDevice(dave, kind, 'Item A', 'v2');
      await srv.items.write(uri, await serverIdOf(srv, kind, 'Item B'), makeItem(kind, 'Item B', 'v2'));

      const down = await dave.sync({ [kind]: 'one-way-from-server' });
      expect(down.datastores[0]?.mode).toBe('one-way-from-server');
      expect(down.datastores[0]?.ourChanges.map((c) => c.status)).toEqual([0]);
      const serverA = (await srv.items.list(uri)).find((i) => i.data.includes('Item A'))!;
      expect(serverA.data).not.toContain('v2');

      const up = await dave.sync({ [kind]: 'one-way-from-client' });
      expect(up.datastores[0]?.mode).toBe('one-way-from-client');
      await expectConverged(srv, dave, kind, ['Item A', 'Item B'], { 'Item A': 'v2', 'Item B': 'v2' });
    });
  });

  it('syncs contacts, calendar and todo in one session', async () => {
    const { server: srv } = scenario;
    for (const kind of KINDS) await srv.items.clear(srv.remoteUris[kind]);
    for (const kind of KINDS) await seedServer(srv, kind, [[`Server ${kind}`, 'v1']]);
    const erin = scenario.client(KINDS);
    for (const kind of KINDS) erin.add(kind, makeItem(kind, `Client ${kind}`, 'v1'));
    const result = await erin.sync();
    expect(result.datastores.map((d) => d.mode)).toEqual(['slow', 'slow', 'slow']);
    for (const kind of KINDS) await expectConverged(srv, erin, kind, [`Server ${kind}`, `Client ${kind}`]);
    for (const kind of KINDS) replaceOnDevice(erin, kind, `Client ${kind}`, 'v2');
    const again = await erin.sync();
    expect(again.datastores.map((d) => d.mode)).toEqual(['two-way', 'two-way', 'two-way']);
    for (const kind of KINDS)
      await expectConverged(srv, erin, kind, [`Server ${kind}`, `Client ${kind}`], {
        [`Client ${kind}`]: 'v2',
      });
  });
});
