/**
 * The reducer works on a copy ("draft") of the state and returns it as the new state. Lists and
 * records that grow per item are copied once per step here and then appended to in place, so a
 * 5,000-item session stays linear (copying them per item was quadratic).
 */
import type {
  ClientChange,
  OurChangeResult,
  OwedStatus,
  PendingServerCommand,
  SentRef,
  ServerChange,
  SessionState,
  StoreState,
} from './types.js';
import type { MapItem } from '../model.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type StoreDraft = Omit<
  Mutable<StoreState>,
  'results' | 'incoming' | 'pendingCommands' | 'maps' | 'queue'
> & {
  results: Record<string, OurChangeResult>;
  incoming: ServerChange[];
  pendingCommands: PendingServerCommand[];
  maps: MapItem[];
  queue: ClientChange[];
};
export type SessionDraft = Omit<Mutable<SessionState>, 'stores' | 'sent' | 'owedStatuses'> & {
  stores: StoreDraft[];
  sent: Record<string, SessionState['sent'][string]>;
  owedStatuses: OwedStatus[];
};

export function draftOf(state: SessionState): SessionDraft {
  return {
    ...state,
    stores: state.stores.map((s) => ({
      ...s,
      results: { ...s.results },
      incoming: [...s.incoming],
      pendingCommands: [...s.pendingCommands],
      maps: [...s.maps],
      queue: [...s.queue],
    })),
    sent: { ...state.sent },
    owedStatuses: [...state.owedStatuses],
  };
}

/** Queues a Status we owe the server for the next message. */
export function owe(d: SessionDraft, status: OwedStatus): void {
  d.owedStatuses.push(status);
}

/** Remembers what we sent under `msgId:cmdId`, to match the server's Status to it. */
export function register(d: SessionDraft, cmdId: string, ref: SentRef): void {
  d.sent[`${d.msgId}:${cmdId}`] = ref;
}
