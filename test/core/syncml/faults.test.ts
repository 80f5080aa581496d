import { describe, expect, it } from 'vitest';
import {
  checkConnection,
  memoryNonceStore,
  previewServerItems,
  type SyncMLTransport,
} from '../../../src/core/syncml/index.js';
import {
  card,
  contactsStore,
  errorCodeOf,
  runSyncSession,
  sessionAgainst,
} from './support/session-helpers.js';

function setup() {
  const items = [
    { op: 'add' as const, guid: 'g1', data: card('Gina') },
    { op: 'delete' as const, luid: 'c3' },
  ];
  /** A run whose reply number `n` is rewritten by `edit`. */
  const tampered = (n: number, edit: (reply: string) => string) =>
    sessionAgainst({
      stores: { addressbook: { items } },
      tamper: (reply, i) => (i === n ? edit(reply) : reply),
    });
  const html = { body: '<html><body>Processing Failed</body></html>', status: 500, contentType: 'text/html' };
  return { items, tampered, html };
}

describe('SyncML session faults end with a typed error and commit nothing', () => {
  it.each([
    ['a truncated reply', 2, (r: string) => r.slice(0, r.length - 40), 'MALFORMED_XML'],
    ['a reply that is not SyncML', 1, () => '<?xml version="1.0"?><html><p>hi</p></html>', 'NOT_SYNCML'],
    [
      'an unknown command',
      2,
      (r: string) => r.replace('<Final/>', '<Exec><CmdID>99</CmdID></Exec><Final/>'),
      'UNKNOWN_COMMAND',
    ],
    [
      'a status for a command we never sent',
      2,
      (r: string) =>
        r
          .replace('<CmdRef>0</CmdRef>', '<CmdRef>0</CmdRef>')
          .replace(
            '<Final/>',
            '<Status><CmdID>98</CmdID><MsgRef>2</MsgRef><CmdRef>77</CmdRef><Cmd>Add</Cmd><Data>200</Data></Status><Final/>',
          ),
      'UNEXPECTED_STATUS',
    ],
    [
      'a refused datastore',
      1,
      (r: string) => r.replace(/(<Cmd>Alert<\/Cmd>.*?<Data>)200(<\/Data>)/, '$1404$2'),
      'DATASTORE_REJECTED',
    ],
    [
      'a refused Sync',
      2,
      (r: string) => r.replace(/(<Cmd>Sync<\/Cmd>.*?<Data>)200(<\/Data>)/, '$1500$2'),
      'SYNC_REJECTED',
    ],
    [
      'a missing status for our change',
      2,
      (r: string) =>
        r.replace(
          /<Status><CmdID>\d+<\/CmdID><MsgRef>2<\/MsgRef><CmdRef>\d+<\/CmdRef><Cmd>Add<\/Cmd>.*?<\/Status>/,
          '',
        ),
      'MISSING_STATUS',
    ],
    [
      'a server error on the header',
      2,
      (r: string) => r.replace(/(<Cmd>SyncHdr<\/Cmd>.*?<Data>)200(<\/Data>)/, '$1511$2'),
      'SERVER_ERROR',
    ],
    [
      'a refused Map',
      3,
      (r: string) => r.replace(/(<Cmd>Map<\/Cmd>.*?<Data>)200(<\/Data>)/, '$1500$2'),
      'MAP_REJECTED',
    ],
    [
      'a wrong Meta Size on a chunked item',
      2,
      (r: string) =>
        r.replace(
          '<Data><![CDATA[BEGIN',
          '<Meta><Size xmlns="syncml:metinf">9</Size></Meta><Data><![CDATA[BEGIN',
        ),
      'CHUNK_SIZE_MISMATCH',
    ],
  ])('%s', async (_what, n, edit, code) => {
    const { tampered } = setup();
    const run = tampered(n, edit);
    const changes = [{ op: 'add' as const, luid: 'c9', data: card('Frank') }];
    expect(await errorCodeOf(runSyncSession({ ...run.options, datastores: [contactsStore(changes)] }))).toBe(
      code,
    );
  });

  it('fails with NO_FINAL when the server never ends its package', async () => {
    const run = sessionAgainst({
      stores: { addressbook: {} },
      tamper: (reply, i) => (i >= 2 ? reply.replace('<Final/>', '') : reply),
    });
    expect(await errorCodeOf(runSyncSession(run.options))).toBe('NO_FINAL');
  });

  it('fails with HTTP_STATUS on the HTML page SyncEvolution sends for an unknown device', async () => {
    const { html } = setup();
    const run = sessionAgainst({ stores: { addressbook: {} }, tamper: () => html });
    const error = await runSyncSession(run.options).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_STATUS', details: { httpStatus: 500, html: true } });
  });

  it('fails with ITEM_TOO_LARGE for a server item above our MaxObjSize', async () => {
    const run = sessionAgainst({
      stores: {
        addressbook: { items: [{ op: 'add', guid: 'g', data: card('X', `NOTE:${'x'.repeat(5000)}\r\n`) }] },
      },
    });
    expect(await errorCodeOf(runSyncSession({ ...run.options, maxObjSize: 2000 }))).toBe('ITEM_TOO_LARGE');
  });

  it('fails with CHUNK_INTERRUPTED when another item starts before the last chunk', async () => {
    const run = sessionAgainst({
      chunkChars: 200,
      stores: {
        addressbook: { items: [{ op: 'add', guid: 'g', data: card('X', `NOTE:${'x'.repeat(500)}\r\n`) }] },
      },
      tamper: (reply, i) =>
        i === 2 ? reply.replace(/<LocURI>g<\/LocURI>/, '<LocURI>other</LocURI>') : reply,
    });
    expect(await errorCodeOf(runSyncSession(run.options))).toBe('CHUNK_INTERRUPTED');
  });

  it('refuses a server that turns a one-way-from-client session into one that writes to us', async () => {
    const run = sessionAgainst({ stores: { addressbook: { alert: 200 } } });
    const code = await errorCodeOf(
      runSyncSession({ ...run.options, datastores: [contactsStore([], { mode: 'one-way-from-client' })] }),
    );
    expect(code).toBe('MODE_NOT_ALLOWED');
  });

  it('needs all items when the server asks for a slow sync and there is no loader', async () => {
    const run = sessionAgainst({ stores: { addressbook: { alert: 508 } } });
    expect(await errorCodeOf(runSyncSession(run.options))).toBe('SLOW_SYNC_NEEDS_ALL_ITEMS');
  });

  it('ends without acknowledging anything when the hook aborts (deletion guard)', async () => {
    const { items } = setup();
    const run = sessionAgainst(
      { stores: { addressbook: { items } } },
      { onServerChanges: async () => 'abort' },
    );
    expect(await errorCodeOf(runSyncSession(run.options))).toBe('ABORTED_BY_HOOK');
    expect(run.server.requests).toHaveLength(2);
  });

  it('rejects outcomes that do not match the changes', async () => {
    const { items } = setup();
    const run = sessionAgainst(
      { stores: { addressbook: { items } } },
      { onServerChanges: async () => ({ outcomes: [{ status: 201 }] }) },
    );
    expect(await errorCodeOf(runSyncSession(run.options))).toBe('BAD_OUTCOMES');
  });

  it('stops with CANCELLED when the signal fires', async () => {
    const signal = { aborted: false };
    const run = sessionAgainst({
      stores: { addressbook: {} },
      tamper: (reply) => ((signal.aborted = true), reply),
    });
    expect(await errorCodeOf(runSyncSession({ ...run.options, signal }))).toBe('CANCELLED');
    expect(run.server.requests).toHaveLength(1);
  });

  it('refuses bad configuration before sending anything', async () => {
    const run = sessionAgainst({ stores: { addressbook: {} } });
    const twice = [
      { op: 'add' as const, luid: 'a', data: 'x' },
      { op: 'add' as const, luid: 'a', data: 'y' },
    ];
    expect(await errorCodeOf(runSyncSession({ ...run.options, datastores: [contactsStore(twice)] }))).toBe(
      'BAD_CONFIG',
    );
    expect(await errorCodeOf(runSyncSession({ ...run.options, datastores: [] }))).toBe('BAD_CONFIG');
    expect(run.server.requests).toHaveLength(0);
  });
});

