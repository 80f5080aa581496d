/**
 * The SyncML DS 1.2 message model, for both directions (our client and the sandbox CRM's
 * server share it). Element order on the wire follows ../shared/reference/syncml.md §1.3; the
 * serializer owns that order, this model only holds values. Ids are strings, as on the wire.
 */
import type { DevInf } from './devinf/types.js';

export interface LocRef {
  readonly locUri: string;
  readonly locName?: string;
}

export interface Anchor {
  readonly last?: string;
  readonly next: string;
}

/** syncml:metinf values (Meta of header, commands and items; Chal/Cred meta). */
export interface Meta {
  readonly format?: string;
  readonly type?: string;
  readonly mark?: string;
  /** Byte size of the whole object (first chunk of a large object). */
  readonly size?: number;
  readonly anchor?: Anchor;
  readonly version?: string;
  /** Base64 as sent by the server. */
  readonly nextNonce?: string;
  readonly maxMsgSize?: number;
  readonly maxObjSize?: number;
}

export interface Cred {
  readonly meta?: Meta;
  readonly data: string;
}

export interface Chal {
  readonly meta: Meta;
}

/** What an Item carries: item text (vCard/iCal, CR/LF kept), a DevInf, or an anchor echo. */
export type ItemData =
  | {
      readonly kind: 'text';
      readonly text: string;
      /** Raw UTF-8 bytes (one char per byte) when parsed from bytes: chunks may split a character. */
      readonly binary?: string;
    }
  | { readonly kind: 'devinf'; readonly devInf: DevInf }
  | { readonly kind: 'anchor'; readonly anchor: Anchor };

export interface Item {
  readonly target?: LocRef;
  readonly source?: LocRef;
  readonly meta?: Meta;
  readonly data?: ItemData;
  readonly moreData?: boolean;
}

export interface SyncHdr {
  readonly verDTD: string;
  readonly verProto: string;
  readonly sessionId: string;
  readonly msgId: string;
  readonly target: LocRef;
  readonly source: LocRef;
  readonly respUri?: string;
  readonly noResp?: boolean;
  readonly cred?: Cred;
  readonly meta?: Meta;
}

interface CommandBase {
  readonly cmdId: string;
  readonly noResp?: boolean;
}

export interface StatusCommand {
  readonly kind: 'Status';
  readonly cmdId: string;
  readonly msgRef: string;
  readonly cmdRef: string;
  /** Name of the answered command: 'SyncHdr', 'Alert', 'Add', … */
  readonly cmd: string;
  readonly targetRefs: readonly string[];
  readonly sourceRefs: readonly string[];
  readonly chal?: Chal;
  readonly code: number;
  readonly items: readonly Item[];
}

export interface AlertCommand extends CommandBase {
  readonly kind: 'Alert';
  readonly code: number;
  readonly items: readonly Item[];
}

export interface ItemCommand<K extends 'Add' | 'Replace' | 'Delete' | 'Put' | 'Get'> extends CommandBase {
  readonly kind: K;
  readonly meta?: Meta;
  readonly items: readonly Item[];
}

export type AddCommand = ItemCommand<'Add'>;
export type ReplaceCommand = ItemCommand<'Replace'>;
export type DeleteCommand = ItemCommand<'Delete'> & { readonly archive?: boolean; readonly sftDel?: boolean };
export type PutCommand = ItemCommand<'Put'>;
export type GetCommand = ItemCommand<'Get'>;
export type SyncItemCommand = AddCommand | ReplaceCommand | DeleteCommand;

export interface SyncCommand extends CommandBase {
  readonly kind: 'Sync';
  readonly target?: LocRef;
  readonly source?: LocRef;
  readonly meta?: Meta;
  readonly numberOfChanges?: number;
  readonly commands: readonly SyncItemCommand[];
}

export interface MapItem {
  /** The server's id (GUID). */
  readonly target: string;
  /** The client's id (LUID). */
  readonly source: string;
}

export interface MapCommand {
  readonly kind: 'Map';
  readonly cmdId: string;
  readonly target: LocRef;
  readonly source: LocRef;
  readonly meta?: Meta;
  readonly mapItems: readonly MapItem[];
}

export interface ResultsCommand {
  readonly kind: 'Results';
  readonly cmdId: string;
  readonly msgRef?: string;
  readonly cmdRef: string;
  readonly meta?: Meta;
  readonly targetRef?: string;
  readonly sourceRef?: string;
  readonly items: readonly Item[];
}

/** Commands allowed directly in SyncBody. */
export type SyncMLCommand =
  | StatusCommand
  | AlertCommand
  | SyncCommand
  | AddCommand
  | ReplaceCommand
  | DeleteCommand
  | MapCommand
  | PutCommand
  | GetCommand
  | ResultsCommand;

export type CommandKind = SyncMLCommand['kind'];

export interface SyncMLMessage {
  readonly header: SyncHdr;
  readonly body: readonly SyncMLCommand[];
  readonly final: boolean;
}

export const SYNCML_NAMESPACE = 'SYNCML:SYNCML1.2';
export const DEVINF_TYPE = 'application/vnd.syncml-devinf+xml';
export const DEVINF_URI = './devinf12';
export const SYNCML_CONTENT_TYPE = 'application/vnd.syncml+xml';
