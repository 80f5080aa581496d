/**
 * The page the sync e2e tests load (bundled by sync-screens.test.ts with esbuild): the sandbox mailbox (msw
 * service worker), the default contact folder and calendar switched on, and the sync screens mounted the way
 * the shell mounts them (LazySyncScreens, loaded on first use). The CRM endpoint comes from the admin config.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { GraphClient, listFoldersOfKind } from '../../src/adapters/graph/index.js';
import { webStorageSettings } from '../../src/adapters/storage/index.js';
import type { FolderPairSettings } from '../../src/core/sync/index.js';
import { startSandboxMailbox } from '../../src/sandbox/graph/browser.js';
import { LazySyncScreens } from '../../src/ui/sync/lazy.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'de';
await startSandboxMailbox();
const graph = { tokenProvider: { getToken: async () => 'sandbox-token' } };
const client = new GraphClient(graph);
const [contacts] = await listFoldersOfKind(client, 'contacts');
const calendars = await listFoldersOfKind(client, 'calendar');
const calendar = calendars.find((c) => c.isDefault) ?? calendars[0];
if (!contacts || !calendar) throw new Error('the sandbox mailbox has no default folders');
const folders: FolderPairSettings[] = [
  {
    folderId: contacts.id,
    kind: 'contact',
    datastore: 'addressbook',
    direction: 'two-way',
    policy: 'crm-wins',
  },
  { folderId: calendar.id, kind: 'event', datastore: 'calendar', direction: 'two-way', policy: 'crm-wins' },
];
const names = new Map<string, string>([
  [contacts.id, lang === 'de' ? 'Kontakte' : 'Contacts'],
  [calendar.id, lang === 'de' ? 'Kalender' : 'Calendar'],
]);

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <main>
      <LazySyncScreens
        lang={lang}
        graph={graph}
        settings={webStorageSettings(localStorage)}
        folders={async () => folders}
        admin={{ endpoint: params.get('endpoint') ?? '', lockEndpoint: true }}
        folderLabel={(id, datastore) => names.get(id) ?? datastore}
        timeZone="Europe/Berlin"
      />
    </main>
  </FluentProvider>,
);
