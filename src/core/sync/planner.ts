/**
 * The planner (DESIGN.md §3 step 4): the server's package-4 changes, with the changes we sent in this session,
 * become a plan of Outlook writes — creates, updates, deletes — and conflicts decided by the policy. Nothing is
 * written here; the deletion guard looks at the plan before anything is applied.
 */
import type { ItemKind, Luid, OutlookItemId, SyncItem } from '../model/index.js';
import type { ConflictPolicy } from './conflict-policy.js';
import type { DeletionCandidate } from './deletion-guard.js';
import type { PresentItem } from './detect-outlook-changes.js';
import { ANSWER_STATUS } from './item-status.js';
import { withStableUids } from './stable-uid.js';
import { itemDisplayName } from './item-name.js';
import type { ConflictRecord, OutlookPlan, PlannedFailure, PlannedWrite } from './plan-types.js';
import type { OurChange, ServerChange, ServerChangeAnswer } from './session-types.js';
import {
  allocateLuids,
  indexByLuid,
  type ItemSyncState,
  type PendingReason,
  type SyncDirection,
} from './state.js';

export interface PlanInput {
  readonly kind: ItemKind;
  /** The CRM datastore: part of the UIDs we give appointments and tasks that come without one. */
  readonly datastore: string;
  readonly serverChanges: readonly ServerChange[];
  /** Item state after change detection (includes states adopted from item links this run). */
  readonly items: Readonly<Record<string, ItemSyncState>>;
  /** Outlook ids whose state was committed by an earlier run (twinning never re-links those). */
  readonly committedIds: ReadonlySet<string>;
  /** Our changes sent in this session: a server change to the same LUID is a conflict if ours is an edit. */
  readonly sent: readonly OurChange[];
  /**
   * Outlook ids whose sent Replace carries an Outlook edit (DetectedChanges.outlookEdits). A slow sync sends
   * every item; one Outlook did not change is no side of a conflict. Absent: every sent change is an edit.
   */
  readonly outlookEdits?: ReadonlySet<string>;
  /** Outlook items read this run, for twinning (a server Add equal to an unlinked Outlook item). */
  readonly present: ReadonlyMap<OutlookItemId, PresentItem>;
  readonly policy: ConflictPolicy;
  readonly direction: SyncDirection;
  readonly nextLuid: number;
  readonly fingerprint: (item: SyncItem) => string;
  /**
   * What Outlook keeps of an item once written (the Graph mapping drops what Outlook can't hold). Server items
   * are fingerprinted in this shape, so the stored fingerprint matches what the next delta reads back.
   */
  readonly outlookShape?: (item: SyncItem) => SyncItem;
}

/** The fingerprint a server item will have once it is in Outlook. */
function outlookFingerprint(input: PlanInput, item: SyncItem): string {
  return input.fingerprint(input.outlookShape ? input.outlookShape(item) : item);
}

interface Builder {
  readonly input: PlanInput;
  readonly byLuid: Map<Luid, ItemSyncState>;
  /** Items a server Add already created in an earlier, partial write (kept with the server's GUID). */
  readonly byGuid: Map<string, ItemSyncState>;
  readonly sentByLuid: Map<Luid, OurChange>;
  readonly twinsByFingerprint: Map<string, OutlookItemId>;
  readonly writes: PlannedWrite[];
  readonly answers: Map<number, ServerChangeAnswer>;
  readonly conflicts: ConflictRecord[];
  readonly failures: PlannedFailure[];
  readonly deletions: DeletionCandidate[];
  readonly pending: Record<string, PendingReason>;
  readonly dropStates: OutlookItemId[];
  nextLuid: number;
  unchanged: number;
}

function newLuid(b: Builder): Luid {
  const { luids, nextLuid } = allocateLuids(b.input.kind, b.nextLuid, 1);
  b.nextLuid = nextLuid;
  return luids[0]!;
}

/** Unlinked Outlook items (not committed, not sent as Add now) by content, for twinning. */
function twinCandidates(input: PlanInput): Map<string, OutlookItemId> {
  const sentAdds = new Set(input.sent.filter((c) => c.op === 'add').map((c) => c.outlookId));
  const twins = new Map<string, OutlookItemId>();
  for (const [id, p] of input.present) {
    if (!input.committedIds.has(id) && !sentAdds.has(id)) twins.set(p.fingerprint, id);
  }
  return twins;
}

