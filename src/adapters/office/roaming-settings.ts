/**
 * The settings port over Office roaming settings: kept in the user's mailbox, so choices follow
 * the user to another device and survive a reinstall. 32 KB for the whole add-in (DESIGN.md §4):
 * only small values go here. `saveAsync` is promisified once, here. Values are copied in and out
 * (as the other settings stores do), and a failed save puts the old value back, so what `get`
 * returns is always what the mailbox holds.
 */
import type { SettingsPort } from '../storage/settings-port.js';

export class RoamingSettingsError extends Error {
  override readonly name = 'RoamingSettingsError';
  readonly code = 'ROAMING_SETTINGS_SAVE_FAILED';
}

const copy = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

export function roamingSettingsPort(settings: Office.RoamingSettings): SettingsPort {
  return {
    async get(key) {
      const v = settings.get(key) as unknown;
      return v === null || v === undefined ? undefined : copy(v);
    },
    set(key, value) {
      const before = settings.get(key) as unknown;
      settings.set(key, copy(value));
      return new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) return resolve();
          if (before === null || before === undefined) settings.remove(key);
          else settings.set(key, before);
          reject(new RoamingSettingsError(result.error?.message ?? 'roaming settings not saved'));
        });
      });
    },
  };
}
