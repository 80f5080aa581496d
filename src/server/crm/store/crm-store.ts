/**
 * The sandbox CRM's storage: SQLite through better-sqlite3 (synchronous, so one request's work
 * can never interleave with another's; `transaction` makes a message's effects all-or-nothing).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CrmError } from '../errors.js';
import { DATASTORE_FORMATS, type Datastore } from '../datastores.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

export interface CrmRecord {
  readonly datastore: Datastore;
  readonly guid: string;
  readonly content: string;
  readonly contentType: string;
  readonly modified: string;
  readonly deleted: boolean;
  readonly rev: number;
  readonly origin: string;
}

export interface DeviceAnchor {
  readonly clientAnchor: string;
  readonly serverAnchor: string;
  readonly syncedRev: number;
}

export interface ConflictCopy {
  readonly id: number;
  readonly datastore: Datastore;
  readonly guid: string;
  readonly deviceId: string;
  readonly content: string;
  readonly contentType: string;
  readonly at: string;
}

interface RecordRow {
  datastore: Datastore;
  guid: string;
  content: string;
  content_type: string;
  modified: string;
  deleted: number;
  rev: number;
  origin: string;
}

const toRecord = (r: RecordRow): CrmRecord => ({
  datastore: r.datastore,
  guid: r.guid,
  content: r.content,
  contentType: r.content_type,
  modified: r.modified,
  deleted: r.deleted === 1,
  rev: r.rev,
  origin: r.origin,
});

export interface CrmStoreOptions {
  /** Folder for `crm.sqlite`; created when missing. Omit for an in-memory store (tests). */
  readonly dataDir?: string;
  /** Clock, injectable for tests. */
  readonly now?: () => Date;
}

export class CrmStore {
  private readonly db: Database.Database;
  private readonly now: () => Date;

