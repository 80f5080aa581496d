/** The duplicate check's reasons in words for the CLI: the pane's own tables (src/app/dedupe/reason-texts.ts). */
import { REASON_TEXTS_DE, REASON_TEXTS_EN, type DuplicateReason } from '../app/dedupe/reason-texts.js';
import type { CliLanguage } from './texts.js';

const TABLES = { en: REASON_TEXTS_EN, de: REASON_TEXTS_DE } as const satisfies Record<CliLanguage, unknown>;

/** A reason code the tables don't know (from a newer matcher) is shown as it is. */
export function reasonText(reason: string, lang: CliLanguage): string {
  return TABLES[lang][reason as DuplicateReason] ?? reason;
}
