/**
 * The page test/e2e/dedupe-check.test.ts loads: the sandbox mailbox (msw service worker) in the page, the
 * duplicate check screen mounted the way the pane mounts it (lazy, inside Suspense) for the "Kunden" contact
 * folder, the CRM behind the host's same-origin SyncML proxy. "Start first sync" runs runSyncWithDecisions and
 * says so in a status line (the pane's sync screen does this in the product).
 */
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createGraphStores,
  GraphClient,
  listFoldersOfKind,
  outlookShapes,
} from '../../../src/adapters/graph/index.js';
import { webStorageSettings } from '../../../src/adapters/storage/index.js';
import { createHttpTransport } from '../../../src/adapters/syncml-http/index.js';
import {
  createSyncFolderWizard,
  graphWizardPorts,
  keyValueDecisionStore,
  runSyncWithDecisions,
} from '../../../src/app/dedupe/index.js';
import { proxyAwareTransport } from '../../../src/app/pane/proxy-transport.js';
import { proxyRewrite } from '../../../src/app/pane/proxy-url.js';
import { formatsItemCodec, type SyncPorts } from '../../../src/app/sync/index.js';
import { fingerprint } from '../../../src/core/formats/index.js';
import { createMemoryJournalStore, createMemorySyncStateStore } from '../../../src/core/sync/index.js';
import { memoryNonceStore, runSyncSession } from '../../../src/core/syncml/index.js';
import { startSandboxMailbox } from '../../../src/sandbox/graph/browser.js';
import { LazyDuplicateCheckScreen } from '../../../src/ui/dedupe/index.js';

declare global {
  interface Window {
    dedupeE2e?: { endpoint: string; user: string; password: string; lang: 'de' | 'en' };
  }
}

const config = window.dedupeE2e!;
await startSandboxMailbox();
const client = new GraphClient({ tokenProvider: { getToken: async () => 'sandbox-token' } });
const folder = (await listFoldersOfKind(client, 'contacts')).find((f) => f.name === 'Kunden')!;
const shape = { timeZone: 'Europe/Berlin' };
const transport = proxyAwareTransport(
  createHttpTransport({ rewriteUrl: proxyRewrite(config.endpoint, location.origin) }),
);
const nonceStore = memoryNonceStore();
const ports: SyncPorts = {
  outlook: createGraphStores(client, shape),
  runSession: (o) =>
    runSyncSession({
      ...o,
      transport,
      serverUrl: config.endpoint,
      user: config.user,
      password: config.password,
      auth: 'md5',
      deviceId: 'outlook-addin-e2e-dedupe',
      nonceStore,
    }),
  stateStore: createMemorySyncStateStore(),
  journal: createMemoryJournalStore(),
  codec: formatsItemCodec,
  fingerprint,
  outlookShape: outlookShapes(shape),
  now: () => new Date().toISOString(),
  newRunId: () => `run-${Date.now()}`,
};
const decisions = keyValueDecisionStore(webStorageSettings(localStorage));
const contactFolderNames = (await listFoldersOfKind(client, 'contacts')).map((f) => f.name);
let announceEnabled: (text: string) => void = () => undefined;
const wizard = createSyncFolderWizard(
  graphWizardPorts(client, async (created) => announceEnabled(`Sync enabled for ${created.name}`), shape),
);
const request = {
  folder: folder.id,
  kind: 'contact' as const,
  datastore: 'addressbook',
  country: 'DE' as const,
};

function Page() {
  const [status, setStatus] = useState('');
  announceEnabled = setStatus;
  const firstSync = async () => {
    setStatus('First sync running');
    const runs = await runSyncWithDecisions(
      { ...ports, decisions },
      {
        folders: [
          {
            folderId: folder.id,
            kind: 'contact',
            datastore: 'addressbook',
            direction: 'two-way',
            policy: 'crm-wins',
          },
        ],
      },
    );
    setStatus(`First sync ${runs.every((r) => r.outcome === 'completed') ? 'finished' : 'failed'}`);
  };
  return (
    <main style={{ maxWidth: 420 }}>
      <Suspense fallback={<Spinner />}>
        <LazyDuplicateCheckScreen
          ports={{ ...ports, decisions }}
          request={request}
          language={config.lang}
          onStartFirstSync={firstSync}
          folderWizard={{
            wizard,
            existingNames: contactFolderNames,
            defaultName: '',
            onDone: () => undefined,
          }}
        />
      </Suspense>
      <p role="status">{status}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Page />
  </FluentProvider>,
);
