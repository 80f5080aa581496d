/** The duplicate check from the CLI, and a first sync that links the pairs instead of copying them. */
import { afterEach, describe, expect, it } from 'vitest';
import { cli, exportedNames, setupWorld, vcards, type World } from './support.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

interface DuplicatesJson {
  pairs: { score: number; reasons: string[]; outlook: string; crm: string }[];
  withinOutlook: { score: number; outlook: string; outlook2: string }[];
  linked?: number;
}

describe('outlook-crm-sync duplicates', { timeout: 120_000 }, () => {
  it('lists pairs with both names, links them, and the first sync leaves one item per record on each side', async () => {
    world = await setupWorld();
    const w = world;
    for (const p of [
      { given: 'Juergen', family: 'Mueller', tel: '089/3003030' },
      { given: 'Lena', family: 'Schröder', email: 'Lena.Schroeder@example.com' },
      { given: 'Carla', family: 'Crm', email: 'carla@example.com' },
    ]) {
      w.crm.store.createRecord('addressbook', vcards([p]), 'text/vcard', 'web');
    }
    const kunden = w.file(
      'kunden.vcf',
      vcards([
        { given: 'Jürgen', family: 'Müller', tel: '+49 89 3003030' },
        {
          given: 'Lena',
          family: 'Schröder',
          email: 'lena.schroeder+crm@example.com',
          tel: '+49 176 24681357',
        },
        { given: 'Otto', family: 'Outlook', email: 'otto@example.com' },
      ]),
    );
    expect(
      (await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', kunden])).code,
    ).toBe(0);
    const check = [
      'duplicates',
      '--mailbox',
      w.mailbox,
      ...w.conn(),
      '--folder',
      'Kunden',
      '--datastore',
      'addressbook',
    ];

    const listed = await cli([...check, '--json'], w.env);
    expect(listed.code).toBe(0);
    const found = JSON.parse(listed.stdout) as DuplicatesJson;
    expect(found.pairs.map((p) => [p.outlook, p.crm]).sort()).toEqual([
      ['Jürgen Müller', 'Juergen Mueller'],
      ['Lena Schröder', 'Lena Schröder'],
    ]);
    expect(found.pairs.find((p) => p.outlook === 'Lena Schröder')!.reasons).toContain('same-email');
    // The check reads the CRM in a preview session: nothing was acknowledged, nothing changed there.
    expect(w.crmNames()).toEqual(['Carla Crm', 'Juergen Mueller', 'Lena Schröder']);
    const text = await cli(check, w.env);
    expect(text.stdout).toContain('Jürgen Müller  ⇄  Juergen Mueller');
    expect(text.stdout).toContain('same e-mail');

    const linked = await cli([...check, '--link-above', '70', '--json'], w.env);
    expect(JSON.parse(linked.stdout)).toMatchObject({ linked: 2 });

    const sync = (...extra: string[]) =>
      cli(['sync', '--mailbox', w.mailbox, ...w.conn(), '--pair', 'Kunden=addressbook', ...extra], w.env);
    const first = await sync();
    expect(first.code).toBe(0);
    const exported = await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Kunden']);
    const outlookNames = exportedNames(exported.stdout);
    expect(outlookNames).toHaveLength(4);
    expect(w.crmNames()).toEqual(outlookNames);
    expect(outlookNames).toEqual(expect.arrayContaining(['Carla Crm', 'Otto Outlook', 'Lena Schröder']));
    // Merged values went to both sides: the CRM's Lena has the Outlook mobile number now.
    const lena = w.crm.store.listRecords('addressbook').find((r) => r.content.includes('Lena'))!;
    expect(lena.content.replace(/\s/g, '')).toContain('+4917624681357');

    const second = await sync('--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      outcome: 'completed',
      folders: [
        { toOutlook: { creates: 0, updates: 0, deletes: 0 }, toCrm: { adds: 0, replaces: 0, deletes: 0 } },
      ],
    });
    const refused = await cli([...check, '--link-above', '70'], w.env);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('[BAD_FLAG_VALUE]')]);
  });

  it('lists duplicates within the Outlook folder', async () => {
    world = await setupWorld();
    const w = world;
    const privat = w.file(
      'privat.vcf',
      vcards([
        { given: 'Petra', family: 'Hoffmann', email: 'petra.hoffmann@example.de' },
        { given: 'Petra', family: 'Hofmann', email: 'Petra.Hoffmann@example.de' },
        { given: 'Ralf', family: 'Vogel' },
      ]),
    );
    await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Privat', privat]);
    const run = await cli(
      [
        'duplicates',
        '--mailbox',
        w.mailbox,
        ...w.conn(),
        '--folder',
        'Privat',
        '--datastore',
        'addressbook',
        '--json',
      ],
      w.env,
    );
    expect(run.code).toBe(0);
    const found = JSON.parse(run.stdout) as DuplicatesJson;
    expect(found.pairs).toEqual([]);
    expect(found.withinOutlook.map((p) => [p.outlook, p.outlook2].sort())).toEqual([
      ['Petra Hoffmann', 'Petra Hofmann'],
    ]);
  });
});
