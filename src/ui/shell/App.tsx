/**
 * The task pane: header, then Folders / Sync / History / Settings. Follows Outlook's theme and
 * language; progress and results are announced to screen readers through one live region.
 */
import {
  Body1,
  Caption1,
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Title3,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { GraphClientOptions } from '../../adapters/graph/client.js';
import type { SettingsPort } from '../../adapters/storage/settings-port.js';
import type { FolderRow, FolderService } from '../../app/folders/index.js';
import type { AdminConfig } from '../../app/pane/connection-settings.js';
import { enabledPairs, FOLDER_CHOICES_KEY, parseFolderChoices } from '../../core/settings/folder-choices.js';
import { LazySyncScreens } from '../sync/lazy.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { FoldersScreen } from './FoldersScreen.js';
import { SHELL_TEXTS, type ShellLang } from './texts.js';

const useStyles = makeStyles({
  root: { minHeight: '100vh', padding: tokens.spacingHorizontalM, boxSizing: 'border-box' },
  header: { marginBottom: tokens.spacingVerticalS, display: 'grid', gap: tokens.spacingVerticalXXS },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  main: { paddingTop: tokens.spacingVerticalM },
});

export interface AppProps {
  readonly lang: ShellLang;
  readonly theme: 'light' | 'dark';
  readonly sandbox: boolean;
  readonly folders: FolderService;
  readonly settings: SettingsPort;
  readonly graph: GraphClientOptions;
  readonly admin?: AdminConfig;
  readonly timeZone?: string;
  readonly onEnable?: (row: FolderRow, done: () => void) => ReactNode;
}

type TabKey = 'folders' | 'sync' | 'history' | 'settings';

export function App(props: AppProps) {
  const { lang, theme, sandbox, folders, settings, graph, admin, timeZone, onEnable } = props;
  const s = useStyles();
  const t = SHELL_TEXTS[lang];
  const [tab, setTab] = useState<TabKey>('folders');
  const [live, setLive] = useState('');
  const announce = useCallback((text: string) => setLive(text), []);
  const enabledFolders = useCallback(
    async () => enabledPairs(parseFolderChoices(await settings.get(FOLDER_CHOICES_KEY)), 'crm-wins'),
    [settings],
  );
  const syncProps = useMemo(
    () => ({
      lang,
      graph,
      settings,
      folders: enabledFolders,
      ...(admin ? { admin } : {}),
      ...(timeZone ? { timeZone } : {}),
    }),
    [lang, graph, settings, enabledFolders, admin, timeZone],
  );

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={lang} className={s.root}>
      <header className={s.header}>
        <Title3 as="h1">{t.title}</Title3>
        {sandbox && (
          <Caption1 as="p" data-testid="sandbox-note">
            {t.sandboxNote}
          </Caption1>
        )}
      </header>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabKey)} size="small">
        <Tab value="folders">{t.tabFolders}</Tab>
        <Tab value="sync">{t.tabSync}</Tab>
        <Tab value="history">{t.tabHistory}</Tab>
        <Tab value="settings">{t.tabSettings}</Tab>
      </TabList>
      <main className={s.main}>
        <ErrorBoundary lang={lang}>
          {tab === 'folders' && (
            <FoldersScreen
              service={folders}
              t={t}
              lang={lang}
              announce={announce}
              {...(onEnable ? { onEnable } : {})}
            />
          )}
          {tab === 'sync' && <LazySyncScreens key="sync" {...syncProps} initialScreen="sync" />}
          {tab === 'history' && <LazySyncScreens key="history" {...syncProps} initialScreen="history" />}
          {tab === 'settings' && <LazySyncScreens key="settings" {...syncProps} initialScreen="connection" />}
        </ErrorBoundary>
      </main>
      <Body1 as="p" aria-live="polite" role="status" className={s.live}>
        {live}
      </Body1>
    </FluentProvider>
  );
}
