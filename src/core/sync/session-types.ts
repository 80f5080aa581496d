/**
 * The engine's view of a SyncML session, in model terms. The app layer translates to and from the SyncML
 * client's wire shapes (`runSyncSession` in core/syncml: data strings, content types) with the formats' codecs.
 */
import type { Guid, Luid, OutlookItemId, SyncItem } from '../model/index.js';
import type { SyncMode } from '../syncml/codes.js';
import type { ItemFailure } from './errors.js';

/** Sync type of a session, as the SyncML core names them (reference/syncml.md §2.1). */
export type SessionMode = SyncMode;

/** One of our changes for package 3. */
export interface OurChange {
  readonly op: 'add' | 'replace' | 'delete';
  readonly luid: Luid;
  readonly outlookId: OutlookItemId;
  /** Absent for deletes. */
  readonly item?: SyncItem;
  /** Fingerprint of `item`; becomes the stored fingerprint once the server accepts the change. */
  readonly fingerprint?: string;
  /** Display name for the journal and the preview. */
  readonly name: string;
}

/** One change from the server's package 4, decoded into the model (or why it could not be). */
export type ServerChange =
  | { readonly op: 'add'; readonly guid: Guid; readonly item: SyncItem }
  | { readonly op: 'replace'; readonly luid: Luid; readonly guid?: Guid; readonly item: SyncItem }
  | { readonly op: 'delete'; readonly luid: Luid }
  | {
      readonly op: 'undecodable';
      readonly wireOp: 'add' | 'replace' | 'delete';
      readonly luid?: Luid;
      readonly guid?: Guid;
      readonly failure: ItemFailure;
    };

/** Our Status for one server change, in the order received; `luid` maps a server Add (Map command). */
export interface ServerChangeAnswer {
  readonly status: number;
  readonly luid?: Luid;
}

/** What the server said about one of our changes. */
export interface OurChangeStatus {
  readonly luid: Luid;
  readonly status: number;
}

export interface SessionOutcome {
  /** The mode the session actually ran (the server may force slow sync with 508). */
  readonly mode: SessionMode;
  /** The anchor to store as `lastAnchor` once everything is durable. */
  readonly nextAnchor: string;
  readonly ourChanges: readonly OurChangeStatus[];
}
