/**
 * A tiny in-memory stand-in for a SyncML server behind `runSyncSession`, for the use-case tests. It behaves like
 * one where it matters to the engine: it applies our changes at once, keeps a LUID ↔ GUID map, delivers its own
 * changes until they are acknowledged, decides conflicts server-wins (419), matches identical items in a slow
 * sync, demands a slow sync when anchors disagree, and on 'abort' keeps our changes but forgets their maps (the
 * trap observed with SyncEvolution, reference/syncml.md §3.4).
 */
import { SyncMLError } from '../../../src/core/syncml/errors.js';
import type { SyncDatastore } from '../../../src/core/syncml/run.js';
import type { ClientChange, OurChangeResult, ServerChange } from '../../../src/core/syncml/session/types.js';
import type { RunSession } from '../../../src/app/sync/index.js';

type Pending = 'add' | 'replace' | 'delete';

export class FakeCrmServer {
  readonly items = new Map<string, string>();
  /** LUID → GUID. */
  readonly maps = new Map<string, string>();
  private readonly pending = new Map<string, Pending>();
  /** GUID → LUID of items deleted in the CRM, to name them in the Delete. */
  private readonly deletedLuids = new Map<string, string>();
  private anchor: string | undefined;
  private nextGuid = 1;
  sessions = 0;
  /** Fault: the next session answers 508 (refresh required) and runs as slow sync. */
  demandSlowSync = false;
  /** Fault: the connection breaks right after our changes were applied (before package 4). */
  cutAfterClientChanges = false;
  /** Fault: our changes whose data matches are refused with 500. */
  rejectData: ((data: string) => boolean) | undefined;
  /** Status for our Replace of an item the CRM changed too: 419, or 200 like libsynthesis (it keeps its own). */
  conflictStatus: 200 | 419 = 419;

  // --- acting as the CRM user ---
  create(data: string): string {
    const guid = `g${this.nextGuid++}`;
    this.items.set(guid, data);
    this.pending.set(guid, 'add');
    return guid;
  }
  update(guid: string, data: string): void {
    this.items.set(guid, data);
    if (this.pending.get(guid) !== 'add') this.pending.set(guid, 'replace');
  }
  delete(guid: string): void {
    this.items.delete(guid);
    const luid = this.luidOf(guid);
    if (luid) {
      this.deletedLuids.set(guid, luid);
      this.pending.set(guid, 'delete');
    } else this.pending.delete(guid);
  }
  deleteAll(): void {
    for (const guid of [...this.items.keys()]) this.delete(guid);
  }
  guidOf(luid: string): string | undefined {
    return this.maps.get(luid);
  }

  readonly runSession: RunSession = async ({ datastores, onServerChanges, signal }) => {
    this.sessions++;
    const ds = datastores[0]!;
    if (signal?.aborted) throw new SyncMLError('CANCELLED', 'cancelled');
    const slow = ds.mode === 'slow' || ds.lastAnchor !== this.anchor || this.demandSlowSync;
    this.demandSlowSync = false;
    let changes = ds.changes;
    if (slow && ds.mode !== 'slow') changes = (await ds.loadAllItems?.()) ?? [];
    if (signal?.aborted) throw new SyncMLError('CANCELLED', 'cancelled');
    const mode = slow ? 'slow' : ds.mode;
    const newMaps: string[] = [];
    const touched = new Set<string>();
    const ourChanges = changes.map((c) => this.applyClientChange(c, slow, newMaps, touched));
    if (this.cutAfterClientChanges) {
      this.cutAfterClientChanges = false;
      this.forget(newMaps);
      throw new SyncMLError('UNREACHABLE', 'connection cut');
    }
    const serverChanges = mode === 'one-way-from-client' ? [] : this.serverChanges(slow, touched);
    const decision = await onServerChanges(ds as SyncDatastore, serverChanges);
    if (decision === 'abort') {
      this.forget(newMaps);
      throw new SyncMLError('ABORTED_BY_HOOK', 'aborted by the caller');
    }
    if (signal?.aborted) {
      this.forget(newMaps);
      throw new SyncMLError('CANCELLED', 'cancelled');
    }
    serverChanges.forEach((change, i) => this.acknowledge(change, decision.outcomes[i]));
    this.anchor = ds.nextAnchor;
    return {
      datastores: [
        {
          localUri: ds.localUri,
          mode,
          nextAnchor: ds.nextAnchor,
          ourChanges,
          serverChangesApplied: serverChanges.length,
          serverChangesReceived: serverChanges.length,
        },
      ],
    };
  };

