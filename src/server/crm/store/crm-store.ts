/**
 * The sandbox CRM's storage: SQLite through better-sqlite3 (synchronous, so one request's work
 * can never interleave with another's; `transaction` makes a message's effects all-or-nothing).
 */
import { CrmError } from '../errors.js';
import { DATASTORE_FORMATS, type Datastore } from '../datastores.js';
import { DeviceStateStore } from './device-state.js';

export type { CrmStoreOptions } from './database.js';
export type { ConflictCopy, DeviceAnchor } from './device-state.js';

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

export class CrmStore extends DeviceStateStore {
  // ---- records -------------------------------------------------------------------------------

  listRecords(datastore: Datastore, options: { includeDeleted?: boolean } = {}): CrmRecord[] {
    const sql = options.includeDeleted
      ? 'SELECT * FROM records WHERE datastore = ? ORDER BY guid'
      : 'SELECT * FROM records WHERE datastore = ? AND deleted = 0 ORDER BY guid';
    return (this.sql(sql).all(datastore) as RecordRow[]).map(toRecord);
  }

  getRecord(datastore: Datastore, guid: string): CrmRecord | undefined {
    const row = this.sql('SELECT * FROM records WHERE datastore = ? AND guid = ?').get(datastore, guid) as
      RecordRow | undefined;
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
    const info = this.sql(
      'INSERT INTO change_log (datastore, guid, op, origin, at) VALUES (?, ?, ?, ?, ?)',
    ).run(datastore, guid, op, origin, this.timestamp());
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
        this.sql('DELETE FROM records WHERE datastore = ? AND guid = ?').run(datastore, existing.guid);
        this.sql('DELETE FROM maps WHERE datastore = ? AND guid = ?').run(datastore, existing.guid);
      }
      guid ??= this.nextGuid(datastore);
      const rev = this.logChange(datastore, guid, 'add', origin);
      this.sql(
        'INSERT INTO records (datastore, guid, content, content_type, modified, deleted, rev, origin) VALUES (?, ?, ?, ?, ?, 0, ?, ?)',
      ).run(datastore, guid, content, contentType, this.timestamp(), rev, origin);
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
      this.sql(
        'UPDATE records SET content = ?, content_type = ?, modified = ?, rev = ?, origin = ? WHERE datastore = ? AND guid = ?',
      ).run(content, contentType, this.timestamp(), rev, origin, datastore, guid);
      return this.requireRecord(datastore, guid);
    });
  }

  /** Marks a record deleted (a tombstone stays for the devices). False when there was none. */
  deleteRecord(datastore: Datastore, guid: string, origin: string): boolean {
    return this.transaction(() => {
      const record = this.getRecord(datastore, guid);
      if (record === undefined || record.deleted) return false;
      const rev = this.logChange(datastore, guid, 'delete', origin);
      this.sql(
        'UPDATE records SET deleted = 1, modified = ?, rev = ?, origin = ? WHERE datastore = ? AND guid = ?',
      ).run(this.timestamp(), rev, origin, datastore, guid);
      return true;
    });
  }

  /** Records (tombstones included) changed after `sinceRev` by anyone but `deviceId`. */
  changesFor(deviceId: string, datastore: Datastore, sinceRev: number): CrmRecord[] {
    const rows = this.sql(
      'SELECT * FROM records WHERE datastore = ? AND rev > ? AND origin <> ? ORDER BY rev',
    ).all(datastore, sinceRev, deviceId) as RecordRow[];
    return rows.map(toRecord);
  }

  currentRev(): number {
    const row = this.sql('SELECT MAX(seq) AS seq FROM change_log').get() as { seq: number | null };
    return row.seq ?? 0;
  }
}
