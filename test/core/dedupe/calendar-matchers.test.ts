import { describe, expect, it } from 'vitest';
import { eventMatcher } from '../../../src/core/dedupe/event-matcher.js';
import { matchLists } from '../../../src/core/dedupe/matcher.js';
import { taskMatcher } from '../../../src/core/dedupe/task-matcher.js';
import { evaluatePairs } from '../../support/dedupe-testset.js';
import { generateEventSet, generateTaskSet } from '../../support/dedupe-testset-calendar.js';

describe('event matching', () => {
  it('matches a zoned appointment with its UTC copy and names the reasons', () => {
    const set = generateEventSet(20, 1);
    const [i, j] = set.truePairs[0]!;
    const s = eventMatcher.score(eventMatcher.features(set.outlook[i]!), eventMatcher.features(set.crm[j]!));
    expect(s.reasons).toEqual(expect.arrayContaining(['same-start', 'same-end']));
    expect(s.score).toBeGreaterThanOrEqual(70);
  });

  it('reaches precision ≥ 0.99 and recall ≥ 0.95 on a labelled set', () => {
    const set = generateEventSet(1000);
    const { pairs } = matchLists(set.outlook, set.crm, eventMatcher);
    const q = evaluatePairs(
      pairs.filter((p) => p.score >= 70),
      set.truePairs,
    );
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('task matching', () => {
  it('reaches precision ≥ 0.99 and recall ≥ 0.95 on a labelled set', () => {
    const set = generateTaskSet(1000);
    const { pairs } = matchLists(set.outlook, set.crm, taskMatcher);
    const q = evaluatePairs(
      pairs.filter((p) => p.score >= 70),
      set.truePairs,
    );
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
  });
});
