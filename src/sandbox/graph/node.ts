/** Node entry point: an msw server over the emulator; unhandled requests are errors. */
import { setupServer, type SetupServer } from 'msw/node';
import type { RequestHandler } from 'msw';
import { GraphEmulatorControl, type GraphEmulatorOptions } from './control.js';
import { createGraphEmulator } from './handlers.js';
import { MailboxStore } from './store/mailbox-store.js';

export interface GraphServer {
  readonly server: SetupServer;
  readonly store: MailboxStore;
  readonly control: GraphEmulatorControl;
  /** Expires a delta or next link (or its bare token): its next use answers 410 SyncStateNotFound. */
  expireDeltaLink(link: string): boolean;
  /** Starts intercepting with `onUnhandledRequest: 'error'`. */
  listen(): void;
  close(): void;
}

export interface GraphServerOptions {
  store?: MailboxStore;
  emulator?: GraphEmulatorOptions | GraphEmulatorControl;
  /** Other handlers to serve from the same server (e.g. a sandbox CRM). */
  extraHandlers?: RequestHandler[];
}

export function setupGraphServer(options: GraphServerOptions = {}): GraphServer {
  const store = options.store ?? new MailboxStore();
  const setup = createGraphEmulator(store, options.emulator ?? {});
  const server = setupServer(...setup.handlers, ...(options.extraHandlers ?? []));
  return {
    server,
    store,
    control: setup.control,
    expireDeltaLink: (link) => store.deltaTokens.expire(link),
    listen: () => server.listen({ onUnhandledRequest: 'error' }),
    close: () => server.close(),
  };
}

export { MailboxStore } from './store/mailbox-store.js';
export { GraphEmulatorControl } from './control.js';
export { loadMailboxFile, saveMailboxFile, openMailboxFile } from './file.js';
