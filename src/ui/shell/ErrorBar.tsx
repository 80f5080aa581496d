import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { errorCode, errorText } from './error-texts.js';
import type { ShellLang } from './texts.js';
import { SHELL_TEXTS } from './texts.js';

/** A Graph or sign-in error as a MessageBar: what happened and what to do, never a blank pane. */
export function ErrorBar({
  error,
  lang,
  onRetry,
}: {
  error: unknown;
  lang: ShellLang;
  onRetry?: () => void;
}) {
  return (
    <MessageBar intent="error" data-error-code={errorCode(error)}>
      <MessageBarBody>
        <MessageBarTitle>{errorText(error, lang)}</MessageBarTitle>
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{SHELL_TEXTS[lang].retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
