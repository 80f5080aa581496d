/**
 * The pane's one copy of the connection settings: loaded once, handed to the sync service as a getter, changed
 * by the Settings section. The password of this session stays here in memory; it reaches the settings only
 * when "remember" is on (saveConnection).
 */
import type { SettingsPort } from '../../adapters/storage/index.js';
import {
  loadConnection,
  saveConnection,
  type AdminConfig,
  type ConnectionSettings,
} from './connection-settings.js';

export interface ConnectionHolder {
  readonly admin: AdminConfig;
  current(): ConnectionSettings;
  /** Saves and takes effect for the next run; the admin's locked endpoint cannot be changed. */
  update(next: ConnectionSettings): Promise<void>;
}

export async function createConnectionHolder(
  settings: SettingsPort,
  admin: AdminConfig = {},
): Promise<ConnectionHolder> {
  let current = await loadConnection(settings, admin);
  return {
    admin,
    current: () => current,
    async update(next) {
      const locked = admin.lockEndpoint && admin.endpoint ? { endpoint: admin.endpoint } : {};
      // The device id is made once for the mailbox: the CRM keeps its anchors and maps under it.
      const value = { ...next, ...locked, deviceId: current.deviceId };
      await saveConnection(settings, value);
      current = value;
    },
  };
}
