/**
 * The emulator for the Graph sandbox tests: one msw server listens for the whole test file, and each test gets a
 * fresh mailbox store (and fault control) behind it, so no test sees another's folders, items or delta tokens.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { GraphEmulatorControl } from '../../../src/sandbox/graph/control.js';
import { createGraphEmulator } from '../../../src/sandbox/graph/handlers.js';
import { setupGraphServer, type GraphServer } from '../../../src/sandbox/graph/node.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';

export interface FreshMailbox {
  readonly store: MailboxStore;
  readonly control: GraphEmulatorControl;
}

/** Call once per test file; `onFresh` receives each test's new store. Returns the server, to serve another store. */
export function useFreshMailbox(onFresh: (fresh: FreshMailbox) => void): GraphServer {
  const mailbox = setupGraphServer();
  beforeAll(() => mailbox.listen());
  beforeEach(() => {
    const store = new MailboxStore();
    const emulator = createGraphEmulator(store);
    mailbox.server.resetHandlers(...emulator.handlers);
    onFresh({ store, control: emulator.control });
  });
  afterAll(() => mailbox.close());
  return mailbox;
}
