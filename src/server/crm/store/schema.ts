/**
 * The sandbox CRM's SQLite schema. One database file per CRM data folder.
 *
 * - records: the CRM's items, stored in one canonical format per datastore (vCard 3.0,
 *   iCalendar 2.0). A deletion keeps a tombstone so devices can be told about it.
 * - `rev` is the change-log sequence of the record's last change and `origin` who made it
 *   ('web', 'seed' or a SyncML device id): a device gets every record with a rev above its
 *   synced cursor, except the ones it changed itself (no echoes).
 * - devices: per-device MD5 nonce (kept across sessions, like SyncEvolution) and last DevInf.
 * - anchors: per device and datastore, the client's Next of the last completed session, our
 *   own anchor and the change-log cursor the device has been brought up to.
 * - maps: client LUID ↔ our GUID, per device and datastore.
 * - conflicts: the client's losing version of a conflict, kept for a person to look at.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
  datastore TEXT NOT NULL,
  guid TEXT NOT NULL,
  content TEXT NOT NULL,
  content_type TEXT NOT NULL,
  modified TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  rev INTEGER NOT NULL,
  origin TEXT NOT NULL,
  PRIMARY KEY (datastore, guid)
);
CREATE INDEX IF NOT EXISTS records_rev ON records (datastore, rev);
CREATE TABLE IF NOT EXISTS change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  datastore TEXT NOT NULL,
  guid TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('add', 'replace', 'delete')),
  origin TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY,
  nonce_b64 TEXT NOT NULL,
  devinf TEXT,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS anchors (
  device_id TEXT NOT NULL,
  datastore TEXT NOT NULL,
  client_anchor TEXT NOT NULL,
  server_anchor TEXT NOT NULL,
  synced_rev INTEGER NOT NULL,
  PRIMARY KEY (device_id, datastore)
);
CREATE TABLE IF NOT EXISTS maps (
  device_id TEXT NOT NULL,
  datastore TEXT NOT NULL,
  luid TEXT NOT NULL,
  guid TEXT NOT NULL,
  PRIMARY KEY (device_id, datastore, luid)
);
CREATE UNIQUE INDEX IF NOT EXISTS maps_by_guid ON maps (device_id, datastore, guid);
CREATE TABLE IF NOT EXISTS conflicts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  datastore TEXT NOT NULL,
  guid TEXT NOT NULL,
  device_id TEXT NOT NULL,
  content TEXT NOT NULL,
  content_type TEXT NOT NULL,
  at TEXT NOT NULL
);
`;
