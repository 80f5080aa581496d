/**
 * Pure transitions of one folder's working data: what write results and session statuses mean for item state
 * and the journal. Used by the run reducer.
 */
import type { OutlookItemId, SyncItem } from '../model/index.js';
import type { DeletionGuardSettings } from './deletion-guard.js';
import { classifyOurChangeStatus } from './item-status.js';
import type { JournalEntry } from './journal.js';
import type { OutlookChange, OutlookWrite, OutlookWriteResult } from './outlook-writes.js';
import type { OutlookPlan } from './plan-types.js';
import type { FolderPreview, FolderResult, FolderWork } from './run-types.js';
import type { OurChange, ServerChangeAnswer, SessionOutcome } from './session-types.js';
import { ANSWER_STATUS } from './item-status.js';
import { checkDeletionGuard } from './deletion-guard.js';
import type { FolderSyncState, ItemSyncState, PendingReason } from './state.js';

type NewEntry = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 'entryId'> : never) : never;

export function withEntries(work: FolderWork, folderIndex: number, added: readonly NewEntry[]): FolderWork {
  const start = work.entries.length;
  const entries = added.map((e, i) => ({ ...e, entryId: `${folderIndex}.${start + i}` }) as JournalEntry);
  return { ...work, entries: [...work.entries, ...entries] };
}

/** Item state and journal after the plan's writes; also the answers for the server, in its order. */
export function applyWriteResults(
  work: FolderWork,
  folderIndex: number,
  plan: OutlookPlan,
  results: readonly OutlookWriteResult[],
  before: readonly OutlookChange[],
  now: string,
): { work: FolderWork; answers: ServerChangeAnswer[] } {
  const resultByKey = new Map(results.map((r) => [r.key, r]));
  const beforeById = new Map<string, SyncItem | undefined>(before.map((b) => [b.id, b.item]));
  const items: Record<string, ItemSyncState> = { ...work.items };
  const decided = new Set(work.decidedByPlan);
  const answers = new Map(plan.immediateAnswers);
  const entries: NewEntry[] = plan.conflicts.map((conflict) => ({
    result: 'conflict' as const,
    luid: conflict.luid,
    outlookId: conflict.outlookId,
    name: conflict.name,
    conflict,
  }));
  for (const f of plan.failures)
    entries.push({ result: 'failed', side: 'outlook', luid: f.luid, name: f.name, reason: f.failure });
  for (const id of plan.dropStates) {
    delete items[id];
    decided.add(id);
  }
  // An Outlook-won conflict stays pending whatever status the server gives our change: its own version in this
  // session shows it kept (or merged) another one. libsynthesis answers 200 to our Replace and keeps its own.
  for (const id of Object.keys(plan.pending)) decided.add(id);
  for (const pw of plan.writes) {
    const result = resultByKey.get(pw.write.key);
    const { luid, name } = pw;
    if (result && !result.ok && result.id !== undefined && pw.write.op !== 'delete') {
      // Outlook holds the item in part: keep it linked (no second copy later) and let the server send it again.
      answers.set(pw.serverIndex, { status: ANSWER_STATUS.commandFailed });
      const base = { outlookId: result.id, luid, guid: pw.guid, fingerprint: pw.fingerprint ?? '' };
      items[result.id] = { ...base, lastSyncedAt: now, incomplete: true };
      decided.add(result.id);
      const reason = { code: 'PARTIAL_WRITE' as const, detail: result.code };
      entries.push({ result: 'failed', side: 'outlook', luid, outlookId: result.id, name, reason });
      continue;
    }
    if (!result?.ok) {
      answers.set(pw.serverIndex, { status: ANSWER_STATUS.commandFailed });
      const reason = {
        // ABORTED: the run was cancelled before this write was sent.
        code: result && result.code !== 'ABORTED' ? ('OUTLOOK_REJECTED' as const) : ('CANCELLED' as const),
        status: result?.status,
        detail: result?.code,
      };
      entries.push({
        result: 'failed',
        side: 'outlook',
        luid,
        outlookId: writeTarget(pw.write),
        name,
        reason,
      });
      continue;
    }
    answers.set(pw.serverIndex, pw.answerOnSuccess);
    const id = result.id;
    decided.add(id);
    if (pw.replacesOutlookId) delete items[pw.replacesOutlookId];
    if (pw.write.op === 'delete') {
      delete items[pw.write.id];
      entries.push({ result: 'deleted', luid, outlookId: id, name, before: beforeById.get(id) });
      continue;
    }
    items[id] = {
      outlookId: id,
      luid,
      guid: pw.guid,
      fingerprint: pw.fingerprint ?? '',
      lastSyncedAt: now,
      name,
    };
    if (pw.write.op === 'create')
      entries.push({ result: 'created', luid, outlookId: id, name, after: pw.write.item });
    if (pw.write.op === 'update' && !pw.linkOnly) {
      const before = beforeById.get(id);
      entries.push({
        result: 'updated',
        luid,
        outlookId: id,
        name,
        before,
        after: pw.write.item,
        link: pw.write.link,
      });
    }
  }
  const ordered = Array.from(
    { length: plan.totalServerChanges },
    (_, i) => answers.get(i) ?? { status: ANSWER_STATUS.commandFailed },
  );
  const next: FolderWork = {
    ...work,
    items,
    pending: { ...work.pending, ...plan.pending },
    decidedByPlan: [...decided],
    nextLuid: Math.max(work.nextLuid, plan.nextLuid),
    done: work.done + plan.writes.length,
  };
  return { work: withEntries(next, folderIndex, entries), answers: ordered };
}

