import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_LINK_EXTENSION } from '../../../src/adapters/graph/item-link.js';
import { GraphTaskStore } from '../../../src/adapters/graph/task-store.js';
import { luid, outlookItemId, type Task } from '../../../src/core/model/index.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { emulatorFolder, idOf } from './emulator-setup.js';
import { testTaskCodec } from './test-codecs.js';

const graph = setupGraphServer();
beforeAll(() => graph.listen());
afterAll(() => graph.close());

const task = (title: string): Task => ({
  kind: 'task',
  title,
  status: 'notStarted',
  importance: 'high',
  categories: [],
  sensitivity: 'normal',
  extra: {},
});

async function setup() {
  const { client, folder } = await emulatorFolder(graph, 'tasks');
  return { client, folder, store: new GraphTaskStore(client, testTaskCodec) };
}

describe('GraphTaskStore', () => {
  it('creates the task and its link extension in one request', async () => {
    const { store, folder, client } = await setup();
    const [created] = await store.writeBatch(folder, [
      { op: 'create', item: task('Exposé senden'), link: { luid: luid('T1'), fingerprint: 'f1' } },
    ]);
    expect(client.stats.graphRequests).toBe(1);
    const stored = graph.store.findItem(idOf(created));
    expect(stored?.extensions).toContainEqual(
      expect.objectContaining({ extensionName: TASK_LINK_EXTENSION, crmLuid: 'T1' }),
    );
  });

  it('links a task the user made (no extension yet) on its first update', async () => {
    const { store, folder } = await setup();
    const mine = graph.store.createItem('task', folder, { title: 'Eigene Aufgabe' });
    const [updated] = await store.writeBatch(folder, [
      {
        op: 'update',
        id: outlookItemId(mine.immutableId),
        item: task('Eigene Aufgabe'),
        link: { luid: luid('T9'), fingerprint: 'f9' },
      },
    ]);
    expect(updated).toMatchObject({ ok: true });
    expect((await store.findByLuid(folder, luid('T9')))?.id).toBe(mine.immutableId);
  });

  it('does not move the link when the content write failed', async () => {
    const { store, folder } = await setup();
    const [created] = await store.writeBatch(folder, [
      { op: 'create', item: task('Original'), link: { luid: luid('T2'), fingerprint: 'v1' } },
    ]);
    const id = idOf(created);
    graph.control.failNext({
      status: 400,
      code: 'ErrorInvalidRequest',
      method: 'PATCH',
      pathIncludes: '/tasks/',
    });
    const [updated] = await store.writeBatch(folder, [
      { op: 'update', id, item: task('Neu'), link: { luid: luid('T2'), fingerprint: 'v2' } },
    ]);
    expect(updated).toMatchObject({ ok: false, error: { code: 'INVALID_ITEM' } });
    const stored = await store.findByLuid(folder, luid('T2'));
    expect(stored?.link?.fingerprint).toBe('v1');
    expect(stored?.item).toMatchObject({ title: 'Original' });
  });
});
