/**
 * The sync screens as one lazily loaded chunk (see lazy.tsx): builds the connection holder and the pane's sync
 * service, then shows Sync, History and (when the shell has no Settings screen of its own) the connection.
 */
import { Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ConnectionHolder } from '../../app/pane/connection-holder.js';
import { paneConnectionHolder } from '../../app/pane/pane-connection.js';
import { paneDecisionsDecorator } from '../../app/dedupe/pane-dedupe.js';
import { createPaneSync, type PaneSyncService } from '../../app/pane/create-pane-sync.js';
import { GraphClient, listFoldersOfKind } from '../../adapters/graph/index.js';
import type { RunResult } from '../../core/sync/index.js';
import { ConnectionSection } from './ConnectionSection.js';
import { HistoryView } from './HistoryView.js';
import type { SyncScreensProps } from './props.js';
import { ErrorBar, SyncView } from './SyncView.js';
import { SYNC_SCREEN_TEXTS } from './texts.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Screen = 'sync' | 'history' | 'connection';

interface Ready {
  readonly holder: ConnectionHolder;
  readonly service: PaneSyncService;
  /** Outlook folder names by id, read once (best effort) when the shell gives no folderLabel. */
  readonly names: ReadonlyMap<string, string>;
}

async function folderNames(props: SyncScreensProps): Promise<ReadonlyMap<string, string>> {
  if (props.folderLabel) return new Map();
  try {
    const client = new GraphClient(props.graph);
    const kinds = await Promise.all(
      (['contacts', 'calendar', 'tasks'] as const).map((kind) => listFoldersOfKind(client, kind)),
    );
    return new Map(kinds.flat().map((f) => [f.id, f.name]));
  } catch {
    return new Map();
  }
}

/**
 * One service per pane (keyed by its settings port), over the pane's one connection holder: the shell mounts
 * these screens once per tab, and the session's password, typed in Settings, must still be there on the Sync tab
 * (and in the duplicate check); so must the wait for a cancelled run's writes (0112).
 */
const panes = new WeakMap<object, Promise<Ready>>();

function paneSyncFor(props: SyncScreensProps): Promise<Ready> {
  let ready = panes.get(props.settings);
  if (!ready) {
    ready = (async () => {
      const holder = await paneConnectionHolder(props.settings, props.admin);
      const service = await createPaneSync({
        graph: props.graph,
        settings: props.settings,
        connection: holder.current,
        folders: props.folders,
        ...(props.timeZone ? { timeZone: props.timeZone } : {}),
        // The duplicate check's decisions (links, skips) apply to every run, not only the first sync's.
        decoratePorts: props.decoratePorts ?? paneDecisionsDecorator(),
      });
      return { holder, service, names: await folderNames(props) };
    })();
    // A failure (e.g. no IndexedDB) is not cached: reopening the tab tries again.
    ready.catch(() => panes.delete(props.settings));
    panes.set(props.settings, ready);
  }
  return ready;
}

export default function SyncPanel(props: SyncScreensProps) {
  const { lang } = props;
  const t = SYNC_SCREEN_TEXTS[lang];
  const styles = useStyles();
  const [ready, setReady] = useState<Ready | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [screen, setScreen] = useState<Screen>(props.initialScreen ?? 'sync');
  const [lastRun, setLastRun] = useState<RunResult | undefined>(undefined);

  useEffect(() => {
    let live = true;
    paneSyncFor(props).then(
      (r) => live && setReady(r),
      (e: unknown) => live && setFailure(e),
    );
    return () => {
      live = false;
    };
    // One service per pane (see paneSyncFor); its inputs are getters that stay current.
  }, []);

  if (failure !== undefined) return <ErrorBar error={failure} lang={lang} />;
  if (!ready) return <Spinner label={t.loading} />;
  const folderLabel =
    props.folderLabel ?? ((id: string, datastore: string) => ready.names.get(id) ?? datastore);
  const finished = (result: RunResult) => {
    setLastRun(result);
    props.onRunFinished?.(result);
  };
  return (
    <div className={styles.root}>
      {/* With initialScreen the shell's own tabs choose the screen. */}
      {!props.initialScreen && (
        <TabList selectedValue={screen} onTabSelect={(_, d) => setScreen(d.value as Screen)}>
          <Tab value="sync">{t.tabs.sync}</Tab>
          <Tab value="history">{t.tabs.history}</Tab>
          {!props.hideConnection && <Tab value="connection">{t.settings.title}</Tab>}
        </TabList>
      )}
      <div role="tabpanel" aria-label={screen}>
        {screen === 'sync' && (
          <SyncView service={ready.service} lang={lang} folderLabel={folderLabel} onRunFinished={finished} />
        )}
        {screen === 'history' && (
          <HistoryView service={ready.service} lang={lang} folderLabel={folderLabel} refreshKey={lastRun} />
        )}
        {screen === 'connection' && (
          <ConnectionSection
            holder={ready.holder}
            lang={lang}
            checkConnection={(s) => ready.service.checkConnection(s)}
          />
        )}
      </div>
    </div>
  );
}
