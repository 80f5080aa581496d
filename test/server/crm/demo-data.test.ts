import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, displayNameOf } from '../../../src/sandbox/demo-mailbox/people.js';
import { DEMO_CRM_PEOPLE, demoCrmItems } from '../../../src/sandbox/demo-crm/index.js';
import { parseCalendarItem, parseVCard } from '../../../src/core/formats/index.js';
import { CrmStore } from '../../../src/server/crm/store/crm-store.js';
import { seedIfFirstStart } from '../../../src/server/crm/store/seed.js';

function setup() {
  return { store: new CrmStore(), seededAt: new Date('2026-11-21T09:00:00Z') };
}

describe('sandbox CRM demo data', () => {
  it('has near-duplicates of real sandbox-mailbox people, each written differently', () => {
    const mailboxNames = new Set(DEMO_PEOPLE.map(displayNameOf));
    const nearDuplicates = DEMO_CRM_PEOPLE.filter((p) => p.nearDuplicateOf !== undefined);
    expect(nearDuplicates.length).toBeGreaterThanOrEqual(4);
    for (const p of nearDuplicates) {
      expect(mailboxNames).toContain(p.nearDuplicateOf);
      const crmName = [p.prefix, p.given, p.family].filter(Boolean).join(' ');
      const mailbox = DEMO_PEOPLE.find((m) => displayNameOf(m) === p.nearDuplicateOf)!;
      const samePhones = p.phones.every((ph) => ph.number === mailbox.phone || ph.number === mailbox.mobile);
      expect(crmName !== p.nearDuplicateOf || !samePhones || p.emails.length === 0).toBe(true);
    }
  });

  it('renders every record so the core parsers read it without error', () => {
    const { seededAt } = setup();
    for (const item of demoCrmItems(seededAt)) {
      const parsed =
        item.datastore === 'addressbook'
          ? parseVCard(item.content)
          : parseCalendarItem(item.content, item.datastore === 'calendar' ? 'event' : 'task');
      expect(parsed.ok, item.content).toBe(true);
    }
  });

  it('seeds an empty store once, and never again (not even after everything was deleted)', () => {
    const { store, seededAt } = setup();
    expect(seedIfFirstStart(store, seededAt)).toBe(true);
    const contacts = store.listRecords('addressbook');
    expect(contacts.length).toBe(DEMO_CRM_PEOPLE.length);
    for (const r of contacts) store.deleteRecord('addressbook', r.guid, 'web');
    expect(seedIfFirstStart(store, seededAt)).toBe(false);
    expect(store.listRecords('addressbook')).toEqual([]);
    store.close();
  });
});
