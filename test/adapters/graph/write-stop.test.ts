/**
 * Cancelling a write (decision 0103): requests already sent are awaited and their answers count, nothing further
 * is sent, and the ops never sent come back ABORTED. Graph finishes a $batch it has received, so a cancelled run
 * must learn what it wrote instead of leaving it to the next run to find.
 */
import { describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/graph/client.js';
import { GraphContactStore } from '../../../src/adapters/graph/contact-store.js';
import { createFolder } from '../../../src/adapters/graph/folders.js';
import { emulatorFetch } from '../../../src/cli/emulator-fetch.js';
import { emptyContact, luid, outlookFolderId } from '../../../src/core/model/index.js';
import type { WriteOp } from '../../../src/core/sync/outlook-store.js';
import { GraphEmulatorControl } from '../../../src/sandbox/graph/control.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { testContactCodec } from './test-codecs.js';

async function world(onBatch: (stop: AbortController) => void) {
  const mailbox = new MailboxStore();
  const control = new GraphEmulatorControl();
  const inner = emulatorFetch(mailbox, control);
  const stop = new AbortController();
  let batches = 0;
  const client = new GraphClient({
    tokenProvider: { getToken: async () => 'sandbox-token' },
    fetch: (input, init) => {
      if (String(input).endsWith('/$batch')) {
        batches++;
        onBatch(stop);
      }
      return inner(input, init);
    },
    rateLimit: false,
    // One request at a time: the second batch of the round waits for the first, so a stop can fall between.
    maxConcurrent: 1,
  });
  const folder = outlookFolderId((await createFolder(client, 'contacts', 'Abbruch')).id);
  const store = new GraphContactStore(client, testContactCodec);
  const ops: WriteOp[] = Array.from({ length: 40 }, (_, i) => ({
    op: 'create',
    item: { ...emptyContact(), displayName: `Kontakt ${i}` },
    link: { luid: luid(`S${i}`), fingerprint: `f${i}` },
  }));
  const contactsInMailbox = async () => (await store.readAll(folder)).length;
  return { store, folder, ops, stop, contactsInMailbox, batches: () => batches };
}

describe('stopping a write', () => {
  it('awaits the batch in flight, sends no further one, and answers the unsent ops ABORTED', async () => {
    const w = await world((stop) => stop.abort());
    const results = await w.store.writeBatch(w.folder, w.ops, w.stop.signal);
    expect(w.batches()).toBe(1);
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results.slice(20).map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(new Array(20).fill('ABORTED'));
    // What the answers say is what Outlook holds: 20 written, none unknown.
    expect(await w.contactsInMailbox()).toBe(20);
  });

  it('writes everything when nobody stops', async () => {
    const w = await world(() => undefined);
    const results = await w.store.writeBatch(w.folder, w.ops, w.stop.signal);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await w.contactsInMailbox()).toBe(40);
  });

  it('sends nothing when stopped before the call', async () => {
    const w = await world(() => undefined);
    w.stop.abort();
    await expect(w.store.writeBatch(w.folder, w.ops, w.stop.signal)).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(w.batches()).toBe(0);
    expect(await w.contactsInMailbox()).toBe(0);
  });
});
