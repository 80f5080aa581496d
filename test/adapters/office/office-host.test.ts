/** The Office boundary without Office: language and theme rules, and roaming settings through a fake. */
import { afterEach, describe, expect, it } from 'vitest';
import { detectHost, langOf, themeOfBackground } from '../../../src/adapters/office/office-host.js';
import { roamingSettingsPort } from '../../../src/adapters/office/roaming-settings.js';

const globals = globalThis as { Office?: unknown };
afterEach(() => {
  delete globals.Office;
});

function fakeOffice(opts: { saveFails?: boolean; displayLanguage?: string; background?: string } = {}) {
  const values = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  const roamingSettings = {
    get: (k: string) => values.get(k) ?? null,
    set: (k: string, v: unknown) => values.set(k, v),
    remove: (k: string) => values.delete(k),
    saveAsync: (cb: (r: { status: string; error?: { message: string } }) => void) => {
      if (opts.saveFails) return cb({ status: 'failed', error: { message: 'quota' } });
      for (const [k, v] of values) saved.set(k, v);
      cb({ status: 'succeeded' });
    },
  };
  globals.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: async () => ({ host: 'Outlook', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: opts.displayLanguage ?? 'de-DE',
      officeTheme: { bodyBackgroundColor: opts.background ?? '#ffffff' },
      requirements: { isSetSupported: (name: string) => name === 'NestedAppAuth' },
      roamingSettings,
    },
  };
  return { roamingSettings: roamingSettings as unknown as Office.RoamingSettings, saved };
}

describe('host facts', () => {
  it('takes German for any German locale and English otherwise', () => {
    expect(langOf('de-AT')).toBe('de');
    expect(langOf('en-GB')).toBe('en');
    expect(langOf(undefined)).toBe('en');
  });

  it('follows a dark Outlook theme by the background luminance', () => {
    expect(themeOfBackground('#1f1f1f')).toBe('dark');
    expect(themeOfBackground('#ffffff')).toBe('light');
    expect(themeOfBackground('not a colour')).toBe('light');
  });

  it('reads Outlook’s language, theme and NAA support inside Office', async () => {
    fakeOffice({ displayLanguage: 'de-CH', background: '#202020' });
    expect(await detectHost({ search: '' }, 'en-US')).toEqual({
      inOffice: true,
      lang: 'de',
      theme: 'dark',
      naa: true,
    });
  });

  it('runs as a plain browser page without office.js, with query overrides', async () => {
    expect(await detectHost({ search: '?lang=de&theme=dark' }, 'en-US')).toEqual({
      inOffice: false,
      lang: 'de',
      theme: 'dark',
      naa: false,
    });
    expect((await detectHost({ search: '' }, 'en-US')).lang).toBe('en');
  });
});

describe('roaming settings port', () => {
  it('keeps a value in the mailbox only once saveAsync succeeded', async () => {
    const { roamingSettings, saved } = fakeOffice();
    const port = roamingSettingsPort(roamingSettings);
    await port.set('folderChoices', { a: { enabled: true } });
    expect(saved.get('folderChoices')).toEqual({ a: { enabled: true } });
    expect(await port.get('folderChoices')).toEqual({ a: { enabled: true } });
    expect(await port.get('missing')).toBeUndefined();
  });

  it('rejects with a typed error when Outlook cannot save', async () => {
    const { roamingSettings } = fakeOffice({ saveFails: true });
    await expect(roamingSettingsPort(roamingSettings).set('k', 1)).rejects.toMatchObject({
      code: 'ROAMING_SETTINGS_SAVE_FAILED',
    });
  });
});

describe('roaming settings port keeps to what the mailbox holds', () => {
  it('puts the old value back when a save fails', async () => {
    const { roamingSettings } = fakeOffice({ saveFails: true });
    const port = roamingSettingsPort(roamingSettings);
    await expect(port.set('k', 1)).rejects.toBeInstanceOf(Error);
    expect(await port.get('k')).toBeUndefined();
  });

  it('hands out copies, so a caller cannot change the stored value by accident', async () => {
    const { roamingSettings } = fakeOffice();
    const port = roamingSettingsPort(roamingSettings);
    await port.set('choices', { a: 1 });
    const v = (await port.get('choices')) as { a: number };
    v.a = 2;
    expect(await port.get('choices')).toEqual({ a: 1 });
  });
});
