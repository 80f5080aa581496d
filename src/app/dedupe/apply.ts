/**
 * applyReview: turns the user's review of a duplicate check into what the first sync reads — links (the
 * linked Outlook item is mapped onto the CRM record instead of copied; merged values go to both sides) and
 * "skip Outlook item" choices — and stores them for the folder. Nothing is written to Outlook or the CRM here.
 */
import {
  mergeContacts,
  newerSide,
  summarize,
  type CountryCode,
  type FieldChoices,
  type ReviewState,
  type ReviewSummary,
} from '../../core/dedupe/index.js';
import type { SyncItem } from '../../core/model/index.js';
import { itemDisplayName } from '../../core/sync/index.js';
import type { Prelink } from '../sync/prelinks.js';
import type { DuplicateCheck } from './check.js';
import { DedupeError } from './errors.js';
import type { DedupePorts, FolderDecisions } from './ports.js';

/** What both sides get for a linked pair: contacts field by field (or newer wins), events and tasks the newer side. */
export function mergedItem(
  outlook: SyncItem,
  crm: SyncItem,
  fields: FieldChoices | 'newer',
  country: CountryCode,
): SyncItem {
  if (outlook.kind === 'contact' && crm.kind === 'contact') {
    return mergeContacts(outlook, crm, {
      defaultCountry: country,
      ...(fields === 'newer' ? {} : { choices: fields }),
    });
  }
  return newerSide(outlook, crm) === 'outlook' ? outlook : crm;
}

export interface AppliedReview {
  readonly decisions: FolderDecisions;
  readonly summary: ReviewSummary;
}

/**
 * Stores the review's links and skips for the check's folder (replacing earlier ones). `review` must be the
 * review started from `check.pairs` (same order). Refused for a folder that has synced already.
 */
export async function applyReview(
  ports: Pick<DedupePorts, 'decisions' | 'fingerprint' | 'stateStore'>,
  check: DuplicateCheck,
  review: ReviewState<string>,
  /** Outlook items to leave out besides the review's "skip" choices (e.g. one of a within-Outlook pair). */
  extraSkips: readonly string[] = [],
): Promise<AppliedReview> {
  if (review.pairs.length !== check.pairs.length) {
    throw new DedupeError('REVIEW_MISMATCH', 'the review was not started from this check', {
      pairs: check.pairs.length,
      reviewed: review.pairs.length,
    });
  }
  const stored = await ports.stateStore.load(check.folder);
  if (check.synced || stored?.checkpoint.lastAnchor !== undefined) {
    throw new DedupeError('ALREADY_SYNCED', 'the folder has synced already; linking is for its first sync', {
      folder: check.folder,
    });
  }
  const links: Prelink[] = [];
  const skipped: string[] = [];
  review.decisions.forEach((decision, i) => {
    const pair = check.pairs[i]!;
    if (decision.action === 'skip-outlook') skipped.push(pair.outlook.id);
    if (decision.action !== 'link') return;
    const merged = mergedItem(pair.outlook.item, pair.crm.item, decision.fields, check.country);
    links.push({
      outlookId: pair.outlook.id,
      guid: pair.crm.guid,
      name: itemDisplayName(merged),
      score: pair.score,
      merged,
      crmFingerprint: ports.fingerprint(pair.crm.item),
    });
  });
  const linkedIds = new Set(links.map((l) => l.outlookId));
  for (const id of extraSkips) if (!linkedIds.has(id) && !skipped.includes(id)) skipped.push(id);
  const decisions: FolderDecisions = { kind: check.kind, datastore: check.datastore, links, skipped };
  await ports.decisions.save(check.folder, decisions);
  return { decisions, summary: summarize(review) };
}
