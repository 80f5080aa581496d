/**
 * One function from any failure the sync screens can meet to the MessageBar's text (what happened and what to
 * do), chosen by the error's stable `code`, never by its message. Messages and details are never shown: they
 * are for developers (and are kept free of the password anyway).
 */
import { SYNC_TEXTS } from '../../app/sync/texts.js';
import type { SyncErrorCode } from '../../core/sync/index.js';
import { SYNC_SCREEN_TEXTS, type UiLanguage } from './texts.js';

export interface ShownError {
  readonly code: string;
  readonly text: string;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function describeError(error: unknown, lang: UiLanguage): ShownError {
  const code = codeOf(error) ?? 'unknown';
  const own = SYNC_SCREEN_TEXTS[lang].errors as Readonly<Record<string, string>>;
  const engine = SYNC_TEXTS[lang].runError as Readonly<Record<string, string>>;
  return { code, text: own[code] ?? engine[code] ?? own['unknown']! };
}

/** A run's own error (RunResult.error). */
export function describeRunError(code: SyncErrorCode, lang: UiLanguage): ShownError {
  return { code, text: SYNC_TEXTS[lang].runError[code] };
}
