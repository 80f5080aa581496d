/**
 * Browser entry point: the task pane calls `startSandboxMailbox()` when it runs outside Office.
 * The mailbox lives in localStorage (a reload keeps every change) and is served through msw's
 * service worker at /mockServiceWorker.js. `window.sandboxMailbox` is a small console API for
 * switching faults and limits by hand or from an end-to-end test.
 */
import { setupWorker } from 'msw/browser';
import { seedDemoMailbox } from '../demo-mailbox/seed.js';
import {
  GraphEmulatorControl,
  type FailRule,
  type GraphCounters,
  type GraphFaults,
  type GraphLimits,
} from './control.js';
import { createGraphEmulator } from './handlers.js';
import { MailboxStore } from './store/mailbox-store.js';

export const MAILBOX_STORAGE_KEY = 'outlook-crm-sync.sandbox-mailbox.v1';
/** Faults to switch on at start-up (JSON of Partial<GraphFaults>), e.g. set by an e2e test before load. */
export const FAULTS_STORAGE_KEY = 'outlook-crm-sync.sandbox-mailbox.faults';

export interface SandboxMailboxConsole {
  readonly store: MailboxStore;
  readonly control: GraphEmulatorControl;
  setFaults(faults: Partial<GraphFaults>): GraphFaults;
  /** Like setFaults, and keeps them for the next page load. */
  persistFaults(faults: Partial<GraphFaults>): GraphFaults;
  clearFaults(): void;
  setLimits(limits: Partial<GraphLimits>): GraphLimits;
  failNext(rule: FailRule): void;
  counters(): GraphCounters;
  resetCounters(): void;
  expireDeltaLink(link: string): boolean;
  expireAllDeltaLinks(): number;
  save(): void;
  /** Drops the stored mailbox and reloads the page with fresh demo data. */
  reset(): void;
}

declare global {
  interface Window {
    sandboxMailbox?: SandboxMailboxConsole;
  }
}

function loadOrSeed(): MailboxStore {
  const saved = localStorage.getItem(MAILBOX_STORAGE_KEY);
  if (saved) {
    try {
      return MailboxStore.fromJSON(JSON.parse(saved));
    } catch (error) {
      console.warn('[sandbox mailbox] stored mailbox unreadable, starting from demo data', error);
    }
  }
  return seedDemoMailbox(new MailboxStore());
}

function readFaults(): Partial<GraphFaults> {
  try {
    return JSON.parse(localStorage.getItem(FAULTS_STORAGE_KEY) ?? '{}') as Partial<GraphFaults>;
  } catch {
    return {};
  }
}

function save(store: MailboxStore): void {
  try {
    localStorage.setItem(MAILBOX_STORAGE_KEY, JSON.stringify(store.toJSON()));
  } catch (error) {
    console.warn('[sandbox mailbox] could not save to localStorage', error);
  }
}

/** Saves after each burst of changes (once per microtask turn, so before any reload can happen). */
function persistOnChange(store: MailboxStore): void {
  let pending = false;
  store.subscribe(() => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      save(store);
    });
  });
}

function consoleApi(store: MailboxStore, control: GraphEmulatorControl): SandboxMailboxConsole {
  return {
    store,
    control,
    setFaults: (faults) => control.setFaults(faults),
    persistFaults: (faults) => {
      localStorage.setItem(FAULTS_STORAGE_KEY, JSON.stringify({ ...readFaults(), ...faults }));
      return control.setFaults(faults);
    },
    clearFaults: () => {
      localStorage.removeItem(FAULTS_STORAGE_KEY);
      control.clearFaults();
    },
    setLimits: (limits) => control.setLimits(limits),
    failNext: (rule) => control.failNext(rule),
    counters: () => control.counters,
    resetCounters: () => control.resetCounters(),
    expireDeltaLink: (link) => store.deltaTokens.expire(link),
    expireAllDeltaLinks: () => store.deltaTokens.expireAll(),
    save: () => save(store),
    reset: () => {
      localStorage.removeItem(MAILBOX_STORAGE_KEY);
      location.reload();
    },
  };
}

async function start(): Promise<MailboxStore> {
  const store = loadOrSeed();
  const control = new GraphEmulatorControl({ faults: readFaults() });
  save(store);
  persistOnChange(store);
  const { handlers } = createGraphEmulator(store, control);
  const worker = setupWorker(...handlers);
  // Everything that is not Graph (the pane's own files, the CRM proxy) goes to the network.
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  window.sandboxMailbox = consoleApi(store, control);
  return store;
}

let started: Promise<MailboxStore> | undefined;

/** Starts the sandbox mailbox once per page; later calls return the same store. */
export function startSandboxMailbox(): Promise<MailboxStore> {
  started ??= start();
  return started;
}
