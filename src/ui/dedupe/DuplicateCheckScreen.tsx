/**
 * The duplicate check screen: runs checkDuplicates with announced progress (Cancel stops it), shows the review,
 * stores the decisions (applyReview) and hands over to the first sync; or opens the sync-folder wizard.
 * Loaded lazily (index.ts), with its texts, so the pane's first screen stays small.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  applyReview,
  checkDuplicates,
  type CheckProgress,
  type DedupePorts,
  type DuplicateCheck,
  type DuplicateCheckRequest,
  type SyncFolderResult,
  type SyncFolderWizard as Wizard,
} from '../../app/dedupe/index.js';
import { DuplicateReview } from './DuplicateReview.js';
import type { ReviewModel } from './review-model.js';
import { SyncFolderWizard } from './SyncFolderWizard.js';
import { loadDedupeTexts, type DedupeLanguage, type DedupeTexts } from './texts.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

export interface DuplicateCheckScreenProps {
  readonly ports: DedupePorts;
  readonly request: Omit<DuplicateCheckRequest, 'signal' | 'onProgress'>;
  readonly language: DedupeLanguage;
  /** Called once the decisions are stored: the pane runs the folder's first sync (runSyncWithDecisions). */
  readonly onStartFirstSync: () => void | Promise<void>;
  readonly folderWizard?: {
    readonly wizard: Wizard;
    readonly existingNames: readonly string[];
    readonly defaultName: string;
    readonly onDone: (result: SyncFolderResult) => void;
  };
  readonly onClose?: () => void;
  /**
   * Offered next to "Start first sync": the decisions are stored and the screen closes, so the user can look at
   * the Sync tab's preview before anything is written. Called after the decisions are stored.
   */
  readonly onSaveForLater?: () => void;
}

type Phase =
  | { readonly at: 'checking'; readonly progress?: CheckProgress }
  | { readonly at: 'review'; readonly check: DuplicateCheck }
  | { readonly at: 'wizard'; readonly check?: DuplicateCheck }
  | { readonly at: 'failed'; readonly code: string };

export function DuplicateCheckScreen(props: DuplicateCheckScreenProps) {
  const { ports, request, language, onStartFirstSync, folderWizard, onClose, onSaveForLater } = props;
  const s = useStyles();
  const [texts, setTexts] = useState<DedupeTexts | undefined>();
  const [phase, setPhase] = useState<Phase>({ at: 'checking' });
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void loadDedupeTexts(language).then((t) => live && setTexts(t));
    return () => void (live = false);
  }, [language]);

  // The check runs once per folder/datastore, not on every render with fresh-but-equal props.
  const latest = useRef({ ports, request });
  latest.current = { ports, request };
  const { folder, kind, datastore, country } = request;
  const run = useCallback(() => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ at: 'checking' });
    checkDuplicates(latest.current.ports, {
      folder,
      kind,
      datastore,
      country,
      signal: controller.signal,
      onProgress: (progress) => !controller.signal.aborted && setPhase({ at: 'checking', progress }),
    }).then(
      (check) => !controller.signal.aborted && setPhase({ at: 'review', check }),
      (error: unknown) => setPhase({ at: 'failed', code: codeOf(error, controller.signal.aborted) }),
    );
  }, [folder, kind, datastore, country]);

  useEffect(() => {
    run();
    return () => abort.current?.abort();
  }, [run]);

  if (!texts) return <Spinner size="small" />;

  const start = async (check: DuplicateCheck, model: ReviewModel, then: () => unknown = onStartFirstSync) => {
    setBusy(true);
    try {
      await applyReview(ports, check, model.review, [...model.withinSkips]);
      await then();
    } catch (error) {
      setPhase({ at: 'failed', code: codeOf(error, false) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={s.root} aria-label={texts.title}>
      <Text as="h1" weight="semibold" size={500}>
        {texts.title}
      </Text>
      {phase.at !== 'wizard' && <Text>{texts.intro}</Text>}
      {phase.at === 'checking' && (
        <>
          <Field
            label={
              texts.checking[
                phase.progress?.phase === 'crm'
                  ? 'crm'
                  : phase.progress?.phase === 'matching'
                    ? 'matching'
                    : 'outlook'
              ]
            }
          >
            <ProgressBar />
          </Field>
          <div role="status" aria-live="polite">
            {
              texts.checking[
                phase.progress?.phase === 'crm'
                  ? 'crm'
                  : phase.progress?.phase === 'matching'
                    ? 'matching'
                    : 'outlook'
              ]
            }
          </div>
          <Button onClick={() => (abort.current?.abort(), onClose?.())}>{texts.cancel}</Button>
        </>
      )}
      {phase.at === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{errorText(texts, phase.code).title}</MessageBarTitle>
            {errorText(texts, phase.code).next}
          </MessageBarBody>
          <Button onClick={run}>{texts.retry}</Button>
          {onClose && <Button onClick={onClose}>{texts.cancel}</Button>}
        </MessageBar>
      )}
      {phase.at === 'review' && (
        <>
          {phase.check.synced && (
            <MessageBar intent="info">
              <MessageBarBody>{texts.alreadySynced}</MessageBarBody>
            </MessageBar>
          )}
          <DuplicateReview
            check={phase.check}
            texts={texts}
            busy={busy}
            onStartFirstSync={(model) => void start(phase.check, model)}
            {...(onSaveForLater
              ? { onSaveForLater: (model: ReviewModel) => void start(phase.check, model, onSaveForLater) }
              : {})}
            {...(folderWizard
              ? { onCreateFolder: () => setPhase({ at: 'wizard', check: phase.check }) }
              : {})}
          />
        </>
      )}
      {phase.at === 'wizard' && folderWizard && (
        <SyncFolderWizard
          wizard={folderWizard.wizard}
          kind={request.kind}
          datastore={request.datastore}
          existingNames={folderWizard.existingNames}
          defaultName={folderWizard.defaultName}
          texts={texts}
          {...(phase.check
            ? {
                source: {
                  folder: request.folder,
                  items: phase.check.outlook.map((o) => ({ id: o.id, name: o.name })),
                },
              }
            : {})}
          onDone={folderWizard.onDone}
          onBack={() => (phase.check ? setPhase({ at: 'review', check: phase.check }) : run())}
        />
      )}
    </section>
  );
}

function codeOf(error: unknown, aborted: boolean): string {
  if (aborted) return 'ABORTED';
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'UNEXPECTED';
}

function errorText(texts: DedupeTexts, code: string) {
  return texts.errors[code as keyof DedupeTexts['errors']] ?? texts.errors.UNEXPECTED;
}

export default DuplicateCheckScreen;
