/**
 * checkDuplicates: the duplicate check before a folder's first sync (DESIGN.md §5). Reads the CRM datastore
 * through a preview session — a slow sync that sends nothing of ours and ends before any status, so nothing
 * is acknowledged and no anchor moves on either side — and the Outlook folder, then matches both lists
 * (blocking keys, scores with named reasons, one-to-one) and the folder against itself.
 */
import {
  contactMatcher,
  eventMatcher,
  matchLists,
  matchWithin,
  taskMatcher,
  type CountryCode,
  type MatchPair,
  type Matcher,
} from '../../core/dedupe/index.js';
import type { ItemKind, OutlookFolderId, OutlookItemId, SyncItem } from '../../core/model/index.js';
import { itemDisplayName, type StoredItem } from '../../core/sync/index.js';
import { SyncMLError, type ServerChange } from '../../core/syncml/index.js';
import { DEFAULT_WIRE } from '../sync/ports.js';
import { DedupeError } from './errors.js';
import type { DedupePorts } from './ports.js';

export interface CheckProgress {
  readonly phase: 'outlook' | 'crm' | 'matching' | 'done';
  readonly outlookItems?: number;
  readonly crmItems?: number;
}

export interface DuplicateCheckRequest {
  readonly folder: OutlookFolderId;
  readonly kind: ItemKind;
  readonly datastore: string;
  /** The mailbox's country: phone numbers without a prefix are read as numbers of this country. */
  readonly country: CountryCode;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CheckProgress) => void;
}

export interface OutlookSide {
  readonly id: OutlookItemId;
  readonly name: string;
  readonly item: SyncItem;
}

export interface CrmSide {
  /** The CRM record's GUID, as the preview session saw it. */
  readonly guid: string;
  readonly name: string;
  readonly item: SyncItem;
}

/** A match (indexes into the Outlook and CRM lists, so the core's review works on it) with both sides. */
export interface DuplicatePair extends MatchPair<string> {
  readonly score: number;
  /** Named reasons ("email", "mobile", "name-company", "subject-start", …); see the texts table. */
  readonly reasons: readonly string[];
  readonly outlook: OutlookSide;
  readonly crm: CrmSide;
}

export interface WithinOutlookPair {
  readonly score: number;
  readonly reasons: readonly string[];
  readonly first: OutlookSide;
  readonly second: OutlookSide;
}

export interface DuplicateCheck {
  readonly folder: OutlookFolderId;
  readonly kind: ItemKind;
  readonly datastore: string;
  readonly country: CountryCode;
  /** True when the folder has synced before: the check is informative, linking is refused. */
  readonly synced: boolean;
  readonly outlookItems: number;
  readonly crmItems: number;
  /** CRM records the preview could not read into the model (not matched; they sync as usual). */
  readonly crmUnreadable: number;
  /** Best pairs first. */
  readonly pairs: readonly DuplicatePair[];
  readonly withinOutlook: readonly WithinOutlookPair[];
  /** Every item of the Outlook folder (the wizard offers them for moving into a new folder). */
  readonly outlook: readonly OutlookSide[];
}

export function matcherFor(kind: ItemKind, country: CountryCode): Matcher<SyncItem, unknown, string> {
  const matcher =
    kind === 'contact' ? contactMatcher(country) : kind === 'event' ? eventMatcher : taskMatcher;
  // Each matcher is typed for its own kind; the lists handed to it hold only that kind.
  return matcher as unknown as Matcher<SyncItem, unknown, string>;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DedupeError('ABORTED', 'the duplicate check was cancelled');
}

/** Every CRM record of the datastore, through a session that acknowledges nothing. */
export async function readCrmRecords(
  ports: Pick<DedupePorts, 'runSession' | 'codec' | 'wire'>,
  kind: ItemKind,
  datastore: string,
  signal?: AbortSignal,
): Promise<{ records: CrmSide[]; unreadable: number }> {
  const wire = ports.wire?.[kind] ?? DEFAULT_WIRE[kind];
  const received: ServerChange[] = [];
  try {
    await ports.runSession({
      datastores: [
        {
          localUri: wire.localUri,
          remoteUri: datastore,
          contentType: wire.contentType,
          mode: 'slow',
          // Never committed: the session ends before any status, so no anchor moves on either side.
          nextAnchor: new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z'),
          changes: [],
          loadAllItems: async () => [],
        },
      ],
      onServerChanges: async (_store, changes) => {
        received.push(...changes);
        return 'abort';
      },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (!(error instanceof SyncMLError && error.code === 'ABORTED_BY_HOOK')) throw error;
  }
  const records: CrmSide[] = [];
  let unreadable = 0;
  for (const change of received) {
    const guid = change.guid ?? change.luid;
    const parsed =
      change.data !== undefined ? ports.codec.decode(change.data, kind, wire.contentType) : undefined;
    if (change.op === 'delete' || !guid || !parsed?.ok) unreadable++;
    else records.push({ guid, name: itemDisplayName(parsed.value), item: parsed.value });
  }
  return { records, unreadable };
}

export async function checkDuplicates(
  ports: DedupePorts,
  request: DuplicateCheckRequest,
): Promise<DuplicateCheck> {
  const { folder, kind, datastore, country, signal, onProgress } = request;
  const store = ports.outlook[kind];
  if (!store) throw new DedupeError('NO_OUTLOOK_STORE', `no Outlook store for ${kind}`, { kind });
  const synced = (await ports.stateStore.load(folder))?.checkpoint.lastAnchor !== undefined;
  onProgress?.({ phase: 'outlook' });
  const stored: readonly StoredItem[] = await store.readAll(folder, signal);
  throwIfAborted(signal);
  const outlook: OutlookSide[] = stored.map((s) => ({
    id: s.id,
    name: itemDisplayName(s.item),
    item: s.item,
  }));
  onProgress?.({ phase: 'crm', outlookItems: outlook.length });
  const crm = await readCrmRecords(ports, kind, datastore, signal);
  throwIfAborted(signal);
  onProgress?.({ phase: 'matching', outlookItems: outlook.length, crmItems: crm.records.length });
  const matcher = matcherFor(kind, country);
  const outlookItems = outlook.map((o) => o.item);
  const { pairs } = matchLists(
    outlookItems,
    crm.records.map((c) => c.item),
    matcher,
  );
  const within = matchWithin(outlookItems, matcher);
  onProgress?.({ phase: 'done', outlookItems: outlook.length, crmItems: crm.records.length });
  return {
    folder,
    kind,
    datastore,
    country,
    synced,
    outlookItems: outlook.length,
    crmItems: crm.records.length,
    crmUnreadable: crm.unreadable,
    pairs: pairs
      .map((p) => ({
        ...p,
        outlook: outlook[p.left]!,
        crm: crm.records[p.right]!,
      }))
      .sort((a, b) => b.score - a.score),
    outlook,
    withinOutlook: within.map((p) => ({
      score: p.score,
      reasons: p.reasons,
      first: outlook[p.left]!,
      second: outlook[p.right]!,
    })),
  };
}