describe('previewServerItems', () => {
  it('collects the server items of every datastore and acknowledges none', async () => {
    const run = sessionAgainst({
      stores: {
        addressbook: { items: [{ op: 'add', guid: 'g1', data: card('Gina') }] },
        calendar: { items: [{ op: 'add', guid: 'e1', data: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }] },
      },
    });
    const preview = await previewServerItems({
      ...run.options,
      datastores: [
        { localUri: './contacts', remoteUri: 'addressbook', contentType: 'text/vcard', nextAnchor: 'p1' },
        { localUri: './calendar', remoteUri: 'calendar', contentType: 'text/calendar', nextAnchor: 'p1' },
      ],
    });
    expect(preview.datastores.map((d) => [d.localUri, d.changes.map((c) => c.guid)])).toEqual([
      ['./contacts', ['g1']],
      ['./calendar', ['e1']],
    ]);
    expect(run.server.requests).toHaveLength(2);
    expect(
      run.server.requests
        .flatMap((r) => r.body)
        .some((c) => c.kind === 'Map' || (c.kind === 'Status' && c.cmd === 'Add')),
    ).toBe(false);
  });
});

describe('checkConnection', () => {
  const base = {
    serverUrl: 'http://fake/sync',
    user: 'test',
    password: 'test',
    auth: 'md5' as const,
    deviceId: 'dev-1',
    nonceStore: memoryNonceStore(),
  };
  const reply = (r: Awaited<ReturnType<SyncMLTransport['send']>>): SyncMLTransport => ({
    send: async () => r,
  });

  it('is ok after the md5 nonce round and lists the server datastores', async () => {
    const run = sessionAgainst({ nonces: ['MQ==', 'Mg=='], stores: {} });
    const result = await checkConnection({
      ...base,
      nonceStore: memoryNonceStore(),
      transport: run.options.transport,
    });
    expect(result.kind).toBe('ok');
    expect(run.server.requests[0]!.body.some((c) => c.kind === 'Alert')).toBe(false);
  });

  it('classifies wrong password, unknown device, unreachable and not-SyncML', async () => {
    const { html } = setup();
    const wrong = sessionAgainst({ password: 'other', nonces: ['MQ==', 'Mg==', 'Mw=='], stores: {} });
    expect((await checkConnection({ ...base, transport: wrong.options.transport })).kind).toBe(
      'wrong-password',
    );
    expect((await checkConnection({ ...base, transport: reply(html) })).kind).toBe('unknown-device');
    const down: SyncMLTransport = { send: async () => Promise.reject(new TypeError('fetch failed')) };
    expect((await checkConnection({ ...base, transport: down })).kind).toBe('unreachable');
    expect(
      (
        await checkConnection({
          ...base,
          transport: reply({ body: '{"ok":true}', status: 200, contentType: 'application/json' }),
        })
      ).kind,
    ).toBe('not-syncml');
  });
});
