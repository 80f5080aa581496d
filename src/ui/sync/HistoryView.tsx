/**
 * History (DESIGN.md §8.5): runs newest first; a run opens to its per-item results, errors with reasons,
 * conflicts with both versions and "Restore this version"; "Undo this run" on the newest run. An honest note
 * says the history lives in this browser only (IndexedDB; docs/decisions/0110).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { PaneSyncService } from '../../app/pane/create-pane-sync.js';
import { SYNC_TEXTS } from '../../app/sync/texts.js';
import type { JournalEntry, JournalRun } from '../../core/sync/index.js';
import { itemSummary } from './item-summary.js';
import { ErrorBar } from './SyncView.js';
import { SYNC_SCREEN_TEXTS, type UiLanguage } from './texts.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entries: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  version: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface HistoryViewProps {
  readonly service: PaneSyncService;
  readonly lang: UiLanguage;
  readonly folderLabel: (folderId: string, datastore: string) => string;
  /** Changes when a run finished, so the list reloads. */
  readonly refreshKey?: unknown;
}

type Notice = { readonly intent: 'success' | 'warning'; readonly text: string } | { readonly error: unknown };

export function HistoryView({ service, lang, folderLabel, refreshKey }: HistoryViewProps) {
  const t = SYNC_SCREEN_TEXTS[lang];
  const styles = useStyles();
  const [runs, setRuns] = useState<readonly JournalRun[] | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const reload = useCallback(
    () => service.history().then(setRuns, (error: unknown) => setNotice({ error })),
    [service],
  );
  useEffect(() => void reload(), [reload, refreshKey]);

  const act = async (work: () => Promise<string>) => {
    setWorking(true);
    setNotice(undefined);
    try {
      setNotice({ intent: 'success', text: await work() });
    } catch (error) {
      setNotice({ error });
    } finally {
      setWorking(false);
      await reload();
    }
  };
  const undo = () =>
    act(async () => {
      const r = await service.undoLast();
      return t.undoDone(r.restored, r.failed.length);
    });
  const restore = (runId: string, entryId: string) =>
    act(async () => {
      await service.restore(runId, entryId);
      return t.restored;
    });

  return (
    <div className={styles.root}>
      <Text size={200}>{t.historyNote}</Text>
      {notice &&
        ('error' in notice ? <ErrorBar error={notice.error} lang={lang} /> : <NoticeBar {...notice} />)}
      {runs?.length === 0 && <Text>{t.historyEmpty}</Text>}
      {/* The newest run opens by itself: its "Undo this run" is what a user comes here for. */}
      <Accordion collapsible key={runs?.[0]?.runId ?? 'none'} defaultOpenItems={runs?.[0]?.runId}>
        {runs?.map((run, index) => (
          <AccordionItem key={run.runId} value={run.runId}>
            <AccordionHeader>
              {t.runTitle(
                new Date(run.startedAt).toLocaleString(lang),
                SYNC_TEXTS[lang].outcome[run.outcome],
              )}
              {run.undoneAt ? ` – ${t.undone}` : ''}
            </AccordionHeader>
            <AccordionPanel>
              {run.error && <Text block>{SYNC_TEXTS[lang].runError[run.error.code]}</Text>}
              {index === 0 && !run.undoneAt && (
                <Button disabled={working} onClick={() => void undo()}>
                  {t.undoRun}
                </Button>
              )}
              {run.folders.map((folder) => (
                <section key={folder.folderId} aria-label={folderLabel(folder.folderId, folder.datastore)}>
                  <Text as="h3" weight="semibold">
                    {folderLabel(folder.folderId, folder.datastore)}
                  </Text>
                  {folder.entries.length === 0 && <Text block>{t.noEntries}</Text>}
                  <ul className={styles.entries}>
                    {folder.entries.map((entry) => (
                      <li key={entry.entryId}>
                        <EntryView
                          entry={entry}
                          lang={lang}
                          disabled={working}
                          onRestore={() => void restore(run.runId, entry.entryId)}
                        />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}

function NoticeBar({ intent, text }: { intent: 'success' | 'warning'; text: string }) {
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

function EntryView(props: {
  entry: JournalEntry;
  lang: UiLanguage;
  disabled: boolean;
  onRestore: () => void;
}) {
  const { entry, lang } = props;
  const t = SYNC_SCREEN_TEXTS[lang];
  const styles = useStyles();
  const head = `${entry.name}: ${t.entry[entry.result]}`;
  if (entry.result === 'failed') {
    return (
      <Text block>
        {head} ({t.side[entry.side]}) – {SYNC_TEXTS[lang].itemFailure[entry.reason.code]}
      </Text>
    );
  }
  if (entry.result !== 'conflict') return <Text block>{head}</Text>;
  const c = entry.conflict;
  const restorable = c.kind === 'both-changed' && (c.winner === 'crm' ? c.outlookVersion : c.crmVersion);
  return (
    <div>
      <Text block weight="semibold">
        {head}
      </Text>
      <Text block>{t.conflictWinner(c.winner)}</Text>
      {(
        [
          [t.crmVersion, c.crmVersion],
          [t.outlookVersion, c.outlookVersion],
        ] as const
      ).map(([label, version]) => (
        <div key={label}>
          <Text size={200} weight="semibold">
            {label}
          </Text>
          <ul className={styles.version}>
            {version ? (
              itemSummary(version).map((line, i) => <li key={i}>{line}</li>)
            ) : (
              <li>{t.deletedVersion}</li>
            )}
          </ul>
        </div>
      ))}
      {restorable && (
        <Button size="small" disabled={props.disabled} onClick={props.onRestore}>
          {t.restoreVersion}
        </Button>
      )}
    </div>
  );
}