function writeTarget(write: OutlookWrite): OutlookItemId | undefined {
  return write.op === 'create' ? undefined : write.id;
}

/** Item state after the server's statuses on our changes; link writes for accepted Adds (LUID onto the item). */
export function applySessionOutcome(
  work: FolderWork,
  folderIndex: number,
  outcome: SessionOutcome,
  now: string,
  /** Fingerprint of an item as Outlook will hold it after the link write rewrites it. */
  outlookFingerprint: (item: SyncItem) => string,
): { work: FolderWork; linkWrites: OutlookWrite[] } {
  const items: Record<string, ItemSyncState> = { ...work.items };
  const pending: Record<string, PendingReason> = { ...work.pending };
  const decided = new Set(work.decidedByPlan);
  const statusByLuid = new Map(outcome.ourChanges.map((s) => [s.luid, s.status]));
  const entries: NewEntry[] = [];
  const linkWrites: OutlookWrite[] = [];
  for (const change of work.sent) {
    const { luid, outlookId, name } = change;
    const status = statusByLuid.get(luid);
    const verdict = status === undefined ? 'failed' : classifyOurChangeStatus(status, change.op);
    if (decided.has(outlookId)) continue; // the plan already settled this item (a conflict)
    if (verdict !== 'accepted') {
      if (change.op !== 'delete' || items[outlookId]) pending[outlookId] = 'resend';
      // 419 without a conflict in our plan: the server's version never came; ours goes again, no failure.
      if (verdict === 'server-won') continue;
      entries.push({
        result: 'failed',
        side: 'crm',
        luid,
        outlookId,
        name,
        reason: { code: 'SERVER_REJECTED', status },
      });
      continue;
    }
    entries.push({ result: 'sent', op: change.op, luid, outlookId, name });
    if (unconfirmedEdit(change, outcome, work)) {
      // A slow sync's 200 does not say the server kept our version: it pairs items and may keep its own (the
      // sandbox CRM sends that back, SyncEvolution says nothing). The edit goes again in the next two-way
      // session; the stored fingerprint stays the last good one (decision record 0102).
      pending[outlookId] = 'resend';
      continue;
    }
    delete pending[outlookId];
    if (change.op === 'delete') {
      delete items[outlookId];
      continue;
    }
    // An Add's link write rewrites the item, so its fingerprint is taken in the shape Outlook keeps.
    const rewritten = change.op === 'add' && change.item;
    const fingerprint = (rewritten ? outlookFingerprint(change.item!) : change.fingerprint) ?? '';
    items[outlookId] = { ...items[outlookId], outlookId, luid, fingerprint, lastSyncedAt: now, name };
    if (rewritten) {
      // The LUID goes onto the item itself, so a second device or a reinstall knows it (DESIGN.md §4).
      const link = { luid, fingerprint };
      linkWrites.push({ op: 'update', key: `link-${luid}`, id: outlookId, item: change.item!, link });
    }
  }
  const next = { ...work, items, pending, done: work.done + work.sent.length };
  return { work: withEntries(next, folderIndex, entries), linkWrites };
}

