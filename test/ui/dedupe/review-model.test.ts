import { describe, expect, it } from 'vitest';
import {
  BULK_LINK_SCORE,
  differingFields,
  initialReviewModel,
  linkableAbove,
  reduceReview,
  reviewRows,
  reviewSummary,
} from '../../../src/ui/dedupe/review-model.js';
import { sampleCheck } from './support.js';

function setup() {
  return initialReviewModel(sampleCheck());
}

describe('duplicate review model', () => {
  it('rows carry score, reasons and both versions; the filter switches to duplicates within Outlook', () => {
    const model = setup();
    const rows = reviewRows(model);
    expect(rows.map((r) => [r.kind, r.score, r.first.name, r.second.name])).toEqual([
      ['pair', 95, 'Anna0 Müller', 'Anna0 Mueller'],
      ['pair', 75, 'Anna1 Müller', 'Anna1 Mueller'],
    ]);
    expect(rows[0]!.second.details).toEqual(['Müller Immobilien', 'a0@m.de']);
    const within = reviewRows(reduceReview(model, { type: 'filter', filter: 'within' }));
    expect(within.map((r) => [r.kind, r.first.name, r.second.name, r.decision])).toEqual([
      ['within', 'Lea Sommer', 'Lea Sommer', 'keep-both'],
    ]);
  });

  it('"link all ≥ 90" links only undecided pairs at or above the score; hand decisions stay', () => {
    let model = setup();
    expect(linkableAbove(model, BULK_LINK_SCORE)).toBe(1);
    model = reduceReview(model, { type: 'decide', index: 1, action: 'keep-both' });
    model = reduceReview(model, { type: 'link-above', score: BULK_LINK_SCORE });
    expect(reviewRows(model).map((r) => r.decision)).toEqual(['link', 'keep-both']);
    expect(reviewSummary(model)).toEqual({ linked: 1, keptBoth: 1, skipped: 0, undecided: 0 });
  });

  it('per-field choices stay with a link; a re-chosen "link" keeps them; skipping a within duplicate toggles', () => {
    let model = setup();
    model = reduceReview(model, { type: 'fields', index: 0, fields: { company: 'outlook' } });
    model = reduceReview(model, { type: 'decide', index: 0, action: 'link' });
    expect(model.review.decisions[0]).toEqual({ action: 'link', fields: { company: 'outlook' } });
    model = reduceReview(model, { type: 'toggle-within-skip', outlookId: 'w2' });
    expect([...model.withinSkips]).toEqual(['w2']);
    model = reduceReview(model, { type: 'toggle-within-skip', outlookId: 'w2' });
    expect([...model.withinSkips]).toEqual([]);
  });

  it('offers a choice only for fields both versions fill differently', () => {
    const { pairs } = sampleCheck();
    expect(differingFields(pairs[0]!.outlook.item, pairs[0]!.crm.item)).toEqual([
      'name',
      'displayName',
      'company',
    ]);
  });
});