function planAdd(b: Builder, index: number, change: Extract<ServerChange, { op: 'add' }>): void {
  const fp = outlookFingerprint(b.input, change.item);
  const name = itemDisplayName(change.item);
  const partial = b.byGuid.get(change.guid);
  if (partial) {
    // Our earlier write of this Add was partial and unanswered: write the same item again, don't create another.
    const link = { luid: partial.luid, fingerprint: fp };
    const write = { op: 'update' as const, key: `s${index}`, id: partial.outlookId, item: change.item, link };
    const answerOnSuccess = { status: ANSWER_STATUS.added, luid: partial.luid };
    b.writes.push({
      write,
      serverIndex: index,
      luid: partial.luid,
      guid: change.guid,
      name,
      fingerprint: fp,
      answerOnSuccess,
    });
    return;
  }
  const twinId = b.twinsByFingerprint.get(fp);
  if (twinId !== undefined) {
    // Twinning: the same content exists unlinked in Outlook (interrupted run, slow sync). Link, don't copy.
    b.twinsByFingerprint.delete(fp);
    const adopted = b.input.items[twinId];
    const luid = adopted?.luid ?? newLuid(b);
    const link = { luid, fingerprint: fp };
    const answerOnSuccess = { status: ANSWER_STATUS.added, luid };
    if (adopted?.fingerprint === fp) return void b.answers.set(index, answerOnSuccess); // already carries it
    const item = b.input.present.get(twinId)!.item;
    const write = { op: 'update' as const, key: `s${index}`, id: twinId, item, link };
    const guid = change.guid;
    b.writes.push({
      write,
      serverIndex: index,
      luid,
      guid,
      name,
      fingerprint: fp,
      answerOnSuccess,
      linkOnly: true,
    });
    return;
  }
  const luid = newLuid(b);
  const write = {
    op: 'create' as const,
    key: `s${index}`,
    item: change.item,
    link: { luid, fingerprint: fp },
  };
  b.writes.push({
    write,
    serverIndex: index,
    luid,
    guid: change.guid,
    name,
    fingerprint: fp,
    answerOnSuccess: { status: ANSWER_STATUS.added, luid },
  });
}

function planReplace(
  b: Builder,
  index: number,
  change: Extract<ServerChange, { op: 'replace' }>,
  /** The server's item before withStableUids stamped a UID on it (that UID is ours, not a CRM edit). */
  unstamped: SyncItem,
): void {
  const fp = outlookFingerprint(b.input, change.item);
  const name = itemDisplayName(change.item);
  const known = b.byLuid.get(change.luid);
  const key = `s${index}`;
  const link = { luid: change.luid, fingerprint: fp };
  if (!known) {
    // Replace for a LUID we don't have: add it instead, as libsynthesis does (reference/syncml.md §4.2).
    const write = { op: 'create' as const, key, item: change.item, link };
    b.writes.push({
      write,
      serverIndex: index,
      luid: change.luid,
      name,
      fingerprint: fp,
      answerOnSuccess: { status: ANSWER_STATUS.ok },
    });
    return;
  }
  const sent = b.sentByLuid.get(change.luid);
  const seen = new Set([fp, outlookFingerprint(b.input, unstamped)]);
  if (seen.has(known.fingerprint) || (sent?.fingerprint !== undefined && seen.has(sent.fingerprint))) {
    // In a slow sync this may be the server's old version of an item Outlook edited: the session outcome keeps
    // that edit pending for the next two-way session (run-folder.ts, decision record 0102).
    b.unchanged++;
    b.answers.set(index, { status: ANSWER_STATUS.ok });
    return;
  }
  const ours = ourEdit(b, change.luid);
  if (ours?.op === 'delete') {
    const winner = b.input.policy.decide({ kind: 'outlook-deleted', crm: change.item });
    recordConflict(b, {
      luid: change.luid,
      outlookId: known.outlookId,
      name,
      kind: 'outlook-deleted',
      winner,
      crmVersion: change.item,
    });
    if (winner === 'outlook') return void b.answers.set(index, { status: ANSWER_STATUS.ok });
    const write = { op: 'create' as const, key, item: change.item, link };
    b.writes.push({
      write,
      serverIndex: index,
      luid: change.luid,
      name,
      fingerprint: fp,
      answerOnSuccess: { status: ANSWER_STATUS.ok },
      replacesOutlookId: known.outlookId,
    });
    return;
  }
  if (ours?.item) {
    const winner = b.input.policy.decide({ kind: 'both-changed', crm: change.item, outlook: ours.item });
    recordConflict(b, {
      luid: change.luid,
      outlookId: known.outlookId,
      name,
      kind: 'both-changed',
      winner,
      crmVersion: change.item,
      outlookVersion: ours.item,
    });
    if (winner === 'outlook') {
      b.pending[known.outlookId] = 'resend';
      b.answers.set(index, { status: ANSWER_STATUS.ok });
      return;
    }
  }
  const write = { op: 'update' as const, key, id: known.outlookId, item: change.item, link };
  b.writes.push({
    write,
    serverIndex: index,
    luid: change.luid,
    name,
    fingerprint: fp,
    answerOnSuccess: { status: ANSWER_STATUS.ok },
  });
}

