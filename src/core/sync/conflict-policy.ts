/**
 * Conflict policy (CONVENTIONS.md rule 5): a pure object that picks the winner when both sides changed the same
 * item since the last sync. The loser is never dropped: the planner puts it in the run journal, restorable.
 *
 * Default: CRM wins — it is what SyncML servers decide (libsynthesis' default, reference/syncml.md §7.1) and what
 * users of the CRM's old plug-in expect. An edit always beats a deletion, under every policy: a deletion that
 * loses costs nothing, an edit that loses to a deletion is silent data loss (peers.md complaint 13;
 * libsynthesis' default `deletewins` off).
 */
import type { SyncItem } from '../model/index.js';

export type ConflictPolicyName = 'crm-wins' | 'outlook-wins' | 'newest-wins';

export type ConflictCase =
  | { readonly kind: 'both-changed'; readonly crm: SyncItem; readonly outlook: SyncItem }
  /** The CRM deleted the item, Outlook edited it. */
  | { readonly kind: 'crm-deleted'; readonly outlook: SyncItem }
  /** Outlook deleted the item, the CRM edited it. */
  | { readonly kind: 'outlook-deleted'; readonly crm: SyncItem };

export type ConflictWinner = 'crm' | 'outlook';

export interface ConflictPolicy {
  readonly name: ConflictPolicyName;
  decide(conflict: ConflictCase): ConflictWinner;
}

function editBeatsDeletion(conflict: ConflictCase): ConflictWinner | undefined {
  if (conflict.kind === 'crm-deleted') return 'outlook';
  if (conflict.kind === 'outlook-deleted') return 'crm';
  return undefined;
}

export const crmWins: ConflictPolicy = {
  name: 'crm-wins',
  decide: (c) => editBeatsDeletion(c) ?? 'crm',
};

export const outlookWins: ConflictPolicy = {
  name: 'outlook-wins',
  decide: (c) => editBeatsDeletion(c) ?? 'outlook',
};

/** Newer `modifiedAt` wins; when either side has no time (or both are equal), the CRM wins as by default. */
export const newestWins: ConflictPolicy = {
  name: 'newest-wins',
  decide(c) {
    const byDeletion = editBeatsDeletion(c);
    if (byDeletion || c.kind !== 'both-changed') return byDeletion ?? 'crm';
    const crmTime = Date.parse(c.crm.modifiedAt ?? '');
    const outlookTime = Date.parse(c.outlook.modifiedAt ?? '');
    if (Number.isNaN(crmTime) || Number.isNaN(outlookTime)) return 'crm';
    return outlookTime > crmTime ? 'outlook' : 'crm';
  },
};

export const DEFAULT_CONFLICT_POLICY: ConflictPolicy = crmWins;

const POLICIES: Readonly<Record<ConflictPolicyName, ConflictPolicy>> = {
  'crm-wins': crmWins,
  'outlook-wins': outlookWins,
  'newest-wins': newestWins,
};

export function conflictPolicyByName(name: ConflictPolicyName): ConflictPolicy {
  return POLICIES[name];
}
