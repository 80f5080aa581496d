/**
 * Delta rounds. A round starts from a baseline (empty for the first round, else the one stored
 * with the delta link) and lists everything whose version differs from it, plus removals for
 * keys the baseline has and the folder no longer has (deleted, moved away, cancelled, or left
 * the calendar window). Pages slice that list; the last page issues a delta link carrying the
 * round's final snapshot. Items are rendered at page time, so a page shows the current state
 * (an item deleted mid-round shows as removed), which is what Graph's replays look like.
 */
import { notFound } from '../errors.js';
import { occurrenceId, parseOccurrenceId } from '../ids.js';
import type { DeltaBaseline, DeltaEntry, DeltaQuery, DeltaScope } from './delta-tokens.js';
import { eventSpan, expandOccurrences, findOccurrence, type Occurrence } from './events.js';
import type { MailboxStore } from './mailbox-store.js';
import type { StoredItem } from './types.js';

export const DEFAULT_DELTA_PAGE_SIZE = 10;

export type ResolvedDeltaEntry =
  | { readonly kind: 'item'; readonly item: StoredItem }
  | { readonly kind: 'occurrence'; readonly master: StoredItem; readonly occurrence: Occurrence }
  | { readonly kind: 'removed'; readonly immutableId: string; readonly restId: string };

export interface DeltaPage {
  readonly entries: readonly ResolvedDeltaEntry[];
  readonly nextToken?: string;
  readonly deltaToken?: string;
}

function folderKind(scope: DeltaScope) {
  return scope.type === 'contacts' ? 'contacts' : scope.type === 'tasks' ? 'todo' : 'calendar';
}

/** The folder's current state as the delta round sees it. */
export function snapshot(store: MailboxStore, scope: DeltaScope): Record<string, readonly [string, string]> {
  store.getFolder(folderKind(scope), scope.folderId);
  const snap: Record<string, readonly [string, string]> = {};
  for (const item of store.listItems(scope.folderId)) {
    if (scope.type !== 'calendarView') {
      snap[item.immutableId] = [String(item.seq), item.restId];
    } else if (item.fields.recurrence) {
      for (const occ of expandOccurrences(item, scope.startMs, scope.endMs)) {
        const version = `${item.masterSeq}.${occ.override?.seq ?? 0}`;
        snap[occurrenceId(item.immutableId, occ.key)] = [version, occurrenceId(item.restId, occ.key)];
      }
    } else {
      const { startMs, endMs } = eventSpan(item.fields);
      if (
        startMs < scope.endMs &&
        (endMs > scope.startMs || (endMs === startMs && startMs >= scope.startMs))
      ) {
        snap[item.immutableId] = [String(item.seq), item.restId];
      }
    }
  }
  return snap;
}

/** Starts a round and returns the token of its first page. */
export function startDeltaRound(
  store: MailboxStore,
  scope: DeltaScope,
  query: DeltaQuery,
  baseline: DeltaBaseline = {},
): string {
  const next = snapshot(store, scope);
  const entries: DeltaEntry[] = [];
  for (const [key, [version, restId]] of Object.entries(next)) {
    if (baseline[key]?.[0] !== version) entries.push({ key, restId, removed: false });
  }
  for (const [key, [, restId]] of Object.entries(baseline)) {
    if (!(key in next)) entries.push({ key, restId, removed: true });
  }
  return store.deltaTokens.issue({ kind: 'page', scope, query, entries, offset: 0, nextBaseline: next });
}

function resolveEntry(store: MailboxStore, entry: DeltaEntry, scope: DeltaScope): ResolvedDeltaEntry {
  const removed = { kind: 'removed', immutableId: entry.key, restId: entry.restId } as const;
  if (entry.removed) return removed;
  const occ = parseOccurrenceId(entry.key);
  if (occ) {
    const master = store.items.get(occ.masterId);
    const occurrence =
      master && master.folderId === scope.folderId ? findOccurrence(master, occ.key) : undefined;
    return master && occurrence ? { kind: 'occurrence', master, occurrence } : removed;
  }
  const item = store.items.get(entry.key);
  return item && item.folderId === scope.folderId ? { kind: 'item', item } : removed;
}

/** Reads one page of a round (a skip token) or starts the next round (a delta token). */
export function readDeltaPage(
  store: MailboxStore,
  token: string,
  pageSize?: number,
): DeltaPage & { scope: DeltaScope; query: DeltaQuery } {
  const state = store.deltaTokens.resolve(token);
  if (!store.folders.has(state.scope.folderId)) throw notFound('folder', state.scope.folderId);
  if (state.kind === 'link') {
    const first = startDeltaRound(store, state.scope, state.query, state.baseline);
    return readDeltaPage(store, first, pageSize);
  }
  const size = Math.max(1, pageSize ?? state.pageSize ?? DEFAULT_DELTA_PAGE_SIZE);
  const slice = state.entries.slice(state.offset, state.offset + size);
  const entries = slice.map((e) => resolveEntry(store, e, state.scope));
  const end = state.offset + slice.length;
  const base = { entries, scope: state.scope, query: state.query };
  if (end < state.entries.length) {
    return { ...base, nextToken: store.deltaTokens.issue({ ...state, offset: end, pageSize: size }) };
  }
  return {
    ...base,
    deltaToken: store.deltaTokens.issue({
      kind: 'link',
      scope: state.scope,
      query: state.query,
      baseline: state.nextBaseline,
    }),
  };
}
