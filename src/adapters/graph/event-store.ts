/**
 * Calendar events of one calendar through Graph (issue 6, reference §A1 "Calendar-view window").
 *
 * - Change tracking: the calendar's calendarView delta over a window (default −1 y … +2 y). It
 *   yields single items, occurrences and exceptions — never series masters — so occurrences collapse
 *   to their master, which is read separately; the master's instances in the window go with it to
 *   the codec (exceptions, and the gaps of cancelled occurrences).
 * - calendarView delta can't `$expand` our link properties: changed items are re-read in batches.
 * - A `@removed` from calendarView delta also comes for items changed *outside* the window, so each
 *   removal is checked against the calendar before it is reported.
 * - Writes never carry attendees, so Outlook never sends invitations (docs/decisions/0052).
 */
import type { CalendarEvent, Luid, OutlookFolderId } from '../../core/model/index.js';
import type {
  AbortSignalLike,
  ChangeSet,
  OutlookChange,
  OutlookCursor,
  StoredItem,
  WriteOp,
  WriteResult,
} from '../../core/sync/outlook-store.js';
import type { GraphClient } from './client.js';
import { applyOccurrenceChanges, type OccurrenceJob } from './event-occurrences.js';
import { linkFromExtendedProperties, linkPropertiesExpand, withLinkProperties } from './item-link.js';
import { byId, changeSet, GraphStore, removal, type GraphStoreOptions } from './store-base.js';
import {
  decodeItems,
  encode,
  query,
  readDeltaRound,
  readItems,
  type GraphCodec,
  type DeltaEntry,
  type GraphJson,
  type GraphWrite,
  type OpPlan,
} from './store-support.js';

const DAY_MS = 86_400_000;
/** Graph refuses calendar views longer than 1825 days. */
export const MAX_WINDOW_DAYS = 1825;
/** Read times in UTC and bodies as text, whatever the mailbox prefers. */
const EVENT_PREFER = ['outlook.timezone="UTC"', 'outlook.body-content-type="text"'];

export interface GraphEventStoreOptions extends GraphStoreOptions {
  /** The synced window around today. */
  readonly window?: { readonly pastDays: number; readonly futureDays: number };
  /** Wall-clock time the window is placed around (tests pin it). */
  readonly now?: () => number;
}

export class GraphEventStore extends GraphStore<CalendarEvent> {
  readonly kind = 'event' as const;
  // The base keeps the options; here they are known to carry the window as well.
  declare protected readonly options: GraphEventStoreOptions;

  constructor(client: GraphClient, codec: GraphCodec<CalendarEvent>, options: GraphEventStoreOptions = {}) {
    super(client, codec, options);
    const { pastDays, futureDays } = this.options.window ?? { pastDays: 365, futureDays: 730 };
    if (pastDays < 0 || futureDays < 0 || pastDays + futureDays > MAX_WINDOW_DAYS) {
      throw new RangeError(`calendar window must be 0…${MAX_WINDOW_DAYS} days in all`);
    }
  }

  protected async changesSince(
    folder: OutlookFolderId,
    cursor: OutlookCursor | undefined,
    s: AbortSignal | undefined,
  ): Promise<ChangeSet> {
    const opts = { prefer: EVENT_PREFER, ...(s ? { signal: s } : {}) };
    const initial = `/me/calendars/${encode(folder)}/calendarView/delta${query(this.window())}`;
    const round = await readDeltaRound(this.client, initial, cursor, opts);

    const { wanted, instancesByMaster, reportedRemoved } = groupRound(round.entries.values());

    const current = await this.readCurrent(folder, [...wanted, ...reportedRemoved], round.fullResync, s);
    const removed: OutlookChange[] = [];
    for (const id of reportedRemoved) {
      if (current.get(id) === 'gone') removed.push(removal(id));
    }
    const present: Array<{ id: string; json: GraphJson; related?: readonly GraphJson[] }> = [];
    for (const id of wanted) {
      const json = current.get(id);
      if (json === undefined || json === 'gone') {
        if (!round.fullResync && json === 'gone') removed.push(removal(id));
        continue;
      }
      present.push({ id, json });
    }
    await this.attachInstances(folder, present, round.fullResync ? instancesByMaster : undefined, s);
    return changeSet(round, decodeItems(this.codec, present, linkFromExtendedProperties), removed);
  }

  /** Everything in the window: a full delta round (the window's ids) and their current content. */
  async readAll(folder: OutlookFolderId, signal?: AbortSignalLike): Promise<readonly StoredItem[]> {
    const all = await this.readChanges(folder, undefined, signal);
    return all.changes.flatMap((c) =>
      c.item ? [{ id: c.id, item: c.item, ...(c.link ? { link: c.link } : {}) }] : [],
    );
  }

  findByLuid(folder: OutlookFolderId, luid: Luid, signal?: AbortSignalLike): Promise<StoredItem | undefined> {
    return this.call(signal, async (s) => {
      const present = await this.findLinked(base(folder), luid, this.expand(), {
        prefer: EVENT_PREFER,
        ...(s ? { signal: s } : {}),
      });
      await this.attachInstances(folder, present, undefined, s);
      return decodeItems(this.codec, present, linkFromExtendedProperties).items[0];
    });
  }

