/**
 * The Sync screen (DESIGN.md §8.3/8.4): "Sync now" and "Preview"; during a run one progress bar per folder
 * (items done of planned) with Cancel, announced politely to screen readers; the preview with "Confirm"; the
 * guard question; the outcome or error as a MessageBar that says what to do.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PaneSyncService } from '../../app/pane/create-pane-sync.js';
import { SYNC_TEXTS } from '../../app/sync/texts.js';
import type { FolderProgress, RunResult } from '../../core/sync/index.js';
import { describeError, describeRunError } from './error-text.js';
import { GuardDialog } from './GuardDialog.js';
import { PreviewList } from './PreviewList.js';
import { SYNC_SCREEN_TEXTS, type UiLanguage } from './texts.js';
import { useSyncFlow } from './use-sync-flow.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // Fluent's Text is inline even as h2/p: the preview's title, hint, list and button stack.
  preview: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
  flush: { margin: 0 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface SyncViewProps {
  readonly service: PaneSyncService;
  readonly lang: UiLanguage;
  readonly folderLabel: (folderId: string, datastore: string) => string;
  /** After a run finished (the header's "last run", the history). */
  readonly onRunFinished?: (result: RunResult) => void;
}

export function SyncView({ service, lang, folderLabel, onRunFinished }: SyncViewProps) {
  const t = SYNC_SCREEN_TEXTS[lang];
  const styles = useStyles();
  const flow = useSyncFlow(service, onRunFinished);
  const { state } = flow;
  const busy = state.busy !== undefined;
  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={flow.sync}>
          {t.syncNow}
        </Button>
        <Button disabled={busy} onClick={flow.preview}>
          {t.preview}
        </Button>
        {busy && (
          <Button disabled={state.cancelling} onClick={flow.cancel}>
            {state.cancelling ? t.cancelling : t.cancel}
          </Button>
        )}
      </div>
      {busy &&
        state.progress.map((p) => (
          <FolderProgressBar key={p.folderId} progress={p} lang={lang} folderLabel={folderLabel} />
        ))}
      <div role="status" aria-live="polite" className={styles.srOnly}>
        {busy
          ? state.progress
              .map((p) => t.progressAnnounce(folderLabel(p.folderId, p.datastore), p.done, p.planned))
              .join('. ')
          : ''}
      </div>
      {state.preview && (
        <section aria-label={t.previewTitle} className={styles.preview}>
          <Text as="h2" weight="semibold" size={400} className={styles.flush}>
            {t.previewTitle}
          </Text>
          <Text as="p" className={styles.flush}>
            {t.previewHint}
          </Text>
          <PreviewList previews={state.preview.previews} lang={lang} folderLabel={folderLabel} />
          <Button appearance="primary" onClick={flow.sync}>
            {t.confirm}
          </Button>
        </section>
      )}
      {state.result && <RunOutcomeBar result={state.result} lang={lang} />}
      {state.error !== undefined && <ErrorBar error={state.error} lang={lang} />}
      <GuardDialog trip={state.question} lang={lang} onDecide={flow.decide} />
    </div>
  );
}

function FolderProgressBar(props: {
  progress: FolderProgress;
  lang: UiLanguage;
  folderLabel: SyncViewProps['folderLabel'];
}) {
  const { progress: p, lang } = props;
  const t = SYNC_SCREEN_TEXTS[lang];
  const max = Math.max(p.planned, 1);
  return (
    <Field
      label={t.progressLabel(props.folderLabel(p.folderId, p.datastore))}
      hint={t.progressValue(p.done, p.planned)}
    >
      <ProgressBar value={Math.min(p.done, max)} max={max} thickness="large" />
    </Field>
  );
}

function RunOutcomeBar({ result, lang }: { result: RunResult; lang: UiLanguage }) {
  const t = SYNC_SCREEN_TEXTS[lang];
  const sum = (f: (r: RunResult['folders'][number]) => number) =>
    result.folders.reduce((n, r) => n + f(r), 0);
  const toOutlook = sum((r) => r.toOutlook.creates + r.toOutlook.updates + r.toOutlook.deletes);
  const toCrm = sum((r) => r.toCrm.adds + r.toCrm.replaces + r.toCrm.deletes);
  const failed = sum((r) => r.failed);
  const intent =
    result.outcome === 'completed'
      ? failed > 0
        ? 'warning'
        : 'success'
      : result.outcome === 'failed'
        ? 'error'
        : 'warning';
  return (
    <MessageBar
      intent={intent}
      role={intent === 'error' ? 'alert' : 'status'}
      data-run-id={result.runId}
      data-outcome={result.outcome}
    >
      <MessageBarBody>
        <MessageBarTitle>{SYNC_TEXTS[lang].outcome[result.outcome]}</MessageBarTitle>
        {result.mode === 'sync' && t.resultCounts(toOutlook, toCrm, failed)}
        {result.error && ` ${describeRunError(result.error.code, lang).text}`}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ErrorBar({ error, lang }: { error: unknown; lang: UiLanguage }) {
  const shown = describeError(error, lang);
  return (
    <MessageBar intent="error" role="alert" data-code={shown.code}>
      <MessageBarBody>{shown.text}</MessageBarBody>
    </MessageBar>
  );
}
