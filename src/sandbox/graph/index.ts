/**
 * The sandbox mailbox for any environment (no Node, no DOM needed). Node adds `./node.js`
 * (msw server, mailbox files); the browser adds `./browser.js` (service worker, localStorage).
 */
export { MailboxStore, type MailboxJson, type MailboxStoreOptions } from './store/mailbox-store.js';
export type { FolderKind, ItemKind, StoredFolder, StoredItem, MailboxUser } from './store/types.js';
export {
  GraphEmulatorControl,
  GRAPH_LIMITS,
  NO_FAULTS,
  type FailRule,
  type GraphCounters,
  type GraphEmulatorOptions,
  type GraphFaults,
  type GraphLimits,
} from './control.js';
export { createGraphEmulator, createGraphHandlers, type GraphEmulatorSetup } from './handlers.js';
export { GraphEmulator } from './app.js';
export { GraphError, type GraphErrorCode } from './errors.js';
export { createSimulatedClock, realClock, type SandboxClock, type SimulatedClock } from './clock.js';
export { GRAPH_ROOT, type GraphRequest, type GraphResponse } from './http/request.js';
