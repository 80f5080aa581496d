/**
 * The dedicated sync folder wizard (DESIGN.md §5.4): name (validated like any folder creation, as the user
 * types), create, optionally move chosen existing items in, then enable sync for the new folder.
 *
 * Graph v1.0 has no move for contacts (nor for To Do tasks), so a move is create-in-new + delete-old for every
 * kind, in that order: an item is deleted from its old folder only after its copy exists, so a failure leaves
 * at worst two copies, never none. Our CRM link travels with the item.
 */
import {
  validateFolderName,
  type FolderKind,
  type FolderNameError,
} from '../../adapters/graph/folder-name.js';
import { luid, type ItemKind, type OutlookFolderId, type OutlookItemId } from '../../core/model/index.js';
import type { OutlookStore, WriteOp } from '../../core/sync/index.js';
import { DedupeError } from './errors.js';

export const FOLDER_KIND_OF: Readonly<Record<ItemKind, FolderKind>> = {
  contact: 'contacts',
  event: 'calendar',
  task: 'tasks',
};

export interface CreatedFolder {
  readonly id: OutlookFolderId;
  readonly name: string;
}

export interface SyncFolderWizardPorts {
  readonly outlook: Readonly<Partial<Record<ItemKind, OutlookStore>>>;
  /** Names of the existing folders of a kind (to refuse a taken name before any request). */
  listFolderNames(kind: ItemKind, signal?: AbortSignal): Promise<readonly string[]>;
  /** Creates the folder (Graph: adapters/graph createFolder); throws FolderNameError when the name is taken. */
  createFolder(kind: ItemKind, name: string, signal?: AbortSignal): Promise<CreatedFolder>;
  /** Switches sync on for the new folder, paired with the datastore. */
  enableSync(folder: CreatedFolder, kind: ItemKind, datastore: string): Promise<void>;
}

export interface SyncFolderPlan {
  readonly kind: ItemKind;
  readonly name: string;
  readonly datastore: string;
  /** Items to move in, from their current folder (none: start empty). */
  readonly move?: { readonly from: OutlookFolderId; readonly ids: readonly OutlookItemId[] };
}

export type WizardStep = 'create' | 'move' | 'enable' | 'done';

export interface WizardProgress {
  readonly step: WizardStep;
  readonly moved?: number;
  readonly toMove?: number;
}

export interface SyncFolderResult {
  readonly folder: CreatedFolder;
  /** Old id → new id of each moved item. */
  readonly moved: ReadonlyMap<OutlookItemId, OutlookItemId>;
  /** Items not moved (still in the old folder), or copied but not deleted from it (`stage: 'delete'`). */
  readonly failed: readonly {
    readonly id: OutlookItemId;
    readonly code: string;
    readonly stage: 'create' | 'delete';
  }[];
}

export type NameCheck =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly error: FolderNameError };

const MOVE_CHUNK = 100;

export interface SyncFolderWizard {
  /** Pure, for as-you-type validation: the trimmed name, or EMPTY / TOO_LONG / INVALID_CHARS / TAKEN. */
  checkName(kind: ItemKind, name: string, existingNames: readonly string[]): NameCheck;
  run(
    plan: SyncFolderPlan,
    options?: { signal?: AbortSignal; onProgress?: (p: WizardProgress) => void },
  ): Promise<SyncFolderResult>;
}

export function createSyncFolderWizard(ports: SyncFolderWizardPorts): SyncFolderWizard {
  const checkName = (kind: ItemKind, name: string, existing: readonly string[]) =>
    validateFolderName(FOLDER_KIND_OF[kind], name, existing);
  return {
    checkName,
    async run(plan, { signal, onProgress } = {}) {
      const store = ports.outlook[plan.kind];
      if (!store)
        throw new DedupeError('NO_OUTLOOK_STORE', `no Outlook store for ${plan.kind}`, { kind: plan.kind });
      const checked = checkName(plan.kind, plan.name, await ports.listFolderNames(plan.kind, signal));
      if (!checked.ok) throw checked.error;
      onProgress?.({ step: 'create' });
      const folder = await ports.createFolder(plan.kind, checked.name, signal);
      const moveResult = plan.move
        ? await moveItems(
            store,
            plan.move.from,
            folder.id,
            plan.move.ids,
            (moved, toMove) => onProgress?.({ step: 'move', moved, toMove }),
            signal,
          )
        : { moved: new Map<OutlookItemId, OutlookItemId>(), failed: [] };
      if (signal?.aborted)
        throw new DedupeError('ABORTED', 'the wizard was cancelled', { folder: folder.id });
      onProgress?.({ step: 'enable' });
      await ports.enableSync(folder, plan.kind, plan.datastore);
      onProgress?.({ step: 'done' });
      return { folder, ...moveResult };
    },
  };
}

/** Create-in-new, then delete-old for the copies that exist; in chunks so a cancel stops between them. */
export async function moveItems(
  store: OutlookStore,
  from: OutlookFolderId,
  to: OutlookFolderId,
  ids: readonly OutlookItemId[],
  onMoved: (moved: number, toMove: number) => void,
  signal?: AbortSignal,
): Promise<Pick<SyncFolderResult, 'moved' | 'failed'>> {
  const wanted = new Set<string>(ids);
  const items = (await store.readAll(from, signal)).filter((s) => wanted.has(s.id));
  const moved = new Map<OutlookItemId, OutlookItemId>();
  const failed: { id: OutlookItemId; code: string; stage: 'create' | 'delete' }[] = [];
  for (const id of ids)
    if (!items.some((s) => s.id === id)) failed.push({ id, code: 'NOT_FOUND', stage: 'create' });
  for (let at = 0; at < items.length && !signal?.aborted; at += MOVE_CHUNK) {
    const chunk = items.slice(at, at + MOVE_CHUNK);
    // An empty LUID reads back as "no link": items that never synced stay unlinked.
    const creates: WriteOp[] = chunk.map((s) => ({
      op: 'create',
      item: s.item,
      link: s.link ?? { luid: luid(''), fingerprint: '' },
    }));
    const created = await store.writeBatch(to, creates, signal);
    const copied: OutlookItemId[] = [];
    created.forEach((r, i) => {
      const old = chunk[i]!.id;
      if (r.ok) {
        moved.set(old, r.id);
        copied.push(old);
      } else failed.push({ id: old, code: r.error.code, stage: 'create' });
    });
    const deleted = await store.writeBatch(
      from,
      copied.map((id) => ({ op: 'delete', id })),
      signal,
    );
    deleted.forEach((r, i) => {
      if (!r.ok) failed.push({ id: copied[i]!, code: r.error.code, stage: 'delete' });
    });
    onMoved(moved.size, items.length);
  }
  return { moved, failed };
}