  constructor(options: CrmStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
    const file = options.dataDir === undefined ? ':memory:' : join(options.dataDir, 'crm.sqlite');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA_SQL);
    this.db
      .prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)')
      .run('schema', String(SCHEMA_VERSION));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` in one SQLite transaction: a throw rolls back everything it wrote. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  // ---- records -------------------------------------------------------------------------------

  listRecords(datastore: Datastore, options: { includeDeleted?: boolean } = {}): CrmRecord[] {
    const sql = options.includeDeleted
      ? 'SELECT * FROM records WHERE datastore = ? ORDER BY guid'
      : 'SELECT * FROM records WHERE datastore = ? AND deleted = 0 ORDER BY guid';
    return (this.db.prepare(sql).all(datastore) as RecordRow[]).map(toRecord);
  }

  getRecord(datastore: Datastore, guid: string): CrmRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM records WHERE datastore = ? AND guid = ?')
      .get(datastore, guid) as RecordRow | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /** A live (not deleted) record, or RECORD_NOT_FOUND. */
  requireRecord(datastore: Datastore, guid: string): CrmRecord {
    const record = this.getRecord(datastore, guid);
    if (record === undefined || record.deleted) {
      throw new CrmError('RECORD_NOT_FOUND', `no record ${guid} in ${datastore}`, { datastore, guid });
    }
    return record;
  }

  private logChange(
    datastore: Datastore,
    guid: string,
    op: 'add' | 'replace' | 'delete',
    origin: string,
  ): number {
    const info = this.db
      .prepare('INSERT INTO change_log (datastore, guid, op, origin, at) VALUES (?, ?, ?, ?, ?)')
      .run(datastore, guid, op, origin, this.timestamp());
    return Number(info.lastInsertRowid);
  }

  private nextGuid(datastore: Datastore): string {
    const key = `guid-counter:${datastore}`;
    const next = Number(this.getMeta(key) ?? '1000') + 1;
    this.setMeta(key, String(next));
    return `${DATASTORE_FORMATS[datastore].guidPrefix}${next}`;
  }

  /** Creates a record; `guid` only for imports and tests that need a given id (must be unused). */
  createRecord(
    datastore: Datastore,
    content: string,
    contentType: string,
    origin: string,
    guid?: string,
  ): CrmRecord {
    if (guid !== undefined && !/^[A-Za-z0-9._@-]{1,64}$/.test(guid)) {
      throw new CrmError('INVALID_RECORD', 'a GUID is 1-64 letters, digits or ._@-', { datastore, guid });
    }
    return this.transaction(() => {
      const existing = guid === undefined ? undefined : this.getRecord(datastore, guid);
      if (existing !== undefined && !existing.deleted) {
        throw new CrmError('INVALID_RECORD', `GUID ${guid} is taken`, { datastore, guid: existing.guid });
      }
      if (existing !== undefined) {
        // a deleted id used again: a new record for every device, so no device keeps a map to it
        this.db.prepare('DELETE FROM records WHERE datastore = ? AND guid = ?').run(datastore, existing.guid);
        this.db.prepare('DELETE FROM maps WHERE datastore = ? AND guid = ?').run(datastore, existing.guid);
      }
      guid ??= this.nextGuid(datastore);
      const rev = this.logChange(datastore, guid, 'add', origin);
      this.db
        .prepare(
          'INSERT INTO records (datastore, guid, content, content_type, modified, deleted, rev, origin) VALUES (?, ?, ?, ?, ?, 0, ?, ?)',
        )
        .run(datastore, guid, content, contentType, this.timestamp(), rev, origin);
      return this.requireRecord(datastore, guid);
    });
  }

  updateRecord(
    datastore: Datastore,
    guid: string,
    content: string,
    contentType: string,
    origin: string,
  ): CrmRecord {
    return this.transaction(() => {
      this.requireRecord(datastore, guid);
      const rev = this.logChange(datastore, guid, 'replace', origin);
      this.db
        .prepare(
          'UPDATE records SET content = ?, content_type = ?, modified = ?, rev = ?, origin = ? WHERE datastore = ? AND guid = ?',
        )
        .run(content, contentType, this.timestamp(), rev, origin, datastore, guid);
      return this.requireRecord(datastore, guid);
    });
  }

  /** Marks a record deleted (a tombstone stays for the devices). False when there was none. */
  deleteRecord(datastore: Datastore, guid: string, origin: string): boolean {
    return this.transaction(() => {
      const record = this.getRecord(datastore, guid);
      if (record === undefined || record.deleted) return false;
      const rev = this.logChange(datastore, guid, 'delete', origin);
      this.db
        .prepare(
          'UPDATE records SET deleted = 1, modified = ?, rev = ?, origin = ? WHERE datastore = ? AND guid = ?',
        )
        .run(this.timestamp(), rev, origin, datastore, guid);
      return true;
    });
  }

  /** Records (tombstones included) changed after `sinceRev` by anyone but `deviceId`. */
  changesFor(deviceId: string, datastore: Datastore, sinceRev: number): CrmRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM records WHERE datastore = ? AND rev > ? AND origin <> ? ORDER BY rev')
      .all(datastore, sinceRev, deviceId) as RecordRow[];
    return rows.map(toRecord);
  }

  currentRev(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM change_log').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  // ---- devices, anchors, maps ----------------------------------------------------------------

  getNonce(deviceId: string): string | undefined {
    const row = this.db.prepare('SELECT nonce_b64 FROM devices WHERE device_id = ?').get(deviceId) as
      { nonce_b64: string } | undefined;
    return row?.nonce_b64;
  }

  setNonce(deviceId: string, nonceB64: string): void {
    const at = this.timestamp();
    this.db
      .prepare(
        `INSERT INTO devices (device_id, nonce_b64, first_seen, last_seen) VALUES (?, ?, ?, ?)
         ON CONFLICT(device_id) DO UPDATE SET nonce_b64 = excluded.nonce_b64, last_seen = excluded.last_seen`,
      )
      .run(deviceId, nonceB64, at, at);
  }

  setDevInf(deviceId: string, devinfXml: string): void {
    this.setNonce(deviceId, this.getNonce(deviceId) ?? '');
    this.db.prepare('UPDATE devices SET devinf = ? WHERE device_id = ?').run(devinfXml, deviceId);
  }

  listDevices(): { deviceId: string; lastSeen: string }[] {
    const rows = this.db.prepare('SELECT device_id, last_seen FROM devices ORDER BY device_id').all() as {
      device_id: string;
      last_seen: string;
    }[];
    return rows.map((r) => ({ deviceId: r.device_id, lastSeen: r.last_seen }));
  }

  getAnchor(deviceId: string, datastore: Datastore): DeviceAnchor | undefined {
    const row = this.db
      .prepare(
        'SELECT client_anchor, server_anchor, synced_rev FROM anchors WHERE device_id = ? AND datastore = ?',
      )
      .get(deviceId, datastore) as
      { client_anchor: string; server_anchor: string; synced_rev: number } | undefined;
    return row === undefined
      ? undefined
      : { clientAnchor: row.client_anchor, serverAnchor: row.server_anchor, syncedRev: row.synced_rev };
  }

  setAnchor(deviceId: string, datastore: Datastore, anchor: DeviceAnchor): void {
    this.db
      .prepare(
        `INSERT INTO anchors (device_id, datastore, client_anchor, server_anchor, synced_rev) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(device_id, datastore) DO UPDATE SET client_anchor = excluded.client_anchor,
           server_anchor = excluded.server_anchor, synced_rev = excluded.synced_rev`,
      )
      .run(deviceId, datastore, anchor.clientAnchor, anchor.serverAnchor, anchor.syncedRev);
  }

  deleteAnchor(deviceId: string, datastore: Datastore): void {
    this.db.prepare('DELETE FROM anchors WHERE device_id = ? AND datastore = ?').run(deviceId, datastore);
  }

  guidForLuid(deviceId: string, datastore: Datastore, luid: string): string | undefined {
    const row = this.db
      .prepare('SELECT guid FROM maps WHERE device_id = ? AND datastore = ? AND luid = ?')
      .get(deviceId, datastore, luid) as { guid: string } | undefined;
    return row?.guid;
  }

  luidForGuid(deviceId: string, datastore: Datastore, guid: string): string | undefined {
    const row = this.db
      .prepare('SELECT luid FROM maps WHERE device_id = ? AND datastore = ? AND guid = ?')
      .get(deviceId, datastore, guid) as { luid: string } | undefined;
    return row?.luid;
  }

  /** Maps a LUID to a GUID, replacing any older pairing of either side. */
  setMap(deviceId: string, datastore: Datastore, luid: string, guid: string): void {
    this.db
      .prepare('DELETE FROM maps WHERE device_id = ? AND datastore = ? AND (luid = ? OR guid = ?)')
      .run(deviceId, datastore, luid, guid);
    this.db
      .prepare('INSERT INTO maps (device_id, datastore, luid, guid) VALUES (?, ?, ?, ?)')
      .run(deviceId, datastore, luid, guid);
  }

  deleteMapByGuid(deviceId: string, datastore: Datastore, guid: string): void {
    this.db
      .prepare('DELETE FROM maps WHERE device_id = ? AND datastore = ? AND guid = ?')
      .run(deviceId, datastore, guid);
  }

  clearMaps(deviceId: string, datastore: Datastore): void {
    this.db.prepare('DELETE FROM maps WHERE device_id = ? AND datastore = ?').run(deviceId, datastore);
  }

  countMaps(deviceId: string, datastore: Datastore): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM maps WHERE device_id = ? AND datastore = ?')
      .get(deviceId, datastore) as { n: number };
    return row.n;
  }

  // ---- conflict copies -----------------------------------------------------------------------

  addConflictCopy(
    datastore: Datastore,
    guid: string,
    deviceId: string,
    content: string,
    contentType: string,
  ): void {
    this.db
      .prepare(
        'INSERT INTO conflicts (datastore, guid, device_id, content, content_type, at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(datastore, guid, deviceId, content, contentType, this.timestamp());
  }

  listConflictCopies(datastore: Datastore): ConflictCopy[] {
    const rows = this.db
      .prepare('SELECT * FROM conflicts WHERE datastore = ? ORDER BY id')
      .all(datastore) as {
      id: number;
      datastore: Datastore;
      guid: string;
      device_id: string;
      content: string;
      content_type: string;
      at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      datastore: r.datastore,
      guid: r.guid,
      deviceId: r.device_id,
      content: r.content,
      contentType: r.content_type,
      at: r.at,
    }));
  }
}
