/** Per-device state of the sandbox CRM: MD5 nonces, DevInf, anchors and cursors, LUID↔GUID maps, conflict copies. */
import type { Datastore } from '../datastores.js';
import { CrmDatabase } from './database.js';

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

export class DeviceStateStore extends CrmDatabase {
  getNonce(deviceId: string): string | undefined {
    const row = this.sql('SELECT nonce_b64 FROM devices WHERE device_id = ?').get(deviceId) as
      { nonce_b64: string } | undefined;
    return row?.nonce_b64;
  }

  setNonce(deviceId: string, nonceB64: string): void {
    const at = this.timestamp();
    this.sql(
      `INSERT INTO devices (device_id, nonce_b64, first_seen, last_seen) VALUES (?, ?, ?, ?)
         ON CONFLICT(device_id) DO UPDATE SET nonce_b64 = excluded.nonce_b64, last_seen = excluded.last_seen`,
    ).run(deviceId, nonceB64, at, at);
  }

  setDevInf(deviceId: string, devinfXml: string): void {
    this.setNonce(deviceId, this.getNonce(deviceId) ?? '');
    this.sql('UPDATE devices SET devinf = ? WHERE device_id = ?').run(devinfXml, deviceId);
  }

  listDevices(): { deviceId: string; lastSeen: string }[] {
    const rows = this.sql('SELECT device_id, last_seen FROM devices ORDER BY device_id').all() as {
      device_id: string;
      last_seen: string;
    }[];
    return rows.map((r) => ({ deviceId: r.device_id, lastSeen: r.last_seen }));
  }

  getAnchor(deviceId: string, datastore: Datastore): DeviceAnchor | undefined {
    const row = this.sql(
      'SELECT client_anchor, server_anchor, synced_rev FROM anchors WHERE device_id = ? AND datastore = ?',
    ).get(deviceId, datastore) as
      { client_anchor: string; server_anchor: string; synced_rev: number } | undefined;
    return row === undefined
      ? undefined
      : { clientAnchor: row.client_anchor, serverAnchor: row.server_anchor, syncedRev: row.synced_rev };
  }

  setAnchor(deviceId: string, datastore: Datastore, anchor: DeviceAnchor): void {
    this.sql(
      `INSERT INTO anchors (device_id, datastore, client_anchor, server_anchor, synced_rev) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(device_id, datastore) DO UPDATE SET client_anchor = excluded.client_anchor,
           server_anchor = excluded.server_anchor, synced_rev = excluded.synced_rev`,
    ).run(deviceId, datastore, anchor.clientAnchor, anchor.serverAnchor, anchor.syncedRev);
  }

  deleteAnchor(deviceId: string, datastore: Datastore): void {
    this.sql('DELETE FROM anchors WHERE device_id = ? AND datastore = ?').run(deviceId, datastore);
  }

  guidForLuid(deviceId: string, datastore: Datastore, luid: string): string | undefined {
    const row = this.sql('SELECT guid FROM maps WHERE device_id = ? AND datastore = ? AND luid = ?').get(
      deviceId,
      datastore,
      luid,
    ) as { guid: string } | undefined;
    return row?.guid;
  }

  luidForGuid(deviceId: string, datastore: Datastore, guid: string): string | undefined {
    const row = this.sql('SELECT luid FROM maps WHERE device_id = ? AND datastore = ? AND guid = ?').get(
      deviceId,
      datastore,
      guid,
    ) as { luid: string } | undefined;
    return row?.luid;
  }

  /** Maps a LUID to a GUID, replacing any older pairing of either side. */
  setMap(deviceId: string, datastore: Datastore, luid: string, guid: string): void {
    this.sql('DELETE FROM maps WHERE device_id = ? AND datastore = ? AND (luid = ? OR guid = ?)').run(
      deviceId,
      datastore,
      luid,
      guid,
    );
    this.sql('INSERT INTO maps (device_id, datastore, luid, guid) VALUES (?, ?, ?, ?)').run(
      deviceId,
      datastore,
      luid,
      guid,
    );
  }

  deleteMapByGuid(deviceId: string, datastore: Datastore, guid: string): void {
    this.sql('DELETE FROM maps WHERE device_id = ? AND datastore = ? AND guid = ?').run(
      deviceId,
      datastore,
      guid,
    );
  }

  clearMaps(deviceId: string, datastore: Datastore): void {
    this.sql('DELETE FROM maps WHERE device_id = ? AND datastore = ?').run(deviceId, datastore);
  }

  countMaps(deviceId: string, datastore: Datastore): number {
    const row = this.sql('SELECT COUNT(*) AS n FROM maps WHERE device_id = ? AND datastore = ?').get(
      deviceId,
      datastore,
    ) as { n: number };
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
    this.sql(
      'INSERT INTO conflicts (datastore, guid, device_id, content, content_type, at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(datastore, guid, deviceId, content, contentType, this.timestamp());
  }

  listConflictCopies(datastore: Datastore): ConflictCopy[] {
    const rows = this.sql('SELECT * FROM conflicts WHERE datastore = ? ORDER BY id').all(datastore) as {
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
