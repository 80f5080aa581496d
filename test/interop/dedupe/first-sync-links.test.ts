/**
 * Issue 7 against both servers: a CRM datastore and an Outlook folder that share people (spelled slightly
 * differently) — the check finds them with the right reasons, "link all ≥ 90", the first sync leaves exactly
 * one item per real record on each side with merged values on both, and a second sync changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReview, checkDuplicates, runSyncWithDecisions } from '../../../src/app/dedupe/index.js';
import { linkAllAbove, startReview } from '../../../src/core/dedupe/index.js';
import { parseVCard } from '../../../src/core/formats/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import { contact, createDedupeWorld } from '../../app/dedupe/world.js';
import { SERVERS, type ServerHandle } from '../servers.js';

const vcard = (lines: readonly string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

/** The CRM's records: three people Outlook also holds (differently written), one only the CRM has. */
const CRM_RECORDS: readonly [string, string][] = [
  [
    'anna',
    vcard([
      'N:Mueller;Anna;;;',
      'FN:Anna Mueller',
      'EMAIL;TYPE=WORK:ANNA.MUELLER@mueller-immo.de',
      'TITLE:Geschäftsführerin',
    ]),
  ],
  [
    'bernd',
    vcard(['N:Schmidt;Bernd;;;', 'FN:Bernd Schmidt', 'TEL;TYPE=CELL:+49 171 2345678', 'ORG:Schmidt AG']),
  ],
  [
    'carla',
    vcard([
      'N:Weiss;Carla;;;',
      'FN:Carla Weiss',
      'EMAIL;TYPE=WORK:carla@weiss-makler.de',
      'NOTE:Kundin seit 2019',
    ]),
  ],
  ['eva', vcard(['N:Lang;Eva;;;', 'FN:Eva Lang', 'EMAIL;TYPE=WORK:eva@lang.example'])],
];

function seedOutlook(world: ReturnType<typeof createDedupeWorld>) {
  const { memory, folder } = world;
  memory.userCreate(
    folder,
    contact('Anna Müller', {
      emails: [{ kind: 'work', address: 'anna.mueller+crm@mueller-immo.de' }],
      company: 'Müller Immobilien GmbH',
    }),
  );
  memory.userCreate(
    folder,
    contact('Dr. Bernd Schmidt', {
      name: { given: 'Bernd', family: 'Schmidt', prefix: 'Dr.' },
      phones: [{ kind: 'mobile', number: '0171 2345678' }],
      company: 'Schmidt AG',
    }),
  );
  memory.userCreate(
    folder,
    contact('Carla Weiß', {
      emails: [{ kind: 'work', address: 'Carla@Weiss-Makler.de' }],
      phones: [{ kind: 'business', number: '030 9876543' }],
    }),
  );
  memory.userCreate(
    folder,
    contact('Dieter Koch', { emails: [{ kind: 'work', address: 'dieter@koch.example' }] }),
  );
}

const people = (cs: readonly Contact[]) => cs.map((c) => c.name.family).sort();

async function crmContacts(server: ServerHandle): Promise<Contact[]> {
  const items = await server.items.list(server.remoteUris.contacts);
  return items.flatMap((i) => {
    const parsed = parseVCard(i.data);
    return parsed.ok ? [parsed.value] : [];
  });
}

