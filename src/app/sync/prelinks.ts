/**
 * Pairs linked before a folder's first sync (duplicate check, DESIGN.md §5; docs/decisions/0091): the hook that
 * makes the first sync link instead of copying, added around the ports without changing the engine.
 *
 * A linked pair enters the folder's first state as an item state with the CRM record's GUID and `incomplete`
 * set — the engine's existing meaning: "Outlook holds a version of this server item; don't send it, and rewrite
 * it when the server sends that GUID". So the first (slow) sync does not send the linked Outlook item as an Add,
 * and the server's Add for the record is written onto the existing Outlook item and mapped (201 + Map) to a
 * LUID. The server's data for a linked GUID is swapped for the merged version on its way in, so Outlook gets
 * the merged values; when the merged version differs from the CRM's, the item is marked `resend`, and the next
 * run sends it to the CRM as a Replace. A link whose record never came (deleted in the CRM meanwhile) is
 * dropped and its Outlook item marked `readd`, so it goes to the CRM as new.
 */
import type { ItemKind, OutlookFolderId, SyncItem } from '../../core/model/index.js';
import { allocateLuids, type FolderSyncState, type ItemSyncState } from '../../core/sync/index.js';
import type { ItemContentType } from '../../core/syncml/devinf/ours.js';
import type { ServerChange as WireServerChange } from '../../core/syncml/session/types.js';
import type { ItemCodec, SyncPorts } from './ports.js';

export interface Prelink {
  readonly outlookId: string;
  /** The CRM record's GUID, as the preview session saw it. */
  readonly guid: string;
  readonly name: string;
  readonly score: number;
  /** What both sides get (newer values win, or the user's per-field choice). */
  readonly merged: SyncItem;
  /** Fingerprint of the CRM's version: when the merged one differs, it goes back to the CRM. */
  readonly crmFingerprint: string;
}

export interface FolderPrelinks {
  readonly kind: ItemKind;
  readonly datastore: string;
  readonly links: readonly Prelink[];
}

export interface PrelinkHooks {
  /** Called after a folder's first commit consumed its links; `resend` = links whose merge goes to the CRM. */
  readonly onConsumed: (folderId: OutlookFolderId, resend: number) => void;
}

/** The state a never-synced folder starts from when it has linked pairs. */
export function prelinkedState(
  folderId: OutlookFolderId,
  prelinks: FolderPrelinks,
  stored: FolderSyncState | undefined,
): FolderSyncState {
  const base: FolderSyncState = stored ?? {
    checkpoint: {
      folderId,
      kind: prelinks.kind,
      datastore: prelinks.datastore,
      direction: 'two-way',
      policy: 'crm-wins',
      nextLuid: 1,
      pending: {},
    },
    items: {},
  };
  const links = prelinks.links.filter((l) => !base.items[l.outlookId]);
  const { luids, nextLuid } = allocateLuids(prelinks.kind, base.checkpoint.nextLuid, links.length);
  const items: Record<string, ItemSyncState> = { ...base.items };
  links.forEach((l, i) => {
    items[l.outlookId] = {
      outlookId: l.outlookId as ItemSyncState['outlookId'],
      luid: luids[i]!,
      guid: l.guid as NonNullable<ItemSyncState['guid']>,
      fingerprint: '',
      lastSyncedAt: '',
      name: l.name,
      incomplete: true,
    };
  });
  return { checkpoint: { ...base.checkpoint, nextLuid }, items };
}

/** After the first commit: merged versions that differ from the CRM's go back; links never answered re-add. */
export function settleLinks(
  state: FolderSyncState,
  prelinks: FolderPrelinks,
  fingerprint: (item: SyncItem) => string,
): { state: FolderSyncState; resend: number } {
  const items = { ...state.items };
  const pending = { ...state.checkpoint.pending };
  let resend = 0;
  for (const link of prelinks.links) {
    const item = items[link.outlookId];
    if (!item) continue;
    if (item.incomplete && item.guid === link.guid) {
      delete items[link.outlookId];
      pending[link.outlookId] = 'readd';
    } else if (fingerprint(link.merged) !== link.crmFingerprint) {
      pending[link.outlookId] = 'resend';
      resend++;
    }
  }
  return { state: { checkpoint: { ...state.checkpoint, pending }, items }, resend };
}

function swapMergedData(
  changes: readonly WireServerChange[],
  byGuid: ReadonlyMap<string, Prelink>,
  codec: ItemCodec,
  contentType: ItemContentType,
): WireServerChange[] {
  return changes.map((c) => {
    const link = c.op === 'add' && c.guid ? byGuid.get(c.guid) : undefined;
    return link ? { ...c, data: codec.encode(link.merged, contentType), contentType } : c;
  });
}

/** The ports with the links of never-synced folders applied; other folders pass through unchanged. */
export function withPrelinks(
  ports: SyncPorts,
  prelinks: Readonly<Record<string, FolderPrelinks>>,
  hooks: PrelinkHooks,
): SyncPorts {
  const active = new Set<string>();
  const byGuid = new Map<string, Prelink>();
  return {
    ...ports,
    stateStore: {
      async load(folderId) {
        const stored = await ports.stateStore.load(folderId);
        const links = prelinks[folderId];
        if (!links || links.links.length === 0 || stored?.checkpoint.lastAnchor) return stored;
        active.add(folderId);
        for (const l of links.links) byGuid.set(l.guid, l);
        return prelinkedState(folderId, links, stored);
      },
      async save(state) {
        const folderId = state.checkpoint.folderId;
        const links = prelinks[folderId];
        if (!links || !active.has(folderId) || !state.checkpoint.lastAnchor)
          return ports.stateStore.save(state);
        const settled = settleLinks(state, links, ports.fingerprint);
        await ports.stateStore.save(settled.state);
        active.delete(folderId);
        hooks.onConsumed(folderId, settled.resend);
      },
    },
    runSession: (options) =>
      ports.runSession({
        ...options,
        onServerChanges: (store, changes) => {
          if (byGuid.size === 0) return options.onServerChanges(store, changes);
          return options.onServerChanges(
            store,
            swapMergedData(changes, byGuid, ports.codec, store.contentType),
          );
        },
      }),
  };
}
