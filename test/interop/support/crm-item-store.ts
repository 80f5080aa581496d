/** The sandbox CRM's records as a ServerItemStore: scenarios edit "in the CRM" like a person on its page. */
import { isDatastore, type Datastore } from '../../../src/server/crm/datastores.js';
import type { CrmStore } from '../../../src/server/crm/store/crm-store.js';
import type { ServerItemStore } from '../servers.js';

function datastore(uri: string): Datastore {
  if (!isDatastore(uri)) throw new Error(`the sandbox CRM has no datastore ${uri}`);
  return uri;
}

const typeOf = (ds: Datastore) => (ds === 'addressbook' ? 'text/vcard' : 'text/calendar');

export function crmItemStore(store: CrmStore): ServerItemStore {
  return {
    async list(uri) {
      return store.listRecords(datastore(uri)).map((r) => ({ id: r.guid, data: r.content }));
    },
    async write(uri, id, data) {
      const ds = datastore(uri);
      const existing = store.getRecord(ds, id);
      if (existing !== undefined && !existing.deleted) store.updateRecord(ds, id, data, typeOf(ds), 'web');
      else store.createRecord(ds, data, typeOf(ds), 'web', id);
    },
    async remove(uri, id) {
      store.deleteRecord(datastore(uri), id, 'web');
    },
    async clear(uri) {
      const ds = datastore(uri);
      for (const r of store.listRecords(ds)) store.deleteRecord(ds, r.guid, 'web');
    },
  };
}