/** An Outlook edit sent in a slow sync, which no status of that sync can confirm. */
function unconfirmedEdit(change: OurChange, outcome: SessionOutcome, work: FolderWork): boolean {
  if (outcome.mode !== 'slow' || change.op !== 'replace') return false;
  return work.detected?.outlookEdits.has(change.outlookId) ?? false;
}

/** The folder's next durable state: anchors, cursor, LUID counter, pending items, item states. */
export function nextFolderState(work: FolderWork, outcome: SessionOutcome): FolderSyncState {
  const base = work.state!;
  const { needsSlowSync: _cleared, ...checkpoint } = base.checkpoint;
  return {
    checkpoint: {
      ...checkpoint,
      lastAnchor: outcome.nextAnchor,
      deltaCursor: work.settled?.cursor ?? work.changeSet?.nextCursor,
      nextLuid: work.nextLuid,
      pending: work.pending,
    },
    items: work.items,
  };
}

export function buildPreview(
  work: FolderWork,
  plan: OutlookPlan,
  guard: DeletionGuardSettings,
): FolderPreview {
  const detected = work.detected!;
  const writesOf = (op: OutlookWrite['op']) => plan.writes.filter((w) => w.write.op === op && !w.linkOnly);
  const changesOf = (op: 'add' | 'replace' | 'delete') => detected.changes.filter((c) => c.op === op);
  const linked = Object.keys(detected.items).length;
  const base = {
    folderId: work.pair.folderId,
    datastore: work.pair.datastore,
    folderItemCount: linked,
    settings: guard,
  };
  const trips = [
    checkDeletionGuard({ ...base, target: 'crm', deletions: detected.outlookDeletions }),
    checkDeletionGuard({ ...base, target: 'outlook', deletions: plan.serverDeletions }),
  ];
  return {
    folderId: work.pair.folderId,
    datastore: work.pair.datastore,
    toOutlook: {
      creates: writesOf('create').length,
      updates: writesOf('update').length,
      deletes: writesOf('delete').length,
      names: plan.writes.filter((w) => !w.linkOnly).map((w) => w.name),
    },
    toCrm: {
      creates: changesOf('add').length,
      updates: changesOf('replace').length,
      deletes: changesOf('delete').length,
      names: detected.changes.map((c) => c.name),
    },
    conflicts: plan.conflicts.length,
    heldBack: detected.heldBack,
    guardTrips: trips.filter((t) => t !== undefined),
  };
}

export function folderResult(work: FolderWork, committed: boolean): FolderResult {
  const count = (result: JournalEntry['result']) => work.entries.filter((e) => e.result === result).length;
  const sent = (op: 'add' | 'replace' | 'delete') =>
    work.entries.filter((e) => e.result === 'sent' && e.op === op).length;
  return {
    folderId: work.pair.folderId,
    datastore: work.pair.datastore,
    committed,
    sessionMode: work.requestedMode,
    echoes: (work.detected?.echoes ?? 0) + (work.settled?.echoes ?? 0),
    toOutlook: { creates: count('created'), updates: count('updated'), deletes: count('deleted') },
    toCrm: { adds: sent('add'), replaces: sent('replace'), deletes: sent('delete') },
    conflicts: count('conflict'),
    failed: count('failed'),
  };
}
