/**
 * Server items as files (SyncEvolution's file backend: DATA_DIR/data/<datastore>/<id>).
 * The backend notices changes by mtime with one-second resolution (quirk 10), so every write
 * waits until the clock has moved past the second of the last write or sync.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerItemStore } from '../servers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function fileItemStore(root: string): ServerItemStore {
  const dir = (uri: string) => join(root, uri);
  let lastWriteAt = 0;
  // The first write of a batch waits out the second of whatever happened before (a sync);
  // writes right after it are in a later second than that sync already.
  const waitForFreshSecond = async () => {
    if (Date.now() - lastWriteAt > 1000) await sleep(1100);
    lastWriteAt = Date.now();
  };
  return {
    async list(uri) {
      await mkdir(dir(uri), { recursive: true });
      const names = (await readdir(dir(uri))).filter((n) => !n.startsWith('.'));
      return Promise.all(names.map(async (id) => ({ id, data: await readFile(join(dir(uri), id), 'utf8') })));
    },
    async write(uri, id, data) {
      await waitForFreshSecond();
      await mkdir(dir(uri), { recursive: true });
      await writeFile(join(dir(uri), id), data);
    },
    async remove(uri, id) {
      await rm(join(dir(uri), id), { force: true });
    },
    async clear(uri) {
      await rm(dir(uri), { recursive: true, force: true });
      await mkdir(dir(uri), { recursive: true });
    },
  };
}
