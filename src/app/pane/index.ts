/** The task pane's sync composition: what the sync screens import (lazily). */
export {
  createPaneSync,
  type ConfirmDeletions,
  type PaneSyncOptions,
  type PaneSyncService,
} from './create-pane-sync.js';
export * from './connection-settings.js';
export { PaneError, type PaneErrorCode } from './errors.js';
export { proxyRewrite, SYNCML_PROXY_PATH } from './proxy-url.js';
export { createConnectionHolder, type ConnectionHolder } from './connection-holder.js';
