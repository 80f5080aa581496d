/**
 * Cancel while Outlook writes are in flight (decisions 0071, 0103): the run waits for the writes already sent,
 * journals them under "cancelled" so the history shows them and Undo can remove them, commits nothing, and the
 * next run adopts them: every item once on both sides.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { memorySettings } from '../../../src/adapters/storage/index.js';
import { closeWorldsAfterEach, createPaneWorld } from './pane-world.js';

closeWorldsAfterEach();
const keepGoing = async () => 'continue' as const;
const never = new AbortController().signal;

const vcard = (given: string) =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kunde;${given};;;\r\nFN:${given} Kunde\r\nEND:VCARD\r\n`;

describe('cancel during the Outlook writes', () => {
  it('journals what was written as a cancelled run; the next run brings the rest, nothing twice', async () => {
    const world = await createPaneWorld();
    await world.addContact(world.contacts, 'Anna', 'Weiß');
    const settings = memorySettings();
    const indexedDB = new IDBFactory();
    const first = await world.openPane({ settings, indexedDB });
    expect((await first.run(never, () => undefined, keepGoing)).outcome).toBe('completed');
    for (let i = 0; i < 30; i++)
      world.crm.store.createRecord('addressbook', vcard(`Neu${i}`), 'text/vcard', 'test');

    // Cancel the moment the first write batch leaves: it is in flight when the run is told to stop.
    const cancel = new AbortController();
    const graphFetch = world.graph.fetch;
    const pane = await world.openPane(
      { settings, indexedDB },
      {
        graph: {
          ...world.graph,
          fetch: (input, init) => {
            if (String(input).endsWith('/$batch') && init?.method === 'POST') cancel.abort();
            return graphFetch(input, init);
          },
        },
      },
    );
    const cancelled = await pane.run(cancel.signal, () => undefined, keepGoing);
    expect(cancelled.outcome).toBe('cancelled');

    const [newest] = await pane.history();
    expect(newest?.outcome).toBe('cancelled');
    const entries = newest!.folders.flatMap((f) => f.entries);
    const created = entries.filter((e) => e.result === 'created');
    const inOutlook = (await world.outlookNames(world.contacts)).filter((n) => n.startsWith('Neu'));
    // The history names exactly what Outlook got; the rest is reported as not written.
    expect(created.length).toBe(inOutlook.length);
    expect(created.length).toBeGreaterThan(0);
    for (const e of entries) if (e.result === 'failed') expect(e.reason.code).toBe('CANCELLED');

    const next = await first.run(never, () => undefined, keepGoing);
    expect(next.outcome).toBe('completed');
    const names = await world.outlookNames(world.contacts);
    expect(names.filter((n) => n.startsWith('Neu'))).toHaveLength(30);
    expect(new Set(names).size).toBe(names.length);
    expect(world.crmCount()).toBe(31);
  });
});
