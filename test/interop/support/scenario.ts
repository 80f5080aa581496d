/** Shared setup for scenarios: a server handle, a fresh device id per client, item checks. */
import { expect } from 'vitest';
import type { DatastoreKind, InteropServer, ServerHandle } from '../servers.js';
import { detailOf, expectedDetail, keyOf, makeItem } from './items.js';
import { TestClient, type TestClientOptions } from './test-client.js';

export const KINDS: readonly DatastoreKind[] = ['contacts', 'events', 'tasks'];

export interface Scenario {
  readonly server: ServerHandle;
  /** A client with a device id no other scenario of this run uses. */
  client(kinds: readonly DatastoreKind[], options?: Partial<TestClientOptions>): TestClient;
}

/** Device ids are handed out per test file from `firstDevice` on, so files never share one. */
export async function startScenario(server: InteropServer, firstDevice: number): Promise<Scenario> {
  const handle = await server.start();
  let next = firstDevice;
  return {
    server: handle,
    client(kinds, options = {}) {
      const deviceId = handle.deviceIds[next++];
      if (!deviceId) throw new Error('out of device ids: add more in support/syncevolution-info.ts');
      return new TestClient({ server: handle, deviceId, kinds, ...options });
    },
  };
}

export const fileName = (kind: DatastoreKind, key: string) =>
  `${key.replace(/\W/g, '-').toLowerCase()}.${kind === 'contacts' ? 'vcf' : 'ics'}`;

export async function seedServer(
  server: ServerHandle,
  kind: DatastoreKind,
  entries: readonly [string, string][],
): Promise<void> {
  const uri = server.remoteUris[kind];
  for (const [key, detail] of entries)
    await server.items.write(uri, fileName(kind, key), makeItem(kind, key, detail));
}

export async function serverItems(server: ServerHandle, kind: DatastoreKind) {
  return (await server.items.list(server.remoteUris[kind])).map((i) => ({
    ...i,
    key: keyOf(kind, i.data),
    detail: detailOf(kind, i.data),
  }));
}

export async function serverIdOf(server: ServerHandle, kind: DatastoreKind, key: string): Promise<string> {
  const hit = (await serverItems(server, kind)).find((i) => i.key === key);
  if (!hit) throw new Error(`server has no ${key}`);
  return hit.id;
}

/** Both sides hold exactly `keys`, each once, with the expected details where given. */
export async function expectConverged(
  server: ServerHandle,
  client: TestClient,
  kind: DatastoreKind,
  keys: readonly string[],
  details: Readonly<Record<string, string>> = {},
): Promise<void> {
  const onServer = await serverItems(server, kind);
  const onClient = client
    .items(kind)
    .map((data) => ({ key: keyOf(kind, data), detail: detailOf(kind, data) }));
  const sorted = [...keys].sort();
  expect(onServer.map((i) => i.key).sort()).toEqual(sorted);
  expect(onClient.map((i) => i.key).sort()).toEqual(sorted);
  for (const [key, detail] of Object.entries(details)) {
    expect(onServer.find((i) => i.key === key)?.detail).toBe(expectedDetail(kind, detail));
    expect(onClient.find((i) => i.key === key)?.detail).toBe(expectedDetail(kind, detail));
  }
}
