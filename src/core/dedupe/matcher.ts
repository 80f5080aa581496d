/**
 * The generic matching loop: features once per item, blocking keys so only items that share a
 * key are compared (work grows about linearly, not with the product of both sides), a score per
 * candidate pair, then one-to-one assignment by descending score.
 */
import type { Scored } from './contact-score.js';

export interface Matcher<T, F, R extends string> {
  features(item: T): F;
  /** Items that share no key are never compared. */
  keys(features: F): readonly string[];
  score(a: F, b: F): Scored<R>;
}

export interface MatchPair<R extends string> {
  /** Index into the left (Outlook) list. */
  readonly left: number;
  /** Index into the right (CRM) list; for duplicates within one list, the second item's index. */
  readonly right: number;
  readonly score: number;
  readonly reasons: readonly R[];
}

export interface MatchOptions {
  /** Pairs below this score are not reported. */
  readonly minScore: number;
  /** A block with more items than this on one side is too common to mean anything ("info@…"). */
  readonly maxBlockSize: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { minScore: 50, maxBlockSize: 200 };

export interface MatchStats {
  /** Pairs actually scored, against left.length × right.length for comparing all pairs. */
  readonly comparisons: number;
}

/** Pairs between two lists, each item in at most one pair. */
export function matchLists<T, F, R extends string>(
  left: readonly T[],
  right: readonly T[],
  matcher: Matcher<T, F, R>,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): { pairs: MatchPair<R>[]; stats: MatchStats } {
  const lf = left.map((x) => matcher.features(x));
  const rf = right.map((x) => matcher.features(x));
  const blocks = new Map<string, { l: number[]; r: number[] }>();
  const block = (k: string) => {
    let b = blocks.get(k);
    if (!b) blocks.set(k, (b = { l: [], r: [] }));
    return b;
  };
  lf.forEach((f, i) => new Set(matcher.keys(f)).forEach((k) => block(k).l.push(i)));
  rf.forEach((f, j) => new Set(matcher.keys(f)).forEach((k) => block(k).r.push(j)));

  const seen = new Set<number>();
  const candidates: MatchPair<R>[] = [];
  let comparisons = 0;
  for (const { l, r } of blocks.values()) {
    if (l.length === 0 || r.length === 0) continue;
    if (l.length > options.maxBlockSize || r.length > options.maxBlockSize) continue;
    for (const i of l) {
      for (const j of r) {
        const key = i * right.length + j;
        if (seen.has(key)) continue;
        seen.add(key);
        comparisons++;
        const s = matcher.score(lf[i]!, rf[j]!);
        if (s.score >= options.minScore)
          candidates.push({ left: i, right: j, score: s.score, reasons: s.reasons });
      }
    }
  }
  return { pairs: assignOneToOne(candidates), stats: { comparisons } };
}

/** Duplicates inside one list (e.g. the Outlook folder itself); an item may appear in several pairs. */
export function matchWithin<T, F, R extends string>(
  items: readonly T[],
  matcher: Matcher<T, F, R>,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): MatchPair<R>[] {
  const fs = items.map((x) => matcher.features(x));
  const blocks = new Map<string, number[]>();
  fs.forEach((f, i) =>
    new Set(matcher.keys(f)).forEach((k) => {
      const b = blocks.get(k);
      if (b) b.push(i);
      else blocks.set(k, [i]);
    }),
  );
  const seen = new Set<number>();
  const pairs: MatchPair<R>[] = [];
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > options.maxBlockSize) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = [members[x]!, members[y]!];
        const key = Math.min(i, j) * items.length + Math.max(i, j);
        if (seen.has(key)) continue;
        seen.add(key);
        const s = matcher.score(fs[i]!, fs[j]!);
        if (s.score >= options.minScore)
          pairs.push({ left: Math.min(i, j), right: Math.max(i, j), score: s.score, reasons: s.reasons });
      }
    }
  }
  return pairs.sort((a, b) => b.score - a.score);
}

/** Greedy assignment: the best pair first; an item already taken is not paired again. */
function assignOneToOne<R extends string>(candidates: MatchPair<R>[]): MatchPair<R>[] {
  candidates.sort((a, b) => b.score - a.score || a.left - b.left || a.right - b.right);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const out: MatchPair<R>[] = [];
  for (const c of candidates) {
    if (usedL.has(c.left) || usedR.has(c.right)) continue;
    usedL.add(c.left);
    usedR.add(c.right);
    out.push(c);
  }
  return out;
}