describe.each(SERVERS)('duplicate check and linked first sync against $name', (srv) => {
  let server: ServerHandle;
  beforeAll(async () => {
    server = await srv.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  function setup(deviceIndex: number) {
    const world = createDedupeWorld(
      {
        url: server.url,
        user: server.user,
        password: server.password,
        deviceId: server.deviceIds[deviceIndex]!,
      },
      server.remoteUris.contacts,
    );
    seedOutlook(world);
    return world;
  }

  async function seedCrm() {
    await server.items.clear(server.remoteUris.contacts);
    for (const [id, data] of CRM_RECORDS)
      await server.items.write(server.remoteUris.contacts, `${id}.vcf`, data);
  }

  it('finds the shared people with their reasons; linking them leaves each person once on each side, merged, stable', async () => {
    await seedCrm();
    const world = setup(40);
    const check = await checkDuplicates(world.ports, {
      folder: world.folder,
      kind: 'contact',
      datastore: server.remoteUris.contacts,
      country: 'DE',
    });
    expect(check).toMatchObject({ synced: false, outlookItems: 4, crmItems: 4, crmUnreadable: 0 });
    const byFamily = new Map(
      check.pairs.map((p) => [p.crm.item.kind === 'contact' ? p.crm.item.name.family : '', p]),
    );
    expect([...byFamily.keys()].sort()).toEqual(['Mueller', 'Schmidt', 'Weiss']);
    expect(byFamily.get('Mueller')!.reasons).toContain('same-email');
    expect(byFamily.get('Schmidt')!.reasons).toContain('same-mobile');
    expect(byFamily.get('Weiss')!.reasons).toContain('same-email');
    expect(byFamily.get('Mueller')!.outlook.name).toBe('Anna Müller');
    expect(byFamily.get('Mueller')!.crm.name).toBe('Anna Mueller');
    for (const p of check.pairs) expect(p.score).toBeGreaterThanOrEqual(90);

    const applied = await applyReview(world.ports, check, linkAllAbove(startReview(check.pairs), 90));
    expect(applied.summary).toMatchObject({ linked: 3, undecided: 0 });

    const first = await runSyncWithDecisions(world.ports, world.request);
    expect(first.map((r) => r.outcome)).toEqual(first.map(() => 'completed'));
    expect(first[0]!.folders[0]!.toCrm.adds).toBe(1); // Dieter only: the linked items are never sent as new

    const outlook = world.outlookContacts();
    const crm = await crmContacts(server);
    expect(people(outlook)).toEqual(['Koch', 'Lang', 'Mueller', 'Schmidt', 'Weiss']);
    expect(people(crm)).toEqual(['Koch', 'Lang', 'Mueller', 'Schmidt', 'Weiss']);
    // Merged values on both sides: the CRM's title and note in Outlook, Outlook's company and phone in the CRM.
    const anna = (cs: Contact[]) => cs.find((c) => c.name.family === 'Mueller')!;
    const carla = (cs: Contact[]) => cs.find((c) => c.name.family === 'Weiss')!;
    for (const side of [outlook, crm]) {
      expect(anna(side).jobTitle).toBe('Geschäftsführerin');
      expect(anna(side).company).toBe('Müller Immobilien GmbH');
      expect(carla(side).note).toBe('Kundin seit 2019');
      expect(carla(side).phones.map((p) => p.number.replace(/\D/g, ''))).toContain('0309876543');
    }
    expect(await world.decisions.load(world.folder)).toBeUndefined();

    const outlookBefore = JSON.stringify(world.memory.snapshot(world.folder));
    const crmBefore = JSON.stringify(
      (await server.items.list(server.remoteUris.contacts)).map((i) => i.data).sort(),
    );
    const [second] = await runSyncWithDecisions(world.ports, world.request);
    expect(second!.outcome).toBe('completed');
    expect(second!.folders[0]).toMatchObject({
      toOutlook: { creates: 0, updates: 0, deletes: 0 },
      toCrm: { adds: 0, replaces: 0, deletes: 0 },
    });
    expect(JSON.stringify(world.memory.snapshot(world.folder))).toBe(outlookBefore);
    expect(
      JSON.stringify((await server.items.list(server.remoteUris.contacts)).map((i) => i.data).sort()),
    ).toBe(crmBefore);
  });

  it('a skipped Outlook item is never sent; a pair kept as both syncs as two items', async () => {
    await seedCrm();
    const world = setup(41);
    const check = await checkDuplicates(world.ports, {
      folder: world.folder,
      kind: 'contact',
      datastore: server.remoteUris.contacts,
      country: 'DE',
    });
    let review = startReview(check.pairs);
    check.pairs.forEach((p, i) => {
      const family = p.crm.item.kind === 'contact' ? p.crm.item.name.family : '';
      review = {
        ...review,
        decisions: review.decisions.map((d, j) =>
          j !== i
            ? d
            : family === 'Schmidt'
              ? { action: 'skip-outlook' }
              : family === 'Weiss'
                ? { action: 'keep-both' }
                : { action: 'link', fields: 'newer' },
        ),
      };
    });
    await applyReview(world.ports, check, review);
    const [first] = await runSyncWithDecisions(world.ports, world.request);
    expect(first!.outcome).toBe('completed');
    const crm = await crmContacts(server);
    // Schmidt: only the CRM's copy (Outlook's was skipped, and the CRM's comes down as new); Weiss and Weiß on both sides.
    expect(people(crm)).toEqual(['Koch', 'Lang', 'Mueller', 'Schmidt', 'Weiss', 'Weiß']);
    expect(people(world.outlookContacts())).toEqual([
      'Koch',
      'Lang',
      'Mueller',
      'Schmidt',
      'Schmidt',
      'Weiss',
      'Weiß',
    ]);
    const [second] = await runSyncWithDecisions(world.ports, world.request);
    expect(second!.folders[0]).toMatchObject({ toCrm: { adds: 0, replaces: 0, deletes: 0 } });
  });
});
