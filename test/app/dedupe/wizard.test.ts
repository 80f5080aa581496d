import { describe, expect, it } from 'vitest';
import { createSyncFolderWizard, type CreatedFolder } from '../../../src/app/dedupe/index.js';
import { luid, outlookFolderId, type ItemKind } from '../../../src/core/model/index.js';
import { MemoryOutlookStore } from '../../../src/core/sync/index.js';
import { contact } from './world.js';

function setup(existing: readonly string[] = ['Kontakte']) {
  const store = new MemoryOutlookStore('contact');
  const source = outlookFolderId('contacts-main');
  const created: CreatedFolder[] = [];
  const enabled: { folder: CreatedFolder; kind: ItemKind; datastore: string }[] = [];
  const wizard = createSyncFolderWizard({
    outlook: { contact: store },
    listFolderNames: async () => [...existing, ...created.map((c) => c.name)],
    createFolder: async (_kind, name) => {
      const folder = { id: outlookFolderId(`new-${created.length + 1}`), name };
      created.push(folder);
      return folder;
    },
    enableSync: async (folder, kind, datastore) => void enabled.push({ folder, kind, datastore }),
  });
  const anna = store.userCreate(source, contact('Anna Berg'));
  const linked = store.userCreate(source, contact('Bodo Kern'), { luid: luid('c7'), fingerprint: 'fp' });
  const stays = store.userCreate(source, contact('Cora Lind'));
  return { store, source, wizard, created, enabled, anna, linked, stays };
}

describe('sync folder wizard', () => {
  it('checks names as the user types: empty, taken (case-insensitive), too long, control characters', () => {
    const { wizard } = setup();
    expect(wizard.checkName('contact', '  CRM  ', ['Kontakte'])).toEqual({ ok: true, name: 'CRM' });
    const codes = ['   ', 'kontakte', 'x'.repeat(300), 'a\u0007b'].map((n) => {
      const r = wizard.checkName('contact', n, ['Kontakte']);
      return r.ok ? 'ok' : r.error.code;
    });
    expect(codes).toEqual(['EMPTY', 'TAKEN', 'TOO_LONG', 'INVALID_CHARS']);
  });

  it('creates the folder, moves the chosen items (copy first, then delete; links kept) and enables sync', async () => {
    const { wizard, store, source, enabled, anna, linked, stays } = setup();
    const steps: string[] = [];
    const result = await wizard.run(
      {
        kind: 'contact',
        name: 'CRM-Kontakte',
        datastore: 'addressbook',
        move: { from: source, ids: [anna, linked] },
      },
      { onProgress: (p) => steps.push(p.step) },
    );
    expect(steps).toEqual(['create', 'move', 'enable', 'done']);
    expect(result.failed).toEqual([]);
    expect(result.moved.size).toBe(2);
    expect(store.snapshot(source).map((s) => s.id)).toEqual([stays]);
    const moved = store.snapshot(result.folder.id);
    expect(moved.map((s) => (s.item.kind === 'contact' ? s.item.displayName : '')).sort()).toEqual([
      'Anna Berg',
      'Bodo Kern',
    ]);
    expect(moved.find((s) => s.id === result.moved.get(linked))?.link?.luid).toBe('c7');
    expect(enabled).toEqual([{ folder: result.folder, kind: 'contact', datastore: 'addressbook' }]);
  });

  it('an item whose copy fails stays in its old folder; a missing one is reported NOT_FOUND', async () => {
    const { wizard, store, source, anna, linked } = setup();
    store.failWrites((op) =>
      op.op === 'create' && op.item.kind === 'contact' && op.item.displayName === 'Anna Berg'
        ? { code: 'INVALID_ITEM', message: 'no' }
        : undefined,
    );
    const gone = outlookFolderId('gone') as unknown as typeof anna;
    const result = await wizard.run({
      kind: 'contact',
      name: 'CRM',
      datastore: 'addressbook',
      move: { from: source, ids: [anna, linked, gone] },
    });
    expect(result.failed.map((f) => [f.code, f.stage])).toEqual(
      expect.arrayContaining([
        ['INVALID_ITEM', 'create'],
        ['NOT_FOUND', 'create'],
      ]),
    );
    expect(store.snapshot(source).some((s) => s.id === anna)).toBe(true);
    expect(store.snapshot(source).some((s) => s.id === linked)).toBe(false);
  });

  it('refuses a taken name before creating anything', async () => {
    const { wizard, created } = setup();
    await expect(
      wizard.run({ kind: 'contact', name: 'KONTAKTE', datastore: 'addressbook' }),
    ).rejects.toMatchObject({
      code: 'TAKEN',
    });
    expect(created).toEqual([]);
  });
});
