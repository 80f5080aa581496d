/**
 * Against every server in servers.ts: the pane's "Check connection" (ok, wrong password, unknown
 * device) and the duplicate check's preview, which must leave the server as it was and not get
 * in the way of the real first sync that follows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../src/adapters/syncml-http/index.js';
import { checkConnection, memoryNonceStore, previewServerItems } from '../../src/core/syncml/index.js';
import { SERVERS } from './servers.js';
import { CONTENT_TYPE, keyOf, LOCAL_URI } from './support/items.js';
import {
  expectConverged,
  seedServer,
  serverItems,
  startScenario,
  type Scenario,
} from './support/scenario.js';

describe.each(SERVERS.map((s) => [s.name, s] as const))(
  'connection check and preview against %s',
  (name, server) => {
    let scenario: Scenario;
    beforeAll(async () => {
      scenario = await startScenario(server, 55);
    });

    it('classifies ok, a wrong password and an unknown device', async () => {
      const { server: srv } = scenario;
      const base = {
        transport: createHttpTransport(),
        serverUrl: srv.url,
        user: srv.user,
        auth: 'md5' as const,
        nonceStore: memoryNonceStore(),
      };
      const deviceId = srv.deviceIds[55]!;
      const ok = await checkConnection({ ...base, password: srv.password, deviceId });
      expect(ok.kind).toBe('ok');
      const wrong = await checkConnection({
        ...base,
        password: 'wrong',
        deviceId,
        nonceStore: memoryNonceStore(),
      });
      expect(wrong.kind).toBe('wrong-password');
      const stranger = await checkConnection({
        ...base,
        password: srv.password,
        deviceId: 'nobody-we-know',
        nonceStore: memoryNonceStore(),
      });
      // SyncEvolution refuses unknown device ids (HTTP 500 + HTML); a server that accepts any device says ok.
      if (name === 'SyncEvolution') expect(stranger.kind).toBe('unknown-device');
      else expect(['ok', 'unknown-device']).toContain(stranger.kind);
    });

    it('previews the server items without changing anything, then the first sync converges', async () => {
      const { server: srv } = scenario;
      const uri = srv.remoteUris.contacts;
      await srv.items.clear(uri);
      await seedServer(srv, 'contacts', [
        ['Preview One', 'v1'],
        ['Preview Two', 'v1'],
      ]);
      const client = scenario.client(['contacts']);
      const before = (await serverItems(srv, 'contacts')).map((i) => i.data).sort();
      const preview = await previewServerItems({
        transport: client.transport,
        serverUrl: srv.url,
        user: srv.user,
        password: srv.password,
        auth: 'md5',
        deviceId: client.opts.deviceId,
        nonceStore: client.nonceStore,
        datastores: [
          {
            localUri: LOCAL_URI.contacts,
            remoteUri: uri,
            contentType: CONTENT_TYPE.contacts,
            nextAnchor: `pv-${Date.now()}`,
          },
        ],
      });
      expect(preview.datastores[0]!.changes.map((c) => keyOf('contacts', c.data ?? '')).sort()).toEqual([
        'Preview One',
        'Preview Two',
      ]);
      expect((await serverItems(srv, 'contacts')).map((i) => i.data).sort()).toEqual(before);
      await client.sync();
      await expectConverged(srv, client, 'contacts', ['Preview One', 'Preview Two']);
    });
  },
);
