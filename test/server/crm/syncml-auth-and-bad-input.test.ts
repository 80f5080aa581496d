import { describe, expect, it } from 'vitest';
import { md5Digest } from '../../../src/core/syncml/auth.js';
import { useCrmServers } from './crm-under-test.js';
import { acknowledge, alert, itemCmd, ScriptedClient, statusFor, sync } from './scripted-client.js';

const crm = useCrmServers({ maxMsgSize: 20_000 });

async function setup() {
  const { server, client } = await crm.withClient();
  client.newSession();
  return { server, client };
}

function md5CredFor(user: string, password: string, nonce: string | undefined) {
  return { meta: { type: 'syncml:auth-md5', format: 'b64' }, data: md5Digest(user, password, nonce) };
}

describe('sandbox CRM authentication', () => {
  it('accepts basic auth with 212 and an md5 challenge, and gives a RespURI with a session id', async () => {
    const { client } = await setup();
    const r = await client.send([alert(201, 'addressbook', 'N1')]);
    const hdr = statusFor(r.msg!, 'SyncHdr')!;
    expect(hdr.code).toBe(212);
    expect(hdr.chal?.meta.type).toBe('syncml:auth-md5');
    expect(hdr.chal?.meta.nextNonce).toBeTruthy();
    expect(r.msg!.header.respUri).toMatch(/\/syncml\?sessionid=\w+$/);
  });

  it('builds the RespURI from X-Forwarded-* headers of a local proxy (the dev server)', async () => {
    const { client, server } = await setup();
    const res = await fetch(server.syncUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/vnd.syncml+xml',
        'x-forwarded-host': 'localhost:3000',
        'x-forwarded-proto': 'https',
        'x-forwarded-prefix': '/syncml-proxy',
      },
      body: client.build([alert(201, 'addressbook', 'N1')]),
    });
    expect(await res.text()).toMatch(
      /<RespURI>https:\/\/localhost:3000\/syncml-proxy\/syncml\?sessionid=\w+<\/RespURI>/,
    );
  });

  it('answers a wrong password with 401 + challenge and no session, and a missing Cred with 407', async () => {
    const { client, server } = await setup();
    const wrong = new ScriptedClient(server.syncUrl, 'test-device-1', 'test', 'nope');
    wrong.newSession();
    const r401 = await wrong.send([alert(201, 'addressbook', 'N1')]);
    expect(statusFor(r401.msg!, 'SyncHdr')!.code).toBe(401);
    expect(statusFor(r401.msg!, 'Alert')!.code).toBe(401);
    expect(r401.msg!.header.respUri).toBeUndefined();
    const r407 = await client.send([alert(201, 'addressbook', 'N1')], { cred: false });
    expect(statusFor(r407.msg!, 'SyncHdr')!.code).toBe(407);
  });

  it('accepts md5 over the nonce it issued to this device, even across sessions', async () => {
    const { client } = await setup();
    const first = await client.send([alert(201, 'addressbook', 'N1')]);
    const nonce = statusFor(first.msg!, 'SyncHdr')!.chal!.meta.nextNonce;
    client.newSession();
    const xml = client.build([alert(201, 'addressbook', 'N2')]).replace(/<Cred>.*<\/Cred>/, () => {
      const c = md5CredFor('test', 'test', nonce);
      return `<Cred><Meta><Format xmlns="syncml:metinf">b64</Format><Type xmlns="syncml:metinf">${c.meta.type}</Type></Meta><Data>${c.data}</Data></Cred>`;
    });
    const ok = await client.post(xml);
    expect(statusFor(ok.msg!, 'SyncHdr')!.code).toBe(212);
    client.newSession();
    const reused = await client.post(xml.replace('<SessionID>', '<SessionID>9'));
    expect(statusFor(reused.msg!, 'SyncHdr')!.code).toBe(401);
  });

  it('answers md5 without LocName with 407', async () => {
    const { client } = await setup();
    const xml = client
      .build([alert(201, 'addressbook', 'N1')])
      .replace(/<LocName>test<\/LocName>/, '')
      .replace('syncml:auth-basic', 'syncml:auth-md5');
    const r = await client.post(xml);
    expect(statusFor(r.msg!, 'SyncHdr')!.code).toBe(407);
  });
});

describe('sandbox CRM bad input', () => {
  it('answers a body that is not XML with HTTP 400 and stores nothing', async () => {
    const { client, server } = await setup();
    const before = server.store.currentRev();
    const r = await client.post('hello, this is not SyncML');
    expect(r.http).toBe(400);
    expect(r.text).toMatch(/^NOT_SYNCML/);
    expect(server.store.currentRev()).toBe(before);
  });

  it('answers malformed SyncML (no SyncHdr, truncated XML) with HTTP 400', async () => {
    const { client } = await setup();
    expect(
      (await client.post('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Final/></SyncBody></SyncML>')).http,
    ).toBe(400);
    const xml = client.build([alert(201, 'addressbook', 'N1')]);
    expect((await client.post(xml.slice(0, xml.length - 40))).http).toBe(400);
  });

  it('refuses other content types with 415, GET with 405 and an oversized message with 413', async () => {
    const { client, server } = await setup();
    const xml = client.build([alert(201, 'addressbook', 'N1')]);
    expect((await client.post(xml, 'text/xml')).http).toBe(415);
    expect((await client.post(xml, 'application/vnd.syncml+wbxml')).http).toBe(415);
    expect((await fetch(server.syncUrl)).status).toBe(405);
    const huge = xml.replace('<Final/>', `<!--${'x'.repeat(25_000)}--><Final/>`);
    expect((await client.post(huge)).http).toBe(413);
  });

  it('rejects items of another media type (415) or that are no vCard (400), and applies the good ones', async () => {
    const { client, server } = await setup();
    const before = server.store.listRecords('addressbook').length;
    const r1 = await client.send([alert(201, 'addressbook', 'N1')]);
    const good = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Gut;Gustav;;;\r\nFN:Gustav Gut\r\nEND:VCARD\r\n';
    const r2 = await client.send([
      ...acknowledge(r1.msg!),
      sync('addressbook', [
        itemCmd('Add', 'bad-type', good, 'text/plain'),
        itemCmd('Add', 'not-a-card', 'hello', 'text/vcard'),
        itemCmd('Add', 'good', good),
      ]),
    ]);
    expect(statusFor(r2.msg!, 'Add', 'bad-type')!.code).toBe(415);
    expect(statusFor(r2.msg!, 'Add', 'not-a-card')!.code).toBe(400);
    expect(statusFor(r2.msg!, 'Add', 'good')!.code).toBe(201);
    expect(server.store.listRecords('addressbook')).toHaveLength(before + 1);
  });

  it('answers a message for an unknown or expired session with SyncHdr 408', async () => {
    const { client, server } = await setup();
    client.respUri = `${server.syncUrl}?sessionid=nosuchsession`;
    const r = await client.send([alert(201, 'addressbook', 'N1')]);
    expect(statusFor(r.msg!, 'SyncHdr')!.code).toBe(408);
  });
});
