/** First-start seeding of the sandbox CRM with the demo real-estate data. */
import { demoCrmItems } from '../../../sandbox/demo-crm/index.js';
import type { CrmStore } from './crm-store.js';

const SEEDED_KEY = 'seeded-at';

/** Seeds an empty store once; later starts (and a store a person has emptied) stay as they are. */
export function seedIfFirstStart(store: CrmStore, now: Date = new Date()): boolean {
  if (store.getMeta(SEEDED_KEY) !== undefined) return false;
  store.transaction(() => {
    for (const item of demoCrmItems(now))
      store.createRecord(item.datastore, item.content, item.contentType, 'seed');
    store.setMeta(SEEDED_KEY, now.toISOString());
  });
  return true;
}
