/**
 * The sandbox CRM for the duplicate-check use-case tests: one user `test`, no demo data, and a first-sync world
 * paired with it. Servers close after each test (useCrmServers).
 */
import { checkDuplicates, type DuplicateCheckRequest } from '../../../src/app/dedupe/index.js';
import { serializeVCard } from '../../../src/core/formats/index.js';
import type { Contact } from '../../../src/core/model/index.js';
import { useCrmServers } from '../../server/crm/crm-under-test.js';
import { createDedupeWorld } from './world.js';

/** Call once per test file; the returned function starts a CRM and a world that syncs as `deviceId`. */
export function useSandboxCrmWorlds() {
  const crm = useCrmServers({ seed: false, users: { test: 'test' } });
  return async (deviceId: string) => {
    const server = await crm.start();
    const world = createDedupeWorld({ url: server.syncUrl, user: 'test', password: 'test', deviceId });
    /** The contact folder against the CRM's address book, phone numbers read as German. */
    const checkRequest: DuplicateCheckRequest = {
      folder: world.folder,
      kind: 'contact',
      datastore: 'addressbook',
      country: 'DE',
    };
    return {
      server,
      world,
      checkRequest,
      check: () => checkDuplicates(world.ports, checkRequest),
      /** A CRM user types in a contact on the page; returns its GUID. */
      crmCreate: (c: Contact) =>
        server.store.createRecord('addressbook', serializeVCard(c, '3.0').text, 'text/vcard', 'web').guid,
    };
  };
}
