/**
 * SyncML item status ⇄ engine outcome, in one table each way (CONVENTIONS.md rule 5; reference/syncml.md §2.2).
 * TODO(syncml core): when core/syncml exports its status table, derive `classifyOurChangeStatus` from it.
 */

/** What a status on one of our changes means for that item's state. */
export type OurChangeOutcome =
  /** Stored on the server: advance the item's state. */
  | 'accepted'
  /** The server kept its own version and sends it down (419): our policy decides in the planner. */
  | 'server-won'
  /** Not stored: keep the item marked as changed and send it again next run. */
  | 'failed';

const OUR_CHANGE_STATUS: ReadonlyMap<number, OurChangeOutcome> = new Map<number, OurChangeOutcome>([
  [200, 'accepted'],
  [201, 'accepted'],
  [202, 'accepted'],
  [204, 'accepted'],
  [207, 'accepted'], // merged: the merged item comes down as Replace
  [208, 'accepted'], // conflict, client won
  [209, 'accepted'], // duplicated: the copy comes down as Add
  [210, 'accepted'],
  [211, 'accepted'], // delete of an item the server did not have: done
  [418, 'accepted'], // already exists: a match (slow sync)
  [419, 'server-won'],
]);

/** 404 on a Delete means "already gone" (libsynthesis treats it as 211). Everything unlisted failed. */
export function classifyOurChangeStatus(status: number, op: 'add' | 'replace' | 'delete'): OurChangeOutcome {
  if (op === 'delete' && status === 404) return 'accepted';
  return OUR_CHANGE_STATUS.get(status) ?? 'failed';
}

/** The statuses we answer to the server's changes. */
export const ANSWER_STATUS = {
  ok: 200,
  added: 201,
  /** Delete of an item we did not have (or no longer have). */
  notDeleted: 211,
  /** Conflict decided for Outlook: the server's change was not applied; ours follows. */
  conflictClientWins: 208,
  forbidden: 403,
  notFound: 404,
  unsupportedFormat: 415,
  commandFailed: 500,
} as const;
