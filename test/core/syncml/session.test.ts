import { describe, expect, it } from 'vitest';
import { utf8Length, type StatusCommand } from '../../../src/core/syncml/index.js';
import { card, contactsStore, runSyncSession, sessionAgainst } from './support/session-helpers.js';

function setup() {
  const statusesIn = (req: { body: readonly { kind: string }[] }) =>
    req.body.filter((c): c is StatusCommand => c.kind === 'Status');
  return { statusesIn };
}

describe('SyncML session: two-way and slow', () => {
  it('runs the six packages of a two-way sync with Add/Replace/Delete both ways and a Map', async () => {
    const { statusesIn } = setup();
    const run = sessionAgainst({
      stores: {
        addressbook: {
          items: [
            { op: 'add', guid: 'g1', data: card('Gina') },
            { op: 'replace', luid: 'c2', data: card('Bob', 'TEL:1\r\n') },
            { op: 'delete', luid: 'c3' },
          ],
        },
      },
    });
    const result = await runSyncSession({
      ...run.options,
      datastores: [
        contactsStore([
          { op: 'add', luid: 'c9', data: card('Frank') },
          { op: 'replace', luid: 'c1', data: card('Alice') },
          { op: 'delete', luid: 'c4' },
        ]),
      ],
    });
    const { server } = run;
    expect(server.requests).toHaveLength(3);
    const [pkg1, pkg3, pkg5] = server.requests;
    expect(pkg1!.body.map((c) => c.kind)).toEqual(['Put', 'Get', 'Alert']);
    expect(pkg1!.header.cred?.meta?.type).toBe('syncml:auth-basic');
    expect(pkg3!.header.cred).toBeUndefined();
    expect(pkg3!.body.map((c) => c.kind)).toEqual(['Status', 'Status', 'Status', 'Sync']);
    expect(server.received.addressbook?.map((r) => [r.cmd, r.luid])).toEqual([
      ['Add', 'c9'],
      ['Replace', 'c1'],
      ['Delete', 'c4'],
    ]);
    expect(statusesIn(pkg5!).map((s) => [s.cmd, s.code])).toEqual([
      ['SyncHdr', 200],
      ['Sync', 200],
      ['Add', 201],
      ['Replace', 200],
      ['Delete', 200],
    ]);
    expect(server.maps.addressbook).toEqual([{ target: 'g1', source: 'n-g1' }]);
    expect(pkg5!.final).toBe(true);
    const ds = result.datastores[0]!;
    expect(ds.mode).toBe('two-way');
    expect(ds.nextAnchor).toBe('a2');
    expect(ds.ourChanges.map((c) => [c.luid, c.status, c.ok])).toEqual([
      ['c9', 201, true],
      ['c1', 200, true],
      ['c4', 200, true],
    ]);
    expect(ds.serverChangesApplied).toBe(3);
    expect(result.messages).toBe(3);
    expect(result.bytesUp).toBeGreaterThan(0);
  });

  it('numbers messages and commands: one SessionID, MsgID 1..n, unique CmdIDs, MsgRef/CmdRef of the answered command', async () => {
    const run = sessionAgainst({
      stores: { addressbook: { items: [{ op: 'add', guid: 'g1', data: card('Gina') }] } },
    });
    await runSyncSession({ ...run.options, sessionId: undefined as never });
    const reqs = run.server.requests;
    expect(new Set(reqs.map((r) => r.header.sessionId)).size).toBe(1);
    expect(reqs.map((r) => r.header.msgId)).toEqual(['1', '2', '3']);
    for (const r of reqs) {
      const ids = r.body.flatMap((c) =>
        c.kind === 'Sync' ? [c.cmdId, ...c.commands.map((x) => x.cmdId)] : [c.cmdId],
      );
      expect(new Set(ids).size).toBe(ids.length);
    }
    const alertStatus = reqs[1]!.body.find(
      (c): c is StatusCommand => c.kind === 'Status' && c.cmd === 'Alert',
    )!;
    expect(alertStatus.msgRef).toBe('1');
    expect(alertStatus.items[0]?.data).toEqual({ kind: 'anchor', anchor: { next: 'srv-next' } });
    const again = sessionAgainst({ stores: { addressbook: {} } });
    await runSyncSession({ ...again.options, sessionId: undefined as never });
    expect(again.server.requests[0]!.header.sessionId).not.toBe(reqs[0]!.header.sessionId);
  });

  it('sends every item as Replace in a slow sync and leaves deletes unsent', async () => {
    const run = sessionAgainst({ stores: { addressbook: {} } });
    const result = await runSyncSession({
      ...run.options,
      datastores: [
        contactsStore(
          [
            { op: 'add', luid: 'c1', data: card('A') },
            { op: 'delete', luid: 'c2' },
          ],
          { mode: 'slow', lastAnchor: undefined },
        ),
      ],
    });
    const alert = run.server.requests[0]!.body.find((c) => c.kind === 'Alert');
    expect(alert?.kind === 'Alert' && alert.code).toBe(201);
    expect(alert?.kind === 'Alert' && alert.items[0]?.meta?.anchor).toEqual({ next: 'a2' });
    expect(run.server.received.addressbook?.map((r) => r.cmd)).toEqual(['Replace']);
    expect(result.datastores[0]!.ourChanges.map((c) => [c.luid, c.status])).toEqual([
      ['c1', 200],
      ['c2', 0],
    ]);
  });

  it('alerts a slow sync for a two-way without last anchor', async () => {
    const run = sessionAgainst({ stores: { addressbook: {} } });
    const result = await runSyncSession({
      ...run.options,
      datastores: [contactsStore([], { lastAnchor: undefined })],
    });
    expect(result.datastores[0]!.mode).toBe('slow');
  });

  it('turns into a slow sync after 508 and asks the caller for every item', async () => {
    const run = sessionAgainst({ stores: { addressbook: { alert: 508 } } });
    const result = await runSyncSession({
      ...run.options,
      datastores: [
        contactsStore([{ op: 'replace', luid: 'c1', data: card('A') }], {
          loadAllItems: async () => [
            { op: 'add', luid: 'c1', data: card('A') },
            { op: 'add', luid: 'c2', data: card('B') },
          ],
        }),
      ],
    });
    expect(result.datastores[0]!.mode).toBe('slow');
    expect(run.server.received.addressbook?.map((r) => [r.cmd, r.luid])).toEqual([
      ['Replace', 'c1'],
      ['Replace', 'c2'],
    ]);
  });

  it('syncs several datastores in one session', async () => {
    const run = sessionAgainst({
      stores: {
        addressbook: { items: [{ op: 'add', guid: 'g1', data: card('G') }] },
        calendar: { items: [{ op: 'add', guid: 'e1', data: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }] },
      },
    });
    const result = await runSyncSession({
      ...run.options,
      datastores: [
        contactsStore([{ op: 'add', luid: 'c1', data: card('A') }]),
        {
          localUri: './calendar',
          remoteUri: 'calendar',
          contentType: 'text/calendar',
          mode: 'two-way',
          lastAnchor: 'x',
          nextAnchor: 'y',
          changes: [],
        },
      ],
    });
    expect(run.server.requests[0]!.body.filter((c) => c.kind === 'Alert')).toHaveLength(2);
    expect(run.hookCalls.map((h) => [h.store, h.changes.length])).toEqual([
      ['./contacts', 1],
      ['./calendar', 1],
    ]);
    expect(result.datastores.map((d) => d.serverChangesApplied)).toEqual([1, 1]);
    expect(run.server.maps.calendar).toEqual([{ target: 'e1', source: 'n-e1' }]);
  });
});

