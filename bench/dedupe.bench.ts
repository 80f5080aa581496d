/**
 * Duplicate check: quality on the labelled sets (precision/recall at the link threshold) and
 * cost of 10,000 × 10,000 contacts with blocking, against comparing all pairs (the all-pairs
 * time is extrapolated from a measured 1,000 × 1,000 run: 100 M scorings would take minutes).
 */
import { contactMatcher } from '../src/core/dedupe/contact-matcher.js';
import { eventMatcher } from '../src/core/dedupe/event-matcher.js';
import { matchLists, type Matcher } from '../src/core/dedupe/matcher.js';
import { taskMatcher } from '../src/core/dedupe/task-matcher.js';
import { evaluatePairs, generateContactSet } from '../test/support/dedupe-testset.js';
import {
  generateEventSet,
  generateTaskSet,
  type LabelledSet,
} from '../test/support/dedupe-testset-calendar.js';
import { printTable, withPeakMemory, writeResults } from './report.js';

const LINK_THRESHOLD = 70;
const contacts = contactMatcher('DE');

function quality<T, F, R extends string>(name: string, set: LabelledSet<T>, m: Matcher<T, F, R>) {
  const { pairs } = matchLists(set.outlook, set.crm, m);
  const q = evaluatePairs(
    pairs.filter((p) => p.score >= LINK_THRESHOLD),
    set.truePairs,
  );
  return {
    set: name,
    items: set.outlook.length + set.crm.length,
    truePairs: set.truePairs.length,
    precision: +q.precision.toFixed(4),
    recall: +q.recall.toFixed(4),
    falsePositives: q.falsePositives,
    falseNegatives: q.falseNegatives,
  };
}

function allPairsMsPerComparison(n: number): number {
  const set = generateContactSet(2 * n, 5);
  const lf = set.outlook.slice(0, n).map((c) => contacts.features(c));
  const rf = set.crm.slice(0, n).map((c) => contacts.features(c));
  const t0 = performance.now();
  let sink = 0;
  for (const a of lf) for (const b of rf) sink += contacts.score(a, b).score;
  const ms = performance.now() - t0;
  if (sink < 0) console.log(sink);
  return ms / (lf.length * rf.length);
}

async function main() {
  const rows = [
    quality('contacts (5,000)', generateContactSet(5000, 42), contacts),
    quality('events (2,000)', generateEventSet(2000), eventMatcher),
    quality('tasks (2,000)', generateTaskSet(2000), taskMatcher),
  ];
  console.log(`Quality at link threshold ${LINK_THRESHOLD} (targets: precision ≥ 0.99, recall ≥ 0.95)`);
  printTable(rows);

  const big = generateContactSet(21_000, 9);
  const outlook = big.outlook.slice(0, 10_000);
  const crm = big.crm.slice(0, 10_000);
  const t0 = performance.now();
  const { result, peakMiB } = await withPeakMemory(() => matchLists(outlook, crm, contacts));
  const blockedMs = performance.now() - t0;
  const perComparison = allPairsMsPerComparison(1000);
  const allPairs = outlook.length * crm.length;
  const allPairsMs = perComparison * allPairs;
  const scale = {
    outlook: outlook.length,
    crm: crm.length,
    comparisons: result.stats.comparisons,
    allPairsComparisons: allPairs,
    comparisonRatio: +(allPairs / result.stats.comparisons).toFixed(1),
    timeMs: Math.round(blockedMs),
    allPairsTimeMsEstimated: Math.round(allPairsMs),
    speedup: +(allPairsMs / blockedMs).toFixed(1),
    peakMiB,
    pairsFound: result.pairs.length,
  };
  console.log('\n10,000 × 10,000 contacts, blocking vs all pairs');
  printTable([scale]);
  writeResults('dedupe', { threshold: LINK_THRESHOLD, quality: rows, scale });
}

await main();
