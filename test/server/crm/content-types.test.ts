import { describe, expect, it } from 'vitest';
import type { DevInf } from '../../../src/core/syncml/index.js';
import { useCrmServers } from './crm-under-test.js';
import { acknowledge, alert, itemCmd, serverSyncCommands, sync } from './scripted-client.js';

const crm = useCrmServers({ seed: false });
const setup = () => crm.withClient({}, 'old-phone');

function devInfPreferring(sourceRef: string, ctType: string, verCT: string): DevInf {
  return {
    verDTD: '1.2',
    devId: 'old-phone',
    devTyp: 'phone',
    utc: true,
    supportLargeObjs: false,
    supportNumberOfChanges: false,
    dataStores: [
      {
        sourceRef,
        rxPref: { ctType, verCT },
        rx: [],
        txPref: { ctType, verCT },
        tx: [],
        ctCaps: [],
        syncTypes: [1, 2],
      },
    ],
  };
}

const VCARD_21 =
  'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:Müller;Jörg\r\nFN;CHARSET=UTF-8:Jörg Müller\r\nTEL;CELL:+49 170 1234567\r\nEND:VCARD\r\n';

describe('sandbox CRM content types', () => {
  it("sends vCard 2.1 to a client whose DevInf prefers it, and stores a client's 2.1 card as vCard 3.0", async () => {
    const { server, client } = await setup();
    server.store.createRecord(
      'addressbook',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Weiß;Jürgen;;;\r\nFN:Jürgen Weiß\r\nEND:VCARD\r\n',
      'text/vcard',
      'web',
    );
    client.newSession();
    const put = {
      kind: 'Put' as const,
      meta: { type: 'application/vnd.syncml-devinf+xml' },
      items: [
        {
          source: { locUri: './devinf12' },
          data: { kind: 'devinf' as const, devInf: devInfPreferring('./addressbook', 'text/x-vcard', '2.1') },
        },
      ],
    };
    const r1 = await client.send([put, alert(201, 'addressbook', 'A1')]);
    expect(r1.msg!.body.some((c) => c.kind === 'Get')).toBe(false);
    const r2 = await client.send([
      ...acknowledge(r1.msg!),
      sync('addressbook', [itemCmd('Add', 'p1', VCARD_21, 'text/x-vcard')]),
    ]);
    const [add] = serverSyncCommands(r2.msg!);
    expect(add!.meta?.type).toBe('text/x-vcard');
    const data = add!.items[0]!.data;
    const text = data?.kind === 'text' ? data.text : '';
    expect(text).toContain('VERSION:2.1');
    expect(text).toMatch(/^FN;/m); // 2.1: CHARSET + QUOTED-PRINTABLE for the umlaut
    const stored = server.store.listRecords('addressbook').find((r) => r.content.includes('Müller'))!;
    expect(stored.contentType).toBe('text/vcard');
    expect(stored.content).toContain('VERSION:3.0');
  });
});