describe('SyncML session: multi-message packages and large objects', () => {
  it('splits our package 3 by MaxMsgSize and answers a multi-message package 4 with Alert 222', async () => {
    const serverItems = Array.from({ length: 7 }, (_, i) => ({
      op: 'add' as const,
      guid: `g${i}`,
      data: card(`Server ${i}`),
    }));
    const run = sessionAgainst({ itemsPerMessage: 2, stores: { addressbook: { items: serverItems } } });
    const ours = Array.from({ length: 30 }, (_, i) => ({
      op: 'add' as const,
      luid: `c${i}`,
      data: card(`Client ${i}`),
    }));
    const result = await runSyncSession({
      ...run.options,
      maxMsgSize: 2500,
      datastores: [contactsStore(ours)],
    });
    const reqs = run.server.requests;
    const pkg3 = reqs.filter((r) => r.body.some((c) => c.kind === 'Sync'));
    expect(pkg3.length).toBeGreaterThan(2);
    expect(pkg3.slice(0, -1).every((r) => !r.final)).toBe(true);
    const alerts222 = reqs.filter((r) => r.body.some((c) => c.kind === 'Alert' && c.code === 222));
    expect(alerts222.length).toBe(3);
    expect(run.server.received.addressbook).toHaveLength(30);
    expect(result.datastores[0]!.ourChanges.every((c) => c.ok)).toBe(true);
    // the caller saw all seven at once, and no status for them had been sent before
    expect(run.hookCalls[0]!.changes).toHaveLength(7);
    const before = reqs.slice(0, run.hookCalls[0]!.requestsBefore);
    expect(before.flatMap((r) => r.body).some((c) => c.kind === 'Status' && c.cmd === 'Add')).toBe(false);
    expect(run.server.maps.addressbook).toHaveLength(7);
  });

  it('keeps every message we send within MaxMsgSize', async () => {
    const sizes: number[] = [];
    const run = sessionAgainst({ stores: { addressbook: {} } });
    const inner = run.options.transport;
    const ours = Array.from({ length: 40 }, (_, i) => ({
      op: 'add' as const,
      luid: `c${i}`,
      data: card(`Client ${i} Grüße`),
    }));
    await runSyncSession({
      ...run.options,
      maxMsgSize: 3000,
      transport: {
        send: (body, url, signal) => (sizes.push(utf8Length(body)), inner.send(body, url, signal)),
      },
      datastores: [contactsStore(ours)],
    });
    expect(sizes.slice(1).every((s) => s <= 3000)).toBe(true);
  });

  it('sends a large item in MoreData chunks with the exact UTF-8 Meta Size and joins the server chunks', async () => {
    const note = `NOTE:${'Grüße aus Köln – '.repeat(600)}\r\n`;
    const big = card('Big', note);
    const serverBig = card('Server Big', note);
    const run = sessionAgainst({
      chunkChars: 1500,
      stores: { addressbook: { items: [{ op: 'add', guid: 'gb', data: serverBig }] } },
    });
    const result = await runSyncSession({
      ...run.options,
      maxMsgSize: 4000,
      datastores: [contactsStore([{ op: 'replace', luid: 'big', data: big }])],
    });
    expect(run.server.received.addressbook).toEqual([
      { cmd: 'Replace', luid: 'big', data: big, size: utf8Length(big) },
    ]);
    expect(result.datastores[0]!.ourChanges[0]).toMatchObject({ status: 200, ok: true });
    const chunkStatuses = run.server.requests
      .flatMap((r) => r.body)
      .filter((c) => c.kind === 'Status' && c.code === 213);
    expect(chunkStatuses.length).toBeGreaterThan(3);
    expect(run.hookCalls[0]!.changes[0]?.data).toBe(serverBig);
  });

  it('reads replies from bytes too (the HTTP transport hands them over)', async () => {
    const run = sessionAgainst({
      chunkChars: 700,
      stores: {
        addressbook: {
          items: [{ op: 'add', guid: 'gb', data: card('Ünïcödé', `NOTE:${'äöü€😀'.repeat(300)}\r\n`) }],
        },
      },
      tamper: (reply) => ({
        body: reply,
        bytes: new TextEncoder().encode(reply),
        status: 200,
        contentType: 'application/vnd.syncml+xml',
      }),
    });
    await runSyncSession(run.options);
    expect(run.hookCalls[0]!.changes[0]?.data).toBe(card('Ünïcödé', `NOTE:${'äöü€😀'.repeat(300)}\r\n`));
  });

  it('joins server chunks cut inside a UTF-8 character (regression: SyncEvolution cuts by bytes)', async () => {
    const data = card('Umlaut', `NOTE:${'Grüße – äöü € '.repeat(80)}\r\n`);
    const run = sessionAgainst({
      chunkBytes: 333,
      stores: { addressbook: { items: [{ op: 'add', guid: 'gu', data }] } },
    });
    await runSyncSession(run.options);
    expect(run.hookCalls[0]!.changes[0]?.data).toBe(data);
  });
});

