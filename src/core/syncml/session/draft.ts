/** The reducer works on a shallow copy ("draft") of the state and returns it as the new state. */
import type { SessionState, StoreState } from './types.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type StoreDraft = Mutable<StoreState>;
export type SessionDraft = Omit<Mutable<SessionState>, 'stores' | 'sent'> & {
  stores: StoreDraft[];
  sent: Record<string, SessionState['sent'][string]>;
};

export function draftOf(state: SessionState): SessionDraft {
  return { ...state, stores: state.stores.map((s) => ({ ...s })), sent: { ...state.sent } };
}
