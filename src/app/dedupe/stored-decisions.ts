/**
 * Decisions kept in a key/value store (the pane's IndexedDB or settings port; the CLI's settings file), and
 * the sync ports that read them per folder when the engine loads the folder's state — a synchronous wrapper,
 * so it fits the pane's `decoratePorts`. A folder's links are dropped once its first commit consumed them.
 */
import { withPrelinks, type FolderPrelinks } from '../sync/prelinks.js';
import type { SyncPorts } from '../sync/ports.js';
import type { ItemKind } from '../../core/model/index.js';
import type { OutlookStore } from '../../core/sync/index.js';
import { DedupeError } from './errors.js';
import { withoutSkipped } from './first-sync.js';
import type { DuplicateDecisionStore, FolderDecisions } from './ports.js';

export interface KeyValuePort {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const KEY_PREFIX = 'duplicate-decisions.';
const KINDS: readonly string[] = ['contact', 'event', 'task'];

function isDecisions(value: unknown): value is FolderDecisions {
  const v = value as Partial<FolderDecisions> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    KINDS.includes(v.kind as string) &&
    typeof v.datastore === 'string' &&
    Array.isArray(v.links) &&
    v.links.every(
      (l) => typeof l?.outlookId === 'string' && typeof l.guid === 'string' && typeof l.merged === 'object',
    ) &&
    Array.isArray(v.skipped) &&
    v.skipped.every((s) => typeof s === 'string')
  );
}

/** One key per folder; a stored value of the wrong shape is refused (BAD_STORED_DECISIONS), never guessed. */
export function keyValueDecisionStore(kv: KeyValuePort): DuplicateDecisionStore {
  return {
    async load(folderId) {
      const value = await kv.get(KEY_PREFIX + folderId);
      if (value === undefined || value === null) return undefined;
      if (!isDecisions(value))
        throw new DedupeError('BAD_STORED_DECISIONS', 'stored duplicate decisions are malformed', {
          folderId,
        });
      return value;
    },
    save: (folderId, decisions) => kv.set(KEY_PREFIX + folderId, decisions),
    remove: (folderId) => kv.set(KEY_PREFIX + folderId, null),
  };
}

/** The sync ports with each folder's stored decisions applied, read when the engine loads that folder. */
export function withStoredDecisions(ports: SyncPorts, store: DuplicateDecisionStore): SyncPorts {
  const skipped = new Map<string, ReadonlySet<string>>();
  const prelinks: Record<string, FolderPrelinks> = {};
  const loaded = new Map<string, FolderDecisions>();
  const consumed = new Set<string>();
  const outlook: Partial<Record<ItemKind, OutlookStore>> = {};
  for (const [kind, s] of Object.entries(ports.outlook) as [ItemKind, OutlookStore][])
    outlook[kind] = withoutSkipped(s, skipped);
  const inner = withPrelinks({ ...ports, outlook }, prelinks, {
    onConsumed: (folderId) => void consumed.add(folderId),
  });
  return {
    ...inner,
    stateStore: {
      async load(folderId) {
        const d = await store.load(folderId);
        if (d) {
          loaded.set(folderId, d);
          skipped.set(folderId, new Set(d.skipped));
          if (d.links.length > 0)
            prelinks[folderId] = { kind: d.kind, datastore: d.datastore, links: d.links };
        }
        return inner.stateStore.load(folderId);
      },
      async save(state) {
        await inner.stateStore.save(state);
        const folderId = state.checkpoint.folderId;
        if (!consumed.delete(folderId)) return;
        const d = loaded.get(folderId)!;
        delete prelinks[folderId];
        // The links are used up; the skips keep their items out of later runs too.
        if (d.skipped.length > 0) await store.save(folderId, { ...d, links: [] });
        else await store.remove(folderId);
      },
    },
  };
}