  protected async write(
    folder: OutlookFolderId,
    ops: readonly WriteOp[],
    s: AbortSignal | undefined,
  ): Promise<readonly WriteResult[]> {
    const writes = new Map<number, GraphWrite>();
    const results = await this.runOps(ops, (op, index) => this.plan(folder, op, index, writes), s);
    const jobs: OccurrenceJob[] = [];
    results.forEach((result, index) => {
      const occurrences = writes.get(index)?.occurrences ?? [];
      if (result.ok && occurrences.length > 0)
        jobs.push({ index, seriesId: result.id, changes: occurrences });
    });
    // A written series gets its exceptions even when the run is being cancelled: the item is written whole.
    const failures = await applyOccurrenceChanges(this.client, folder, jobs, undefined);
    for (const [index, error] of failures) {
      const written = results[index];
      // The series exists; say so, so the engine links it instead of creating it again.
      if (written?.ok) results[index] = { ok: false, op: written.op, error, id: written.id };
    }
    return results;
  }

  private plan(folder: OutlookFolderId, op: WriteOp, index: number, writes: Map<number, GraphWrite>): OpPlan {
    return this.planRequest(base(folder), op, (item, itemOp) => {
      const write = this.codec.toGraph(item);
      writes.set(index, write);
      // Attendees are data only: writing them makes Outlook send meeting requests.
      const { attendees: _attendees, ...graphEvent } = write.body;
      return withLinkProperties(
        itemOp.op === 'update' ? this.clearingAbsent(graphEvent) : graphEvent,
        itemOp.link,
      );
    });
  }

  /** PATCH keeps extended properties it isn't given: the mapping's absent ones are written empty. */
  private clearingAbsent(body: Record<string, unknown>): Record<string, unknown> {
    const given = Array.isArray(body.singleValueExtendedProperties)
      ? (body.singleValueExtendedProperties as Array<{ id: string; value: string }>)
      : [];
    const cleared = (this.codec.extendedPropertyIds ?? [])
      .filter((id) => !given.some((p) => p.id.toLowerCase() === id.toLowerCase()))
      .map((id) => ({ id, value: '' }));
    return cleared.length > 0 ? { ...body, singleValueExtendedProperties: [...given, ...cleared] } : body;
  }

  private expand(): string {
    return linkPropertiesExpand(this.codec.extendedPropertyIds);
  }

  /**
   * Current content of the given ids (masters, single items, reported removals): re-read in batches
   * when few; else one listing of the calendar's items (masters and single items).
   */
  private async readCurrent(
    folder: OutlookFolderId,
    ids: readonly string[],
    fullResync: boolean,
    signal?: AbortSignal,
  ): Promise<Map<string, GraphJson | 'gone'>> {
    const opts = { prefer: EVENT_PREFER, ...(signal ? { signal } : {}) };
    if (fullResync || this.listingIsCheaper(ids.length)) {
      const listing = byId(await this.listAll(base(folder), this.expand(), opts));
      return new Map(ids.map((id) => [id, listing.get(id) ?? 'gone']));
    }
    const urls = new Map(
      ids.map((id) => [id, `${base(folder)}/${encode(id)}${query({ $expand: this.expand() })}`]),
    );
    return readItems(this.client, urls, opts);
  }

  /** Gives each series master its instances in the window (from the round when it has them all). */
  private async attachInstances(
    folder: OutlookFolderId,
    present: Array<{ id: string; json: GraphJson; related?: readonly GraphJson[] }>,
    fromRound: ReadonlyMap<string, GraphJson[]> | undefined,
    signal?: AbortSignal,
  ): Promise<void> {
    const opts = { prefer: EVENT_PREFER, pageSize: 500, ...(signal ? { signal } : {}) };
    await Promise.all(
      present.map(async (entry) => {
        if (entry.json.type !== 'seriesMaster') return;
        if (fromRound) {
          entry.related = fromRound.get(entry.id) ?? [];
          return;
        }
        const url = `${base(folder)}/${encode(entry.id)}/instances${query(this.window())}`;
        entry.related = (await this.client.getAll<GraphJson>(url, opts)).items;
      }),
    );
  }

  private window(): { startDateTime: string; endDateTime: string } {
    const { pastDays, futureDays } = this.options.window ?? { pastDays: 365, futureDays: 730 };
    const today = Math.floor((this.options.now ?? Date.now)() / DAY_MS) * DAY_MS;
    return {
      startDateTime: new Date(today - pastDays * DAY_MS).toISOString(),
      endDateTime: new Date(today + futureDays * DAY_MS).toISOString(),
    };
  }
}

/** Which masters and single items changed, the instances the round brought by master, removals. */
function groupRound(entries: Iterable<DeltaEntry>) {
  const wanted = new Set<string>();
  const instancesByMaster = new Map<string, GraphJson[]>();
  const reportedRemoved: string[] = [];
  for (const entry of entries) {
    if (entry.removed) {
      reportedRemoved.push(entry.id);
      continue;
    }
    wanted.add(masterIdOf(entry.json));
    const master = entry.json.seriesMasterId;
    if (typeof master !== 'string') continue;
    const instances = instancesByMaster.get(master);
    if (instances) instances.push(entry.json);
    else instancesByMaster.set(master, [entry.json]);
  }
  return { wanted, instancesByMaster, reportedRemoved };
}

/** Occurrences and exceptions stand for their series master. */
function masterIdOf(json: GraphJson): string {
  const type = json.type;
  const master = json.seriesMasterId;
  return (type === 'occurrence' || type === 'exception') && typeof master === 'string'
    ? master
    : String(json.id);
}

const base = (folder: OutlookFolderId) => `/me/calendars/${encode(folder)}/events`;
