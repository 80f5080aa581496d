/**
 * The pane's one connection holder, shared by every screen that talks to the CRM (the sync screens and the
 * duplicate check are separate lazy chunks, mounted and unmounted per tab): the password typed in Settings for
 * this session must reach both, and the duplicate check must not need "remember password" to work.
 * Keyed by the pane's settings port, so a test page with its own settings gets its own holder.
 */
import type { SettingsPort } from '../../adapters/storage/index.js';
import { createConnectionHolder, type ConnectionHolder } from './connection-holder.js';
import type { AdminConfig } from './connection-settings.js';

const holders = new WeakMap<SettingsPort, Promise<ConnectionHolder>>();

export function paneConnectionHolder(settings: SettingsPort, admin?: AdminConfig): Promise<ConnectionHolder> {
  let holder = holders.get(settings);
  if (!holder) {
    holder = createConnectionHolder(settings, admin);
    // A failed load (settings unreadable) is not kept: the next screen tries again.
    holder.catch(() => holders.delete(settings));
    holders.set(settings, holder);
  }
  return holder;
}
