import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphError } from '../../../src/sandbox/graph/errors.js';
import { loadMailboxFile, openMailboxFile, saveMailboxFile } from '../../../src/sandbox/graph/file.js';
import { createGraphHandlers } from '../../../src/sandbox/graph/handlers.js';
import { setupGraphServer } from '../../../src/sandbox/graph/node.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { deltaRound, graph, IMMUTABLE } from './graph-client.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-mailbox-'));
  const mailbox = setupGraphServer();
  return {
    mailbox,
    file: join(dir, 'mailbox.json'),
    serve(store: MailboxStore) {
      mailbox.server.resetHandlers(...createGraphHandlers(store));
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const { mailbox, file, serve, cleanup } = setup();
beforeAll(() => mailbox.listen());
afterAll(() => {
  mailbox.close();
  cleanup();
});

describe('persistence', () => {
  it('round-trips folders, items, extended properties, series exceptions and delta links through a file', async () => {
    const store = new MailboxStore();
    serve(store);
    const folder = await graph('POST', '/me/contactFolders', { displayName: 'CRM Sync' });
    const folderId = String(folder.body.id);
    const contact = await graph(
      'POST',
      `/me/contactFolders/${folderId}/contacts`,
      {
        givenName: 'Jürgen',
        singleValueExtendedProperties: [
          { id: 'String {6f7b2a6e-1c1d-4c5e-9f2a-3c0b7d1e2a11} Name CrmId', value: '42' },
        ],
      },
      IMMUTABLE,
    );
    const round = await deltaRound(`/me/contactFolders/${folderId}/contacts/delta`);
    saveMailboxFile(file, store);

    const reloaded = loadMailboxFile(file);
    expect(reloaded.toJSON()).toEqual(JSON.parse(JSON.stringify(store.toJSON())));
    serve(reloaded);
    const again = await graph(
      'GET',
      `/me/contacts/${String(contact.body.id)}?$expand=singleValueExtendedProperties($filter=id eq 'String {6f7b2a6e-1c1d-4c5e-9f2a-3c0b7d1e2a11} Name CrmId')`,
      undefined,
      IMMUTABLE,
    );
    expect(again.body).toMatchObject({
      givenName: 'Jürgen',
      singleValueExtendedProperties: [{ value: '42' }],
    });
    // The stored delta link still works after the reload, and sees nothing new.
    expect((await deltaRound(round.deltaLink)).values).toEqual([]);
    reloaded.updateItem('contact', String(contact.body.id), { surname: 'Müller' });
    expect((await deltaRound(round.deltaLink)).values).toHaveLength(1);
  });

  it('refuses files that are not a sandbox mailbox with a typed error', () => {
    writeFileSync(file, '{"format":"something-else"}');
    expect(() => loadMailboxFile(file)).toThrow(GraphError);
    writeFileSync(file, 'not json');
    try {
      loadMailboxFile(file);
      expect.unreachable();
    } catch (error) {
      expect((error as GraphError).code).toBe('BadRequest');
    }
    expect(() => loadMailboxFile(join(file, 'missing.json'))).toThrow(GraphError);
    const broken = new MailboxStore().toJSON() as unknown as { items: unknown[] };
    broken.items.push({ kind: 'contact', immutableId: 'x' });
    writeFileSync(file, JSON.stringify(broken));
    expect(() => loadMailboxFile(file)).toThrow(GraphError);
  });

  it('creates a fresh mailbox when the file does not exist, and writes atomically', () => {
    const missing = `${file}.new.json`;
    const store = openMailboxFile(missing, (s) => s.createFolder('todo', 'Rückrufe'));
    expect(store.listFolders('todo').map((f) => f.displayName)).toEqual(['Aufgaben', 'Rückrufe']);
    saveMailboxFile(missing, store);
    expect(JSON.parse(readFileSync(missing, 'utf8')).format).toBe('sandbox-mailbox');
  });
});