function planDelete(b: Builder, index: number, change: Extract<ServerChange, { op: 'delete' }>): void {
  const known = b.byLuid.get(change.luid);
  if (!known) return void b.answers.set(index, { status: ANSWER_STATUS.notDeleted });
  const ours = ourEdit(b, change.luid);
  if (ours?.op === 'delete') return void b.answers.set(index, { status: ANSWER_STATUS.ok });
  if (ours?.item) {
    const winner = b.input.policy.decide({ kind: 'crm-deleted', outlook: ours.item });
    recordConflict(b, {
      luid: change.luid,
      outlookId: known.outlookId,
      name: ours.name,
      kind: 'crm-deleted',
      winner,
      outlookVersion: ours.item,
    });
    if (winner === 'outlook') {
      // The CRM no longer has it: the edited Outlook item goes back next run as a new Add with a new LUID.
      b.pending[known.outlookId] = 'readd';
      b.dropStates.push(known.outlookId);
      return void b.answers.set(index, { status: ANSWER_STATUS.ok });
    }
  }
  const seen = b.input.present.get(known.outlookId);
  const name = seen ? itemDisplayName(seen.item) : (known.name ?? '');
  b.deletions.push({ luid: change.luid, outlookId: known.outlookId, name });
  const write = { op: 'delete' as const, key: `s${index}`, id: known.outlookId };
  b.writes.push({
    write,
    serverIndex: index,
    luid: change.luid,
    name,
    answerOnSuccess: { status: ANSWER_STATUS.ok },
  });
}

/** The server's item as it came, before withStableUids (its change at `index` is the stamped one's source). */
function unstampedItem(input: PlanInput, index: number, stamped: { readonly item: SyncItem }): SyncItem {
  const raw = input.serverChanges[index];
  return raw && 'item' in raw ? raw.item : stamped.item;
}

/** Our change to this LUID in this session, unless it is a slow sync's copy of an item Outlook did not change. */
function ourEdit(b: Builder, luid: Luid): OurChange | undefined {
  const ours = b.sentByLuid.get(luid);
  const edits = b.input.outlookEdits;
  if (!ours || ours.op !== 'replace' || !edits) return ours;
  return edits.has(ours.outlookId) ? ours : undefined;
}

function recordConflict(b: Builder, c: Omit<ConflictRecord, 'policy'>): void {
  b.conflicts.push({ ...c, policy: b.input.policy.name });
}

/**
 * Item state by LUID, including the Adds we sent in this session: a slow-sync server may pair our Add with its
 * own item and send its version as a Replace to our new LUID before the session ends (sandbox CRM, libsynthesis).
 */
function knownLuids(input: PlanInput): Map<Luid, ItemSyncState> {
  const byLuid = indexByLuid(input.items);
  for (const c of input.sent) {
    if (c.op !== 'add' || byLuid.has(c.luid)) continue;
    byLuid.set(c.luid, {
      outlookId: c.outlookId,
      luid: c.luid,
      fingerprint: c.fingerprint ?? '',
      lastSyncedAt: '',
    });
  }
  return byLuid;
}

export function planOutlookWrites(input: PlanInput): OutlookPlan {
  const b: Builder = {
    input,
    byLuid: knownLuids(input),
    byGuid: new Map(Object.values(input.items).flatMap((s) => (s.guid && s.incomplete ? [[s.guid, s]] : []))),
    sentByLuid: new Map(input.sent.map((c) => [c.luid, c])),
    twinsByFingerprint: twinCandidates(input),
    writes: [],
    answers: new Map(),
    conflicts: [],
    failures: [],
    deletions: [],
    pending: {},
    dropStates: [],
    nextLuid: input.nextLuid,
    unchanged: 0,
  };
  withStableUids(input.serverChanges, b.byLuid, input.datastore).forEach((change, index) => {
    if (change.op === 'undecodable') {
      b.failures.push({ serverIndex: index, luid: change.luid, name: '', failure: change.failure });
      b.answers.set(index, { status: ANSWER_STATUS.unsupportedFormat });
    } else if (input.direction === 'outlook-to-crm') {
      // "Outlook → CRM only": apply nothing, whatever the server sends.
      b.failures.push({ serverIndex: index, name: '', failure: { code: 'DIRECTION_BLOCKED' } });
      b.answers.set(index, { status: ANSWER_STATUS.forbidden });
    } else if (change.op === 'add') planAdd(b, index, change);
    else if (change.op === 'replace') planReplace(b, index, change, unstampedItem(input, index, change));
    else planDelete(b, index, change);
  });
  return {
    writes: b.writes,
    immediateAnswers: b.answers,
    conflicts: b.conflicts,
    failures: b.failures,
    serverDeletions: b.deletions,
    pending: b.pending,
    dropStates: b.dropStates,
    nextLuid: b.nextLuid,
    unchanged: b.unchanged,
    totalServerChanges: input.serverChanges.length,
  };
}
