/** "Create sync folder": a name (default "CRM Sync"), refused with a clear message before any request. */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { validateFolderName, type FolderKind } from '../../adapters/graph/folder-name.js';
import { errorText } from './error-texts.js';
import type { ShellLang, ShellTexts } from './texts.js';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

export function CreateFolderForm(props: {
  kind: FolderKind;
  existingNames: readonly string[];
  t: ShellTexts;
  lang: ShellLang;
  onCreate: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { kind, existingNames, t, lang, onCreate, onCancel } = props;
  const s = useStyles();
  const [name, setName] = useState('CRM Sync');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const check = validateFolderName(kind, name, existingNames);
    if (!check.ok) return setError(check.error);
    setBusy(true);
    try {
      await onCreate(check.name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field
        label={t.folderName}
        validationMessage={error === undefined ? undefined : errorText(error, lang)}
        validationState={error === undefined ? 'none' : 'error'}
      >
        <Input value={name} autoFocus onChange={(_, d) => (setName(d.value), setError(undefined))} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        {t.create}
      </Button>
      <Button onClick={onCancel}>{t.cancel}</Button>
    </form>
  );
}
