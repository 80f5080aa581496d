/**
 * The engine's Outlook writes: the store port's ops (outlook-store.ts), each with a key so a write's result can be
 * matched to the plan entry it came from.
 */
import type { OutlookItemId } from '../model/index.js';
import type { ChangeSet, OutlookChange, OutlookStoreErrorCode, WriteOp } from './outlook-store.js';

export type OutlookWrite = WriteOp & { readonly key: string };

export type OutlookWriteResult =
  | { readonly key: string; readonly ok: true; readonly id: OutlookItemId }
  | {
      readonly key: string;
      readonly ok: false;
      readonly code: OutlookStoreErrorCode;
      readonly status?: number;
      /** Set when Outlook stored the item in part under this id (the store port's partial write). */
      readonly id?: OutlookItemId;
    };

export type { ChangeSet as OutlookChangeSet, OutlookChange };
