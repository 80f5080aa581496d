import { describe, expect, it } from 'vitest';
import {
  initialSessionState,
  parseMessage,
  step,
  type SessionConfig,
} from '../../../src/core/syncml/index.js';

function setup() {
  const config: SessionConfig = {
    serverUrl: 'http://crm/sync',
    user: 'u',
    password: 'p',
    auth: 'basic',
    deviceId: 'dev',
    sessionId: '7',
    maxMsgSize: 20000,
    maxObjSize: 100000,
    softwareVersion: '1',
    datastores: [
      {
        localUri: './contacts',
        remoteUri: 'contacts',
        contentType: 'text/vcard',
        mode: 'two-way',
        lastAnchor: 'L',
        nextAnchor: 'N',
        changes: [],
      },
    ],
  };
  return { config };
}

describe('session reducer', () => {
  it('starts with package 1 as a send command and leaves the old state untouched', () => {
    const { config } = setup();
    const state = initialSessionState(config);
    const { state: next, commands } = step(state, { type: 'start' });
    expect(state.phase).toBe('idle');
    expect(next.phase).toBe('init');
    expect(commands).toHaveLength(1);
    const send = commands[0]!;
    expect(send.type).toBe('send');
    if (send.type !== 'send') return;
    expect(send).toMatchObject({ url: 'http://crm/sync', msgId: 1 });
    const msg = parseMessage(send.body);
    expect(msg.header).toMatchObject({
      sessionId: '7',
      msgId: '1',
      source: { locUri: 'dev', locName: 'u' },
      meta: { maxMsgSize: 20000, maxObjSize: 100000 },
    });
    const alert = msg.body.find((c) => c.kind === 'Alert');
    expect(alert?.kind === 'Alert' && [alert.code, alert.items[0]?.meta?.anchor]).toEqual([
      200,
      { last: 'L', next: 'N' },
    ]);
    const put = msg.body.find((c) => c.kind === 'Put');
    const devInf =
      put?.kind === 'Put' && put.items[0]?.data?.kind === 'devinf' ? put.items[0].data.devInf : undefined;
    expect(devInf?.dataStores[0]?.ctCaps[0]?.properties.map((p) => p.name)).toContain('TEL');
    expect(devInf?.dataStores[0]?.ctCaps[0]?.properties.map((p) => p.name)).not.toContain(
      'X-EVOLUTION-FILE-AS',
    );
  });

  it('turns a garbage reply into a failed command, not an exception', () => {
    const { config } = setup();
    const started = step(initialSessionState(config), { type: 'start' }).state;
    const { state, commands } = step(started, { type: 'reply', body: '<SyncML><SyncHdr>' });
    expect(state.phase).toBe('failed');
    expect(commands.map((c) => (c.type === 'failed' ? c.error.code : c.type))).toEqual(['MALFORMED_XML']);
  });
});
