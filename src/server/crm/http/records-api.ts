/**
 * JSON API of the CRM page (and of tests): `/api/records?datastore=…` to list and add,
 * `/api/records/<guid>?datastore=…` to read, change and delete, `/api/conflicts`, `/api/devices`.
 * Changes made here are CRM changes (origin 'web'): devices get them in their next sync.
 * Writes need `Content-Type: application/json`, so another web site can't post here blind.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFields, readFields, type RecordFields } from '../content/record-fields.js';
import { DATASTORE_FORMATS, DATASTORES, isDatastore, type Datastore } from '../datastores.js';
import { CrmError } from '../errors.js';
import type { CrmRecord, CrmStore } from '../store/crm-store.js';
import { BodyTooLargeError, mediaType, readBody, sendJson } from './http-util.js';

const JSON_LIMIT = 1_000_000;

function recordJson(record: CrmRecord) {
  return {
    datastore: record.datastore,
    guid: record.guid,
    contentType: record.contentType,
    modified: record.modified,
    origin: record.origin,
    fields: readFields(record.datastore, record.content),
    content: record.content,
  };
}

function sendError(res: ServerResponse, e: CrmError): void {
  const status = e.code === 'RECORD_NOT_FOUND' ? 404 : 400;
  sendJson(res, status, { error: { code: e.code, details: e.details } });
}

function datastoreParam(url: URL): Datastore {
  const name = url.searchParams.get('datastore') ?? '';
  if (!isDatastore(name))
    throw new CrmError('UNKNOWN_DATASTORE', `unknown datastore ${name}`, { datastore: name });
  return name;
}

async function readFieldsBody(req: IncomingMessage): Promise<RecordFields> {
  if (mediaType(req) !== 'application/json')
    throw new CrmError('BAD_REQUEST', 'expected application/json', { contentType: mediaType(req) });
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readBody(req, JSON_LIMIT)).toString('utf8'));
  } catch (e) {
    if (e instanceof BodyTooLargeError)
      throw new CrmError('BAD_REQUEST', 'body too large', { limit: JSON_LIMIT });
    throw new CrmError('BAD_REQUEST', 'body is not JSON');
  }
  const fields = (parsed as { fields?: unknown } | null)?.fields;
  if (typeof fields !== 'object' || fields === null)
    throw new CrmError('BAD_REQUEST', 'missing "fields"', { field: 'fields' });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v !== 'string') throw new CrmError('INVALID_RECORD', `field ${k} is not text`, { field: k });
    out[k] = v;
  }
  return out;
}

/** Handles `/api/*`; returns false for paths it doesn't know. */
export async function handleRecordsApi(
  store: CrmStore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  now: () => Date,
): Promise<boolean> {
  const path = url.pathname;
  try {
    if (path === '/api/health' && req.method === 'GET') {
      sendJson(res, 200, { ok: true });
      return true;
    }
    if (path === '/api/datastores' && req.method === 'GET') {
      sendJson(
        res,
        200,
        DATASTORES.map((d) => ({
          name: d,
          count: store.listRecords(d).length,
          contentType: DATASTORE_FORMATS[d].canonical,
        })),
      );
      return true;
    }
    if (path === '/api/devices' && req.method === 'GET') {
      sendJson(res, 200, store.listDevices());
      return true;
    }
    if (path === '/api/conflicts' && req.method === 'GET') {
      sendJson(res, 200, store.listConflictCopies(datastoreParam(url)));
      return true;
    }
    if (path === '/api/records') {
      const datastore = datastoreParam(url);
      if (req.method === 'GET') sendJson(res, 200, store.listRecords(datastore).map(recordJson));
      else if (req.method === 'POST') {
        const content = applyFields(datastore, undefined, await readFieldsBody(req), now());
        sendJson(
          res,
          201,
          recordJson(
            store.createRecord(datastore, content, DATASTORE_FORMATS[datastore].canonical.type, 'web'),
          ),
        );
      } else sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED' } });
      return true;
    }
    const match = /^\/api\/records\/([A-Za-z0-9._-]+)$/.exec(path);
    if (match === null) return false;
    const datastore = datastoreParam(url);
    const guid = match[1]!;
    if (req.method === 'GET') sendJson(res, 200, recordJson(store.requireRecord(datastore, guid)));
    else if (req.method === 'PUT') {
      const fields = await readFieldsBody(req);
      const existing = store.requireRecord(datastore, guid);
      const content = applyFields(datastore, existing.content, fields, now());
      sendJson(
        res,
        200,
        recordJson(store.updateRecord(datastore, guid, content, existing.contentType, 'web')),
      );
    } else if (req.method === 'DELETE') {
      if (!store.deleteRecord(datastore, guid, 'web'))
        throw new CrmError('RECORD_NOT_FOUND', `no record ${guid}`, { datastore, guid });
      sendJson(res, 200, { deleted: guid });
    } else sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED' } });
    return true;
  } catch (e) {
    if (!(e instanceof CrmError)) throw e;
    sendError(res, e);
    return true;
  }
}
