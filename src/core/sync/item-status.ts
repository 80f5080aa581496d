/**
 * SyncML item status → engine outcome (CONVENTIONS.md rule 5). The meaning of each code lives in the SyncML
 * core's one table (`statusOutcome`); this file only adds what the engine must tell apart on top of it.
 */
import { STATUS, statusOutcome } from '../syncml/codes.js';

/** What a status on one of our changes means for that item's state. */
export type OurChangeOutcome =
  /** Stored on the server: advance the item's state. */
  | 'accepted'
  /** The server kept its own version (419); it comes down as Replace and our conflict policy decides. */
  | 'server-won'
  /** Not stored (or not sent: status 0): keep the item marked as changed and send it again next run. */
  | 'failed';

export function classifyOurChangeStatus(status: number, op: 'add' | 'replace' | 'delete'): OurChangeOutcome {
  if (status === STATUS.SERVER_WINS) return 'server-won';
  // A Delete of something the server no longer has is done (libsynthesis treats 404 like 211).
  if (op === 'delete' && status === STATUS.NOT_FOUND) return 'accepted';
  return statusOutcome(status) === 'ok' ? 'accepted' : 'failed';
}

/** The statuses we answer to the server's changes. */
export const ANSWER_STATUS = {
  ok: STATUS.OK,
  added: STATUS.ITEM_ADDED,
  /** Delete of an item we did not have (or no longer have). */
  notDeleted: STATUS.ITEM_NOT_DELETED,
  forbidden: STATUS.FORBIDDEN,
  unsupportedFormat: STATUS.UNSUPPORTED_MEDIA_TYPE,
  commandFailed: STATUS.COMMAND_FAILED,
} as const;
