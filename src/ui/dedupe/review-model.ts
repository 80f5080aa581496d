/**
 * The duplicate review's screen state as a pure reducer over the core's review decisions: rows for the grid
 * (Outlook ⇄ CRM pairs, or duplicates within Outlook), per-pair and bulk decisions, per-field choices, and the
 * within-Outlook items left out of the sync. No React here, so it is tested in plain node.
 */
import {
  CONTACT_SCALAR_FIELDS,
  decide,
  linkAllAbove,
  startReview,
  summarize,
  type ContactScalarField,
  type FieldChoices,
  type PairDecision,
  type ReviewState,
  type ReviewSummary,
} from '../../core/dedupe/index.js';
import type { SyncItem } from '../../core/model/index.js';
import type { DuplicateCheck } from '../../app/dedupe/index.js';

export const BULK_LINK_SCORE = 90;

export type ReviewFilter = 'pairs' | 'within';

export interface ReviewModel {
  readonly check: DuplicateCheck;
  readonly review: ReviewState<string>;
  /** Outlook ids of within-Outlook duplicates left out of the sync (the second of a pair). */
  readonly withinSkips: ReadonlySet<string>;
  readonly filter: ReviewFilter;
}

export type ReviewEvent =
  | { readonly type: 'filter'; readonly filter: ReviewFilter }
  | { readonly type: 'decide'; readonly index: number; readonly action: PairDecision['action'] }
  | { readonly type: 'fields'; readonly index: number; readonly fields: FieldChoices | 'newer' }
  | { readonly type: 'link-above'; readonly score: number }
  | { readonly type: 'toggle-within-skip'; readonly outlookId: string };

export function initialReviewModel(check: DuplicateCheck): ReviewModel {
  return { check, review: startReview(check.pairs), withinSkips: new Set(), filter: 'pairs' };
}

function decisionFor(action: PairDecision['action'], previous: PairDecision): PairDecision {
  if (action !== 'link') return { action } as PairDecision;
  return previous.action === 'link' ? previous : { action: 'link', fields: 'newer' };
}

export function reduceReview(model: ReviewModel, event: ReviewEvent): ReviewModel {
  switch (event.type) {
    case 'filter':
      return { ...model, filter: event.filter };
    case 'decide':
      return {
        ...model,
        review: decide(
          model.review,
          event.index,
          decisionFor(event.action, model.review.decisions[event.index]!),
        ),
      };
    case 'fields':
      return {
        ...model,
        review: decide(model.review, event.index, { action: 'link', fields: event.fields }),
      };
    case 'link-above':
      return { ...model, review: linkAllAbove(model.review, event.score) };
    case 'toggle-within-skip': {
      const next = new Set(model.withinSkips);
      if (!next.delete(event.outlookId)) next.add(event.outlookId);
      return { ...model, withinSkips: next };
    }
  }
}

export interface SideView {
  readonly name: string;
  /** Short lines that tell two versions apart on a narrow pane (company, e-mail, phone; start; due). */
  readonly details: readonly string[];
}

export interface ReviewRow {
  /** Stable across re-renders: the grid's row id. */
  readonly key: string;
  readonly kind: 'pair' | 'within';
  /** Index into check.pairs (pair) or check.withinOutlook (within). */
  readonly index: number;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly first: SideView;
  readonly second: SideView;
  /** Pair: the decision; within: whether the second is left out. */
  readonly decision: PairDecision['action'];
  readonly secondSkipped: boolean;
  readonly secondId: string;
}

function when(v: { kind: string; iso?: string; local?: string }): string {
  return (v.iso ?? v.local ?? '').replace('T', ' ').replace(/:00(Z)?$/, '$1');
}

export function sideView(item: SyncItem, name: string): SideView {
  if (item.kind === 'contact') {
    const details = [item.company, item.emails[0]?.address, item.phones[0]?.number];
    return { name, details: details.filter((d): d is string => !!d) };
  }
  if (item.kind === 'event') {
    const t = item.timing;
    return { name, details: [t.allDay ? t.startDate : `${when(t.start)} – ${when(t.end)}`] };
  }
  return { name, details: item.due ? [item.due] : [] };
}

export function reviewRows(model: ReviewModel): readonly ReviewRow[] {
  const { check, review, withinSkips } = model;
  if (model.filter === 'within') {
    return check.withinOutlook.map((p, index) => ({
      key: `w:${p.first.id}:${p.second.id}`,
      kind: 'within',
      index,
      score: p.score,
      reasons: p.reasons,
      first: sideView(p.first.item, p.first.name),
      second: sideView(p.second.item, p.second.name),
      decision: withinSkips.has(p.second.id) ? 'skip-outlook' : 'keep-both',
      secondSkipped: withinSkips.has(p.second.id),
      secondId: p.second.id,
    }));
  }
  return check.pairs.map((p, index) => ({
    key: `p:${p.outlook.id}:${p.crm.guid}`,
    kind: 'pair',
    index,
    score: p.score,
    reasons: p.reasons,
    first: sideView(p.outlook.item, p.outlook.name),
    second: sideView(p.crm.item, p.crm.name),
    decision: review.decisions[index]!.action,
    secondSkipped: false,
    secondId: p.crm.guid,
  }));
}

/** Contact fields where both versions have a value and the values differ: the ones worth a choice. */
export function differingFields(outlook: SyncItem, crm: SyncItem): readonly ContactScalarField[] {
  if (outlook.kind !== 'contact' || crm.kind !== 'contact') return [];
  const filled = (v: unknown) => v !== undefined && v !== '' && JSON.stringify(v) !== '{}';
  return CONTACT_SCALAR_FIELDS.filter(
    (f) => filled(outlook[f]) && filled(crm[f]) && JSON.stringify(outlook[f]) !== JSON.stringify(crm[f]),
  );
}

/** A field's value as a short line of text (names as displayed, photos as a mark). */
export function fieldText(item: SyncItem, field: ContactScalarField): string {
  if (item.kind !== 'contact') return '';
  const v = item[field];
  if (v === undefined || v === '') return '';
  if (field === 'name')
    return [item.name.prefix, item.name.given, item.name.family].filter(Boolean).join(' ');
  if (field === 'photo') return '▣';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function reviewSummary(model: ReviewModel): ReviewSummary {
  return summarize(model.review);
}

export function linkableAbove(model: ReviewModel, score: number): number {
  return model.review.decisions.filter(
    (d, i) => d.action === 'undecided' && model.check.pairs[i]!.score >= score,
  ).length;
}