describe('SyncML session: addressing, counts and limits', () => {
  it('posts later messages to the RespURI, announces NumberOfChanges and reports progress', async () => {
    const urls: string[] = [];
    const progress: string[] = [];
    const run = sessionAgainst({
      stores: { addressbook: { items: [{ op: 'add', guid: 'g1', data: card('G') }] } },
    });
    const inner = run.options.transport;
    await runSyncSession({
      ...run.options,
      transport: { send: (body, url, signal) => (urls.push(url), inner.send(body, url, signal)) },
      onProgress: (p) => progress.push(`${p.phase}:${p.stores[0]!.sent}/${p.stores[0]!.toSend}`),
      datastores: [
        contactsStore([
          { op: 'add', luid: 'c1', data: card('A') },
          { op: 'add', luid: 'c2', data: card('B') },
        ]),
      ],
    });
    expect(urls).toEqual([
      'http://fake/sync',
      'http://fake/sync?sessionid=1',
      'http://fake/sync?sessionid=1',
    ]);
    const sync = run.server.requests[1]!.body.find((c) => c.kind === 'Sync');
    expect(sync?.kind === 'Sync' && sync.numberOfChanges).toBe(2);
    expect(progress).toContain('server-changes:2/2');
    expect(progress.at(-1)).toBe('done:2/2');
  });

  it('does not send an item above the server MaxObjSize and reports it as failed (413)', async () => {
    const run = sessionAgainst({
      stores: { addressbook: {} },
      tamper: (reply, n) =>
        n === 1
          ? reply.replace(
              '<MaxObjSize xmlns="syncml:metinf">4000000</MaxObjSize>',
              '<MaxObjSize xmlns="syncml:metinf">500</MaxObjSize>',
            )
          : reply,
    });
    const result = await runSyncSession({
      ...run.options,
      datastores: [
        contactsStore([
          { op: 'add', luid: 'big', data: card('Big', `NOTE:${'x'.repeat(600)}\r\n`) },
          { op: 'add', luid: 'small', data: card('S') },
        ]),
      ],
    });
    expect(result.datastores[0]!.ourChanges.map((c) => [c.luid, c.status, c.ok])).toEqual([
      ['big', 413, false],
      ['small', 201, true],
    ]);
    expect(run.server.received.addressbook?.map((r) => r.luid)).toEqual(['small']);
  });

  it("names the datastore of the server's latest Sync in Alert 222", async () => {
    const cal = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    const run = sessionAgainst({
      itemsPerMessage: 1,
      stores: {
        addressbook: { items: [{ op: 'add', guid: 'g1', data: card('G') }] },
        calendar: {
          items: [
            { op: 'add', guid: 'e1', data: cal },
            { op: 'add', guid: 'e2', data: cal },
          ],
        },
      },
    });
    await runSyncSession({
      ...run.options,
      datastores: [
        contactsStore([]),
        {
          localUri: './calendar',
          remoteUri: 'calendar',
          contentType: 'text/calendar',
          mode: 'two-way',
          lastAnchor: 'x',
          nextAnchor: 'y',
          changes: [],
        },
      ],
    });
    const named = run.server.requests
      .flatMap((r) => r.body)
      .flatMap((c) => (c.kind === 'Alert' && c.code === 222 ? [c.items[0]?.target?.locUri] : []));
    expect(named).toEqual(['addressbook', 'calendar', 'calendar']);
  });
});
