/**
 * SyncML client speed against SyncEvolution's server, side by side with SyncEvolution's own
 * client on the same machine, same server, same items: a first slow sync of N contacts from the
 * client to an empty server, then a sync with no changes. Each timed end to end (our session
 * from first POST to last reply; their client process from start to exit). Figures only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpTransport } from '../src/adapters/syncml-http/index.js';
import {
  memoryNonceStore,
  runSyncSession,
  type ClientChange,
  type SyncMode,
  type SyncSessionResult,
} from '../src/core/syncml/index.js';
import { printTable, writeResults } from './report.js';

const PEER = fileURLToPath(new URL('../../shared/syncml-peer/', import.meta.url));
const SIZES = [1000, 5000];
const OUR_DEVICE = 'outlook-addin-test';
const THEIR_DEVICE = 'syncml-peer-client-1';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

interface Server {
  readonly dir: string;
  readonly url: string;
  readonly env: NodeJS.ProcessEnv;
}

async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'syncml-bench-srv-'));
  const port = await freePort();
  const env = {
    ...process.env,
    SYNCML_PORT: String(port),
    SYNCML_DEVICE_IDS: `${OUR_DEVICE} ${THEIR_DEVICE}`,
  };
  execFileSync('bash', [join(PEER, 'start-syncml-server.sh'), dir], { env, stdio: 'ignore' });
  return { dir, url: `http://127.0.0.1:${port}/syncevolution`, env };
}

function stopServer(s: Server): void {
  spawnSync('bash', [join(PEER, 'stop-syncml-server.sh'), s.dir], { env: s.env, stdio: 'ignore' });
  rmSync(s.dir, { recursive: true, force: true });
}

/** The same generated contacts for both clients: the seed script writes them as files. */
function generateContacts(n: number): { dir: string; items: ClientChange[] } {
  const dir = mkdtempSync(join(tmpdir(), 'syncml-bench-cli-'));
  execFileSync(
    'bash',
    [join(PEER, 'seed-syncml-server.sh'), '--contacts', String(n), '--prefix', 'cli', dir],
    { stdio: 'ignore' },
  );
  const book = join(dir, 'data', 'addressbook');
  const items = readdirSync(book).map((f, i) => ({
    op: 'replace' as const,
    luid: `c${i}`,
    data: readFileSync(join(book, f), 'utf8'),
  }));
  return { dir, items };
}

async function ourSync(server: Server, items: readonly ClientChange[], mode: SyncMode, lastAnchor?: string) {
  const started = performance.now();
  const result: SyncSessionResult = await runSyncSession({
    transport: createHttpTransport({ timeoutMs: 300_000 }),
    serverUrl: server.url,
    user: 'test',
    password: 'test',
    auth: 'md5',
    deviceId: OUR_DEVICE,
    nonceStore,
    datastores: [
      {
        localUri: './contacts',
        remoteUri: 'addressbook',
        contentType: 'text/vcard',
        mode,
        ...(lastAnchor ? { lastAnchor } : {}),
        nextAnchor: `b${Date.now()}`,
        changes: items,
      },
    ],
    onServerChanges: async (_store, changes) => ({
      outcomes: changes.map((c, i) => ({ status: c.op === 'add' ? 201 : 200, luid: `s${i}` })),
    }),
  });
  return { seconds: (performance.now() - started) / 1000, result };
}

function theirSync(server: Server, clientDir: string, args: string[]): number {
  const env = { ...process.env, SYNCML_URL: server.url, SYNCML_DEVICE_ID: THEIR_DEVICE };
  const started = performance.now();
  const r = spawnSync('bash', [join(PEER, 'tools', 'syncevo-client.sh'), 'sync', clientDir, ...args], {
    env,
    stdio: 'ignore',
  });
  if (r.status !== 0) throw new Error(`SyncEvolution client failed (${r.status})`);
  return (performance.now() - started) / 1000;
}

const nonceStore = memoryNonceStore();
const rows: Record<string, string | number>[] = [];
const data: unknown[] = [];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

for (const n of SIZES) {
  const { dir: clientDir, items } = generateContacts(n);
  // ours, against an empty server
  const ours = await startServer();
  const slow = await ourSync(ours, items, 'slow');
  const anchor = slow.result.datastores[0]!.nextAnchor;
  const noChange = await ourSync(ours, [], 'two-way', anchor);
  const onServer = readdirSync(join(ours.dir, 'data', 'addressbook')).length;
  stopServer(ours);
  // theirs, against another empty server, same items
  const theirsServer = await startServer();
  const env = { ...process.env, SYNCML_URL: theirsServer.url, SYNCML_DEVICE_ID: THEIR_DEVICE };
  execFileSync('bash', [join(PEER, 'tools', 'syncevo-client.sh'), 'setup', clientDir], {
    env,
    stdio: 'ignore',
  });
  const theirSlow = theirSync(theirsServer, clientDir, ['--sync', 'slow', 'addressbook']);
  const theirNoChange = theirSync(theirsServer, clientDir, ['addressbook']);
  stopServer(theirsServer);
  rmSync(clientDir, { recursive: true, force: true });
  for (const [phase, mine, theirs] of [
    ['first slow sync', slow, theirSlow],
    ['no-change sync', noChange, theirNoChange],
  ] as const) {
    rows.push({
      contacts: n,
      sync: phase,
      'ours s': round(mine.seconds),
      'theirs s': round(theirs),
      ratio: round(mine.seconds / theirs),
      messages: mine.result.messages,
      'up B/item': Math.round(mine.result.bytesUp / n),
      'down B/item': Math.round(mine.result.bytesDown / n),
    });
    data.push({
      contacts: n,
      phase,
      oursSeconds: mine.seconds,
      theirsSeconds: theirs,
      messages: mine.result.messages,
      bytesUp: mine.result.bytesUp,
      bytesDown: mine.result.bytesDown,
      serverItemsAfter: onServer,
    });
  }
}

printTable(rows);
console.log(
  'ratio < 1: we are faster. Both include ~1 s of server wait per datastore (SyncEvolution file backend, quirk 10).',
);
writeResults('syncml', data);
