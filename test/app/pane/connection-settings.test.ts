import { describe, expect, it } from 'vitest';
import { memorySettings } from '../../../src/adapters/storage/index.js';
import {
  CONNECTION_KEY,
  connectionIssues,
  defaultConnection,
  loadConnection,
  proxyRewrite,
  saveConnection,
} from '../../../src/app/pane/index.js';

const PASSWORD = 'Geheim-123';

function setup() {
  const settings = memorySettings();
  const usable = {
    ...defaultConnection({}, 'dev-1'),
    endpoint: 'https://crm.example/syncml',
    user: 'anna',
    password: PASSWORD,
  };
  return { settings, usable };
}

describe('connection settings', () => {
  it('keeps the password out of the settings unless "remember" is on', async () => {
    const { settings, usable } = setup();
    await saveConnection(settings, usable);
    expect(settings.values.get(CONNECTION_KEY)).not.toContain(PASSWORD);
    expect((await loadConnection(settings)).password).toBe('');

    await saveConnection(settings, { ...usable, rememberPassword: true });
    expect((await loadConnection(settings)).password).toBe(PASSWORD);

    await saveConnection(settings, { ...usable, rememberPassword: false });
    expect(settings.values.get(CONNECTION_KEY)).not.toContain(PASSWORD);
  });

  it('generates the device id once and keeps it', async () => {
    const { settings } = setup();
    const first = await loadConnection(settings);
    expect(first.deviceId).toMatch(/^outlook-addin-/);
    expect((await loadConnection(settings)).deviceId).toBe(first.deviceId);
  });

  it("applies the admin's locked endpoint over a stored one", async () => {
    const { settings, usable } = setup();
    await saveConnection(settings, { ...usable, endpoint: 'https://other.example/sync' });
    const admin = { endpoint: 'https://crm.firma.example/syncml', lockEndpoint: true };
    expect((await loadConnection(settings, admin)).endpoint).toBe(admin.endpoint);
    expect((await loadConnection(settings, { ...admin, lockEndpoint: false })).endpoint).toBe(
      'https://other.example/sync',
    );
  });

  it('names each bad field', () => {
    const { usable } = setup();
    expect(connectionIssues(usable)).toEqual([]);
    const bad = { ...usable, endpoint: 'https://anna:pw@crm.example/', user: ' ', guardShare: 0 };
    expect(connectionIssues({ ...bad, calendarWindow: { pastDays: 1000, futureDays: 1000 } })).toEqual([
      { field: 'endpoint', reason: 'credentials-in-url' },
      { field: 'user', reason: 'missing' },
      { field: 'guardShare', reason: 'out-of-range' },
      { field: 'calendarWindow', reason: 'out-of-range' },
    ]);
    expect(connectionIssues({ ...usable, endpoint: 'ftp://crm.example' })[0]?.reason).toBe('not-http-url');
  });

  it('rejects stored settings that are not ours', async () => {
    const { settings } = setup();
    await settings.set(CONNECTION_KEY, 42);
    await expect(loadConnection(settings)).rejects.toMatchObject({ code: 'SETTINGS_INVALID' });
  });
});

describe('proxy rewrite', () => {
  const rewrite = proxyRewrite('https://crm.example/syncml', 'https://pane.example');
  it('sends the endpoint and its RespURIs through the same-origin proxy, nothing elsewhere', () => {
    expect(rewrite('https://crm.example/syncml')).toBe('https://pane.example/syncml-proxy');
    expect(rewrite('https://crm.example/syncml?sessionid=7')).toBe(
      'https://pane.example/syncml-proxy/syncml?sessionid=7',
    );
    expect(rewrite('https://pane.example/syncml-proxy/syncml?s=1')).toBe(
      'https://pane.example/syncml-proxy/syncml?s=1',
    );
    expect(() => rewrite('https://evil.example/x')).toThrow(expect.objectContaining({ code: 'BAD_CONFIG' }));
  });
});
