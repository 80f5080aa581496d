/**
 * The duplicate check's words (review and sync-folder wizard), one table per language (CONVENTIONS.md rule 9),
 * each in its own module and loaded on demand so the pane's first screen carries neither.
 */
import type { ContactReason, EventReason, TaskReason, ContactScalarField } from '../../core/dedupe/index.js';
import type { DedupeErrorCode } from '../../app/dedupe/index.js';
import type { FolderNameErrorCode } from '../../adapters/graph/folder-name.js';

export type DedupeLanguage = 'de' | 'en';
export type DuplicateReason = ContactReason | EventReason | TaskReason;
export type ReviewAction = 'link' | 'keep-both' | 'skip-outlook' | 'undecided';
type Count = (n: number) => string;

export interface DedupeTexts {
  readonly title: string;
  readonly intro: string;
  readonly checking: { readonly outlook: string; readonly crm: string; readonly matching: string };
  readonly counts: (outlook: number, crm: number, pairs: number) => string;
  readonly none: string;
  readonly alreadySynced: string;
  readonly filterLabel: string;
  readonly filterPairs: Count;
  readonly filterWithin: Count;
  readonly columnPair: string;
  readonly columnDecision: string;
  readonly outlookSide: string;
  readonly crmSide: string;
  readonly secondOutlook: string;
  readonly score: (score: number) => string;
  readonly reasons: Readonly<Record<DuplicateReason, string>>;
  readonly actions: Readonly<Record<ReviewAction, string>>;
  readonly skipSecond: string;
  readonly decisionLabel: (name: string) => string;
  readonly linkAbove: (score: number) => string;
  readonly linkedAnnounce: Count;
  readonly summary: (linked: number, keptBoth: number, skipped: number, undecided: number) => string;
  readonly fieldsButton: string;
  readonly fieldsTitle: (name: string) => string;
  readonly fieldsNewer: string;
  readonly fieldNames: Readonly<Record<ContactScalarField, string>>;
  readonly fieldsDone: string;
  readonly empty: string;
  readonly startFirstSync: string;
  /** Stores the decisions and closes: the user previews and syncs from the Sync tab. */
  readonly saveForLater: string;
  readonly createFolderInstead: string;
  readonly cancel: string;
  readonly retry: string;
  readonly saved: string;
  readonly errors: Readonly<Record<DedupeErrorCode | 'UNEXPECTED', { title: string; next: string }>>;
  readonly wizard: {
    readonly title: string;
    readonly nameLabel: string;
    readonly nameHint: string;
    readonly nameErrors: Readonly<Record<FolderNameErrorCode, string>>;
    readonly moveLabel: string;
    readonly moveHint: string;
    readonly moveListLabel: string;
    readonly create: string;
    readonly steps: Readonly<Record<'create' | 'move' | 'enable' | 'done', string>>;
    readonly moved: (moved: number, toMove: number) => string;
    readonly done: (name: string, moved: number) => string;
    readonly failed: Count;
    readonly back: string;
  };
}

export async function loadDedupeTexts(language: DedupeLanguage): Promise<DedupeTexts> {
  return language === 'de'
    ? (await import('./texts-de.js')).DEDUPE_TEXTS_DE
    : (await import('./texts-en.js')).DEDUPE_TEXTS_EN;
}
