/**
 * The dedicated sync folder wizard: name (checked as the user types, like every folder creation), create,
 * optionally move chosen existing items in, then enable sync. Progress is announced; errors show what to do.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ItemKind, OutlookFolderId, OutlookItemId } from '../../core/model/index.js';
import type { SyncFolderResult, SyncFolderWizard as Wizard, WizardProgress } from '../../app/dedupe/index.js';
import type { DedupeTexts } from './texts.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', maxHeight: '240px', overflowY: 'auto' },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface SyncFolderWizardProps {
  readonly wizard: Wizard;
  readonly kind: ItemKind;
  readonly datastore: string;
  readonly existingNames: readonly string[];
  readonly defaultName: string;
  /** Items of the folder the user started from, which may be moved in. */
  readonly source?: {
    readonly folder: OutlookFolderId;
    readonly items: readonly { id: OutlookItemId; name: string }[];
  };
  readonly texts: DedupeTexts;
  readonly onDone: (result: SyncFolderResult) => void;
  readonly onBack: () => void;
}

export function SyncFolderWizard(props: SyncFolderWizardProps) {
  const { wizard, kind, datastore, existingNames, source, texts, onDone, onBack } = props;
  const s = useStyles();
  const t = texts.wizard;
  const [name, setName] = useState(props.defaultName);
  const [touched, setTouched] = useState(false);
  const [move, setMove] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<OutlookItemId>>(new Set());
  const [progress, setProgress] = useState<WizardProgress | undefined>();
  const [result, setResult] = useState<SyncFolderResult | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const check = useMemo(
    () => wizard.checkName(kind, name, existingNames),
    [wizard, kind, name, existingNames],
  );
  const nameError = touched && !check.ok ? t.nameErrors[check.error.code] : undefined;

  const toggle = (id: OutlookItemId) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const create = async () => {
    setTouched(true);
    if (!check.ok) return;
    setFailure(undefined);
    try {
      const done = await wizard.run(
        {
          kind,
          name,
          datastore,
          ...(move && source && chosen.size > 0 ? { move: { from: source.folder, ids: [...chosen] } } : {}),
        },
        { onProgress: setProgress },
      );
      setResult(done);
      onDone(done);
    } catch (error) {
      const code = (error as { code?: string }).code;
      setProgress(undefined);
      setFailure(
        code && code in t.nameErrors
          ? t.nameErrors[code as keyof typeof t.nameErrors]
          : texts.errors.UNEXPECTED.next,
      );
    }
  };

  const running = progress !== undefined && result === undefined;
  return (
    <div className={s.root}>
      <Text as="h2" weight="semibold" size={400}>
        {t.title}
      </Text>
      <Field
        label={t.nameLabel}
        hint={t.nameHint}
        required
        {...(nameError ? { validationMessage: nameError, validationState: 'error' as const } : {})}
      >
        <Input value={name} disabled={running} onChange={(_e, d) => (setName(d.value), setTouched(true))} />
      </Field>
      {source && source.items.length > 0 && (
        <>
          <Checkbox
            checked={move}
            disabled={running}
            label={t.moveLabel}
            onChange={(_e, d) => setMove(d.checked === true)}
          />
          {move && (
            <div role="group" aria-label={t.moveListLabel} className={s.list}>
              <Text size={200}>{t.moveHint}</Text>
              {source.items.map((item) => (
                <Checkbox
                  key={item.id}
                  label={item.name}
                  checked={chosen.has(item.id)}
                  disabled={running}
                  onChange={() => toggle(item.id)}
                />
              ))}
            </div>
          )}
        </>
      )}
      {progress && (
        <Field
          label={t.steps[progress.step]}
          {...(progress.toMove ? { hint: t.moved(progress.moved ?? 0, progress.toMove) } : {})}
        >
          <ProgressBar
            {...(progress.toMove ? { value: (progress.moved ?? 0) / progress.toMove } : {})}
            {...(progress.step === 'done' ? { value: 1 } : {})}
          />
        </Field>
      )}
      <div role="status" aria-live="polite">
        {result && (
          <MessageBar intent={result.failed.length > 0 ? 'warning' : 'success'}>
            <MessageBarBody>
              {t.done(result.folder.name, result.moved.size)}
              {result.failed.length > 0 ? ` ${t.failed(result.failed.length)}` : ''}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.bar}>
        <Button appearance="primary" disabled={running || result !== undefined} onClick={() => void create()}>
          {t.create}
        </Button>
        <Button disabled={running} onClick={onBack}>
          {t.back}
        </Button>
      </div>
    </div>
  );
}
