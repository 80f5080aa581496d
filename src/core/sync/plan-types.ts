import type { Guid, Luid, OutlookItemId, SyncItem } from '../model/index.js';
import type { ConflictCase, ConflictPolicyName, ConflictWinner } from './conflict-policy.js';
import type { DeletionCandidate } from './deletion-guard.js';
import type { ItemFailure } from './errors.js';
import type { OutlookWrite } from './outlook-writes.js';
import type { ServerChangeAnswer } from './session-types.js';
import type { PendingReason } from './state.js';

/** A conflict as the journal keeps it: both versions, the winner, the policy that chose. */
export interface ConflictRecord {
  readonly luid: Luid;
  readonly outlookId: OutlookItemId;
  readonly name: string;
  readonly kind: ConflictCase['kind'];
  readonly winner: ConflictWinner;
  readonly policy: ConflictPolicyName;
  /** Absent when the CRM deleted the item. */
  readonly crmVersion?: SyncItem;
  /** Absent when Outlook deleted the item. */
  readonly outlookVersion?: SyncItem;
}

/** One Outlook write and what it means once it succeeds. */
export interface PlannedWrite {
  readonly write: OutlookWrite;
  /** Index of the server change it answers. */
  readonly serverIndex: number;
  readonly luid: Luid;
  readonly guid?: Guid;
  readonly name: string;
  /** Fingerprint to store for the item once written (absent for deletes). */
  readonly fingerprint?: string;
  /** Status to answer on success (on failure the server gets 500 and keeps its change). */
  readonly answerOnSuccess: ServerChangeAnswer;
  /** An update that only stores the link (LUID + fingerprint) on an item whose content stays as it is. */
  readonly linkOnly?: boolean;
  /** Outlook item removed when this write succeeds (re-creation after an Outlook deletion). */
  readonly replacesOutlookId?: OutlookItemId;
}

export interface PlannedFailure {
  readonly serverIndex: number;
  readonly luid?: Luid;
  readonly name: string;
  readonly failure: ItemFailure;
}

export interface OutlookPlan {
  readonly writes: readonly PlannedWrite[];
  /** Answers known without writing (echoes, unknown deletes, conflicts Outlook won, failures), by server index. */
  readonly immediateAnswers: ReadonlyMap<number, ServerChangeAnswer>;
  readonly conflicts: readonly ConflictRecord[];
  readonly failures: readonly PlannedFailure[];
  /** Outlook items the server's package would delete, for the deletion guard. */
  readonly serverDeletions: readonly DeletionCandidate[];
  /** Items to send next run whatever delta says (conflicts Outlook won, re-adds after a CRM deletion). */
  readonly pending: Readonly<Record<string, PendingReason>>;
  /** Item states to drop (the CRM deleted an item whose Outlook edit won: it goes back as a new Add). */
  readonly dropStates: readonly OutlookItemId[];
  readonly nextLuid: number;
  /** Server changes that needed no write: same content as what we have. */
  readonly unchanged: number;
  readonly totalServerChanges: number;
}

export interface PlanSummary {
  readonly toOutlook: { readonly creates: number; readonly updates: number; readonly deletes: number };
  readonly conflicts: number;
  readonly failures: number;
}

export function summarisePlan(plan: OutlookPlan): PlanSummary {
  const count = (op: OutlookWrite['op']) =>
    plan.writes.filter((w) => w.write.op === op && !w.linkOnly).length;
  return {
    toOutlook: { creates: count('create'), updates: count('update'), deletes: count('delete') },
    conflicts: plan.conflicts.length,
    failures: plan.failures.length,
  };
}
