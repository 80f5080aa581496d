/**
 * Settings → CRM connection (DESIGN.md §8.7): endpoint (locked when the admin preset it), user, password with
 * "remember" (off by default; says where it would be stored), device id (read-only), conflict policy, deletion
 * guard share, calendar window, Save and "Check connection" with a precise result and what to do.
 */
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SpinButton,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  connectionIssues,
  type ConnectionField,
  type ConnectionSettings,
} from '../../app/pane/connection-settings.js';
import type { ConnectionHolder } from '../../app/pane/connection-holder.js';
import type { ConflictPolicyName } from '../../core/sync/index.js';
import type { ConnectionCheck } from '../../core/syncml/index.js';
import { ErrorBar } from './SyncView.js';
import { SYNC_SCREEN_TEXTS, type UiLanguage } from './texts.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const POLICIES: readonly ConflictPolicyName[] = ['crm-wins', 'outlook-wins', 'newest-wins'];

export interface ConnectionSectionProps {
  readonly holder: ConnectionHolder;
  readonly lang: UiLanguage;
  readonly checkConnection: (settings: ConnectionSettings) => Promise<ConnectionCheck>;
}

type Outcome = { readonly check: ConnectionCheck } | { readonly error: unknown } | { readonly saved: true };

export function ConnectionSection({ holder, lang, checkConnection }: ConnectionSectionProps) {
  const t = SYNC_SCREEN_TEXTS[lang].settings;
  const styles = useStyles();
  const [draft, setDraft] = useState<ConnectionSettings>(holder.current());
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [touched, setTouched] = useState(false);
  const locked = Boolean(holder.admin.lockEndpoint && holder.admin.endpoint);
  const issues = touched ? connectionIssues(draft) : [];
  const issueOf = (field: ConnectionField) => {
    const issue = issues.find((i) => i.field === field);
    return issue ? t.issue[issue.reason] : undefined;
  };
  const set = (patch: Partial<ConnectionSettings>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    setTouched(true);
    try {
      await holder.update(draft);
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ error });
    }
  };
  const check = async () => {
    setTouched(true);
    setChecking(true);
    setOutcome(undefined);
    try {
      setOutcome({ check: await checkConnection(draft) });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setChecking(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} aria-label={t.title}>
      <Text as="h2" weight="semibold" size={400}>
        {t.title}
      </Text>
      <Field
        label={t.fields.endpoint}
        hint={locked ? t.lockedByAdmin : undefined}
        validationMessage={issueOf('endpoint')}
        required
      >
        <Input
          type="url"
          value={draft.endpoint}
          readOnly={locked}
          onChange={(_, d) => set({ endpoint: d.value })}
        />
      </Field>
      <Field label={t.fields.user} validationMessage={issueOf('user')} required>
        <Input autoComplete="username" value={draft.user} onChange={(_, d) => set({ user: d.value })} />
      </Field>
      <Field label={t.fields.password} validationMessage={issueOf('password')} required>
        <Input
          type="password"
          autoComplete="current-password"
          value={draft.password}
          onChange={(_, d) => set({ password: d.value })}
        />
      </Field>
      <Field hint={draft.rememberPassword ? t.rememberOnNote : t.rememberOffNote}>
        <Switch
          label={t.remember}
          checked={draft.rememberPassword}
          onChange={(_, d) => set({ rememberPassword: d.checked })}
        />
      </Field>
      <Field label={t.fields.deviceId} hint={t.deviceIdHint}>
        <Input value={draft.deviceId} readOnly />
      </Field>
      <Field label={t.policy}>
        <Dropdown
          value={t.policies[draft.policy]}
          selectedOptions={[draft.policy]}
          onOptionSelect={(_, d) => d.optionValue && set({ policy: d.optionValue as ConflictPolicyName })}
        >
          {POLICIES.map((p) => (
            <Option key={p} value={p}>
              {t.policies[p]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.fields.guardShare} hint={t.guardHint} validationMessage={issueOf('guardShare')}>
        <SpinButton
          min={1}
          max={100}
          value={Math.round(draft.guardShare * 100)}
          onChange={(_, d) => set({ guardShare: (d.value ?? Number(d.displayValue)) / 100 })}
        />
      </Field>
      <fieldset className={styles.row} style={{ border: 'none', padding: 0 }}>
        <legend>{t.fields.calendarWindow}</legend>
        <Field label={t.pastDays} validationMessage={issueOf('calendarWindow')}>
          <SpinButton
            min={0}
            max={1825}
            value={draft.calendarWindow.pastDays}
            onChange={(_, d) =>
              set({
                calendarWindow: { ...draft.calendarWindow, pastDays: d.value ?? Number(d.displayValue) },
              })
            }
          />
        </Field>
        <Field label={t.futureDays}>
          <SpinButton
            min={0}
            max={1825}
            value={draft.calendarWindow.futureDays}
            onChange={(_, d) =>
              set({
                calendarWindow: { ...draft.calendarWindow, futureDays: d.value ?? Number(d.displayValue) },
              })
            }
          />
        </Field>
      </fieldset>
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          {t.save}
        </Button>
        <Button disabled={checking} onClick={() => void check()}>
          {checking ? t.checking : t.check}
        </Button>
      </div>
      <div aria-live="polite">{outcome && <OutcomeBar outcome={outcome} lang={lang} />}</div>
    </form>
  );
}

function OutcomeBar({ outcome, lang }: { outcome: Outcome; lang: UiLanguage }) {
  const t = SYNC_SCREEN_TEXTS[lang].settings;
  if ('error' in outcome) return <ErrorBar error={outcome.error} lang={lang} />;
  if ('saved' in outcome) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t.saved}</MessageBarBody>
      </MessageBar>
    );
  }
  const { kind } = outcome.check;
  return (
    <MessageBar intent={kind === 'ok' ? 'success' : 'error'} data-check={kind}>
      <MessageBarBody>
        <MessageBarTitle>{t.check_result[kind]}</MessageBarTitle>
        {t.check_todo[kind]}
      </MessageBarBody>
    </MessageBar>
  );
}