  private luidOf(guid: string): string | undefined {
    for (const [luid, g] of this.maps) if (g === guid) return luid;
    return undefined;
  }

  /** An unfinished session keeps its anchor (reference/syncml.md §3.4) but, here, loses the new maps. */
  private forget(newMaps: readonly string[]): void {
    for (const luid of newMaps) this.maps.delete(luid);
  }

  private applyClientChange(
    c: ClientChange,
    slow: boolean,
    newMaps: string[],
    touched: Set<string>,
  ): OurChangeResult {
    const result = (status: number): OurChangeResult => ({
      luid: c.luid,
      op: c.op,
      status,
      ok: status < 300,
    });
    const guid = this.maps.get(c.luid);
    if (c.data !== undefined && this.rejectData?.(c.data)) return result(500);
    if (c.op === 'delete') {
      if (!guid || !this.items.has(guid)) return result(211);
      this.items.delete(guid);
      this.maps.delete(c.luid);
      this.pending.delete(guid);
      return result(200);
    }
    if (guid && this.items.has(guid)) {
      touched.add(guid);
      if (this.pending.get(guid) === 'replace') return result(this.conflictStatus); // server wins, its version follows
      this.items.set(guid, c.data!);
      return result(200);
    }
    if (guid && c.op === 'replace') {
      // Our edit of an item the CRM deleted meanwhile: the edit wins (libsynthesis without deletewins), the
      // item comes back under its old id and the pending deletion is dropped.
      this.items.set(guid, c.data!);
      this.pending.delete(guid);
      this.deletedLuids.delete(guid);
      touched.add(guid);
      return result(201);
    }
    if (slow) {
      // Like libsynthesis and the sandbox CRM: any item not yet paired in this session may be the twin.
      // First the same content, then the same name (Synthesis pairs contacts by N/FN in a slow sync).
      const untouched = [...this.items].filter(([g]) => !touched.has(g));
      const twin =
        untouched.find(([, data]) => data === c.data) ??
        untouched.find(([, data]) => nameOf(data) !== undefined && nameOf(data) === nameOf(c.data!));
      if (twin) {
        const stale = this.luidOf(twin[0]);
        if (stale) this.maps.delete(stale);
        this.maps.set(c.luid, twin[0]);
        this.items.set(twin[0], c.data!); // paired by name: the client's version is kept
        newMaps.push(c.luid);
        touched.add(twin[0]);
        this.pending.delete(twin[0]);
        return result(200);
      }
    }
    const created = `g${this.nextGuid++}`;
    this.items.set(created, c.data!);
    this.maps.set(c.luid, created);
    newMaps.push(c.luid);
    touched.add(created);
    return result(201);
  }

  private serverChanges(slow: boolean, touched: ReadonlySet<string>): ServerChange[] {
    const out: ServerChange[] = [];
    const guids = slow
      ? new Set([...this.items.keys(), ...this.pending.keys()])
      : new Set(this.pending.keys());
    for (const guid of guids) {
      const kind = this.pending.get(guid);
      if (touched.has(guid) && kind !== 'replace') continue;
      if (slow && kind === 'delete') {
        // A slow sync has no deletions: the client's full list is the truth, old LUIDs mean nothing.
        this.pending.delete(guid);
        this.deletedLuids.delete(guid);
        continue;
      }
      if (slow && !touched.has(guid)) {
        // A slow sync compares everything: what the client did not send, it does not have. Send it as new.
        const stale = this.luidOf(guid);
        if (stale) this.maps.delete(stale);
        out.push({ op: 'add', guid, data: this.items.get(guid) });
        continue;
      }
      const luid = this.luidOf(guid);
      if (kind === 'delete') out.push({ op: 'delete', luid: this.deletedLuids.get(guid) });
      else if (!luid) out.push({ op: 'add', guid, data: this.items.get(guid) });
      else if (kind) out.push({ op: 'replace', luid, guid, data: this.items.get(guid) });
    }
    return out;
  }

  private acknowledge(change: ServerChange, outcome: { status: number; luid?: string } | undefined): void {
    if (!outcome || outcome.status >= 300) return; // not applied: deliver again next time
    const guid =
      change.op === 'delete' ? [...this.deletedLuids].find(([, l]) => l === change.luid)?.[0] : change.guid;
    if (!guid) return;
    this.pending.delete(guid);
    if (change.op === 'delete') this.deletedLuids.delete(guid);
    if (change.op === 'add' && outcome.luid) this.maps.set(outcome.luid, guid);
  }
}

function nameOf(data: string): string | undefined {
  try {
    return (JSON.parse(data) as { displayName?: string }).displayName;
  } catch {
    return undefined;
  }
}
