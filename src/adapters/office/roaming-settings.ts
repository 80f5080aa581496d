/**
 * The settings port over Office roaming settings: kept in the user's mailbox, so choices follow
 * the user to another device and survive a reinstall. 32 KB for the whole add-in (DESIGN.md §4):
 * only small values go here. `saveAsync` is promisified once, here.
 */
import type { SettingsPort } from '../storage/settings-port.js';

export class RoamingSettingsError extends Error {
  override readonly name = 'RoamingSettingsError';
  readonly code = 'ROAMING_SETTINGS_SAVE_FAILED';
}

export function roamingSettingsPort(settings: Office.RoamingSettings): SettingsPort {
  return {
    async get(key) {
      const v = settings.get(key) as unknown;
      return v === null ? undefined : v;
    },
    set(key, value) {
      settings.set(key, value);
      return new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new RoamingSettingsError(result.error?.message ?? 'roaming settings not saved'));
        });
      });
    },
  };
}
