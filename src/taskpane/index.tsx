/** Task pane start-up: host facts, services, then the React tree. */
import { createRoot } from 'react-dom/client';
import { detectHost } from '../adapters/office/office-host.js';
import { LazyPaneDuplicateCheck } from '../ui/dedupe/index.js';
import { App } from '../ui/shell/App.js';
import { ErrorBar } from '../ui/shell/ErrorBar.js';
import { ADDIN_CONFIG } from './config.js';
import { createPaneServices } from './services.js';

const rootElement = document.getElementById('root')!;
const root = createRoot(rootElement);

async function start() {
  const host = await detectHost(location, navigator.language);
  document.documentElement.lang = host.lang;
  // A promise nobody awaited must still reach the user as a readable message.
  window.addEventListener('unhandledrejection', (event) => {
    console.error('unhandled rejection', event.reason);
  });
  try {
    const services = await createPaneServices(host);
    root.render(
      <App
        lang={host.lang}
        theme={host.theme}
        sandbox={!host.inOffice}
        folders={services.folders}
        settings={services.settings}
        graph={services.graph}
        admin={
          ADDIN_CONFIG.crmEndpoint
            ? { endpoint: ADDIN_CONFIG.crmEndpoint, lockEndpoint: ADDIN_CONFIG.lockEndpoint }
            : {}
        }
        timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        onEnable={(row, done) => (
          // Switching sync on for a folder that never synced opens the duplicate check (DESIGN.md §5).
          <LazyPaneDuplicateCheck
            key={row.folder.id}
            lang={host.lang}
            graph={services.graph}
            settings={services.settings}
            {...(ADDIN_CONFIG.crmEndpoint
              ? { admin: { endpoint: ADDIN_CONFIG.crmEndpoint, lockEndpoint: ADDIN_CONFIG.lockEndpoint } }
              : {})}
            timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
            folder={{
              id: row.folder.id,
              name: row.folder.name,
              kind: row.choice.kind,
              datastore: row.choice.datastore,
            }}
            enableSync={(folderId, kind, datastore) =>
              services.folders.saveChoice({ folderId, kind, datastore, enabled: true, direction: 'two-way' })
            }
            done={done}
          />
        )}
      />,
    );
  } catch (error) {
    root.render(<ErrorBar error={error} lang={host.lang} onRetry={() => location.reload()} />);
  }
}

void start();
