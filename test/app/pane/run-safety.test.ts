import { describe, expect, it } from 'vitest';
import type { GuardTrip } from '../../../src/core/sync/index.js';
import { closeWorldsAfterEach, createPaneWorld, PASSWORD } from './pane-world.js';

closeWorldsAfterEach();
const never = new AbortController().signal;
const noProgress = () => undefined;
const keepGoing = async () => 'continue' as const;

async function setup(contacts = 4) {
  const world = await createPaneWorld();
  for (let i = 0; i < contacts; i++) await world.addContact(world.contacts, `Person${i}`, 'Muster');
  const pane = await world.openPane();
  await pane.run(never, noProgress, keepGoing);
  return { world, pane };
}

describe('pane runs stay safe', () => {
  it('asks before the CRM deletes half a folder in Outlook; Stop deletes nothing', async () => {
    const { world, pane } = await setup();
    for (const r of world.crm.store.listRecords('addressbook').slice(0, 2)) {
      world.crm.store.deleteRecord('addressbook', r.guid, 'web');
    }
    const asked: GuardTrip[] = [];
    const run = await pane.run(never, noProgress, async (trip) => (asked.push(trip), 'stop'));
    expect(run.outcome).toBe('stopped-by-guard');
    expect(asked[0]?.deletions).toHaveLength(2);
    expect(await world.outlookNames(world.contacts)).toHaveLength(4);

    const confirmed = await pane.run(never, noProgress, keepGoing);
    expect(confirmed.outcome).toBe('completed');
    expect(await world.outlookNames(world.contacts)).toHaveLength(2);
  });

  it('a run cancelled mid-way commits nothing; the next run converges without duplicates', async () => {
    const { world, pane } = await setup(0);
    for (let i = 0; i < 30; i++) {
      const card = `BEGIN:VCARD\r\nVERSION:2.1\r\nN:Kunde;K${i}\r\nFN:K${i} Kunde\r\nEND:VCARD\r\n`;
      world.crm.store.createRecord('addressbook', card, 'text/x-vcard', 'web');
    }
    world.control.setFaults({ latencyMs: 50 });
    const abort = new AbortController();
    const cancelled = await pane.run(abort.signal, (p) => p.done > 0 && abort.abort(), keepGoing);
    expect(cancelled.outcome).toBe('cancelled');
    world.control.setFaults({ latencyMs: 0 });
    const again = await pane.run(never, noProgress, keepGoing);
    expect(again.outcome).toBe('completed');
    expect(await world.outlookNames(world.contacts)).toHaveLength(30);
    expect(world.crmCount()).toBe(30);
  });

  it('a run with a wrong password fails without the password in its result or journal', async () => {
    const { world, pane } = await setup(1);
    world.setConnection({ password: `${PASSWORD}-old` });
    const run = await pane.run(never, noProgress, keepGoing);
    expect(run.outcome).toBe('failed');
    expect(run.error?.code).toBe('SESSION_FAILED');
    expect(JSON.stringify(run)).not.toContain(PASSWORD);
    expect(JSON.stringify(await pane.history())).not.toContain(PASSWORD);
  });
});
