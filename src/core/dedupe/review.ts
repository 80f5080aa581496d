/**
 * The user's decisions in the duplicate review, as data: per pair link / keep both / skip,
 * bulk actions by score. The first sync reads these decisions; nothing here writes anywhere.
 */
import type { MatchPair } from './matcher.js';
import type { FieldChoices } from './merge.js';

export type PairDecision =
  | { readonly action: 'link'; readonly fields: FieldChoices | 'newer' }
  | { readonly action: 'keep-both' }
  /** Leave the Outlook item out of the sync altogether. */
  | { readonly action: 'skip-outlook' }
  | { readonly action: 'undecided' };

export interface ReviewState<R extends string> {
  readonly pairs: readonly MatchPair<R>[];
  /** Decision per pair, by index into `pairs`. */
  readonly decisions: readonly PairDecision[];
}

export function startReview<R extends string>(pairs: readonly MatchPair<R>[]): ReviewState<R> {
  return { pairs, decisions: pairs.map(() => ({ action: 'undecided' })) };
}

export function decide<R extends string>(
  state: ReviewState<R>,
  index: number,
  decision: PairDecision,
): ReviewState<R> {
  if (index < 0 || index >= state.pairs.length)
    throw new RangeError(`no pair ${index} (have ${state.pairs.length})`);
  return { ...state, decisions: state.decisions.map((d, i) => (i === index ? decision : d)) };
}

/** "Link all with score ≥ N" (newer values win); pairs already decided by hand are left alone. */
export function linkAllAbove<R extends string>(state: ReviewState<R>, minScore: number): ReviewState<R> {
  return {
    ...state,
    decisions: state.decisions.map((d, i) =>
      d.action === 'undecided' && state.pairs[i]!.score >= minScore ? { action: 'link', fields: 'newer' } : d,
    ),
  };
}

export interface ReviewSummary {
  readonly linked: number;
  readonly keptBoth: number;
  readonly skipped: number;
  readonly undecided: number;
}

export function summarize(state: ReviewState<string>): ReviewSummary {
  const count = (a: PairDecision['action']) => state.decisions.filter((d) => d.action === a).length;
  return {
    linked: count('link'),
    keptBoth: count('keep-both'),
    skipped: count('skip-outlook'),
    undecided: count('undecided'),
  };
}
