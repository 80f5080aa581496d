/**
 * The user's per-folder choices (sync on/off, paired CRM datastore, direction), as they are kept
 * in the mailbox's add-in settings. Pure: validation of what comes back from storage lives here,
 * so a damaged or older settings value never crashes the pane.
 */
import { outlookFolderId, type ItemKind } from '../model/index.js';
import type { ConflictPolicyName } from '../sync/conflict-policy.js';
import type { FolderPairSettings, SyncDirection } from '../sync/state.js';

export const FOLDER_CHOICES_KEY = 'folderChoices';

export const DEFAULT_DATASTORE: Readonly<Record<ItemKind, string>> = {
  contact: 'addressbook',
  event: 'calendar',
  task: 'todo',
};

export const DIRECTIONS: readonly SyncDirection[] = ['two-way', 'crm-to-outlook', 'outlook-to-crm'];

export interface FolderChoice {
  readonly folderId: string;
  readonly kind: ItemKind;
  readonly enabled: boolean;
  readonly datastore: string;
  readonly direction: SyncDirection;
}

export type FolderChoices = Readonly<Record<string, FolderChoice>>;

export function defaultChoice(folderId: string, kind: ItemKind): FolderChoice {
  return { folderId, kind, enabled: false, datastore: DEFAULT_DATASTORE[kind], direction: 'two-way' };
}

const KINDS: readonly ItemKind[] = ['contact', 'event', 'task'];

/** Reads stored choices; entries that don't have the right shape are dropped, not trusted. */
export function parseFolderChoices(value: unknown): FolderChoices {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, FolderChoice> = {};
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const c = raw as Partial<FolderChoice>;
    if (typeof c.enabled !== 'boolean' || !KINDS.includes(c.kind as ItemKind)) continue;
    const datastore =
      typeof c.datastore === 'string' && c.datastore.trim()
        ? c.datastore.trim()
        : DEFAULT_DATASTORE[c.kind as ItemKind];
    const direction = DIRECTIONS.includes(c.direction as SyncDirection)
      ? (c.direction as SyncDirection)
      : 'two-way';
    out[id] = { folderId: id, kind: c.kind as ItemKind, enabled: c.enabled, datastore, direction };
  }
  return out;
}

/** A datastore name as SyncML LocURIs allow: no spaces, no slashes at the ends, ≤ 64 characters. */
export function datastoreNameProblem(name: string): 'EMPTY' | 'INVALID' | undefined {
  const t = name.trim();
  if (!t) return 'EMPTY';
  if (t.length > 64 || /\s/.test(t) || /^[./]|\/$/.test(t)) return 'INVALID';
  return undefined;
}

export function withChoice(choices: FolderChoices, choice: FolderChoice): FolderChoices {
  return { ...choices, [choice.folderId]: choice };
}

/** The enabled pairs in the order sync should run them: contacts, calendars, tasks. */
export function enabledPairs(choices: FolderChoices, policy: ConflictPolicyName): FolderPairSettings[] {
  return Object.values(choices)
    .filter((c) => c.enabled)
    .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind))
    .map((c) => ({
      folderId: outlookFolderId(c.folderId),
      kind: c.kind,
      datastore: c.datastore,
      direction: c.direction,
      policy,
    }));
}
