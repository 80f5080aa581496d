import { describe, expect, it } from 'vitest';
import { memorySettings, type SettingsPort } from '../../../src/adapters/storage/index.js';
import { paneConnectionHolder } from '../../../src/app/pane/pane-connection.js';

describe('the pane connection holder', () => {
  it('is one per settings port: a password typed for this session reaches every screen, unsaved', async () => {
    const settings = memorySettings();
    const syncScreens = await paneConnectionHolder(settings);
    await syncScreens.update({ ...syncScreens.current(), user: 'anna', password: 'Nur-diese-Sitzung-1' });
    const duplicateCheck = await paneConnectionHolder(settings);
    expect(duplicateCheck.current().password).toBe('Nur-diese-Sitzung-1');
    expect([...settings.values.values()].join()).not.toContain('Nur-diese-Sitzung-1');
    expect((await paneConnectionHolder(memorySettings())).current().password).toBe('');
  });

  it('tries again after settings that could not be read', async () => {
    let fail = true;
    const inner = memorySettings();
    const flaky: SettingsPort = {
      get: async (key) => {
        if (fail) throw new Error('roaming settings not loaded');
        return inner.get(key);
      },
      set: (key, value) => inner.set(key, value),
    };
    await expect(paneConnectionHolder(flaky)).rejects.toThrow('roaming settings not loaded');
    fail = false;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await paneConnectionHolder(flaky)).current().user).toBe('');
  });
});
