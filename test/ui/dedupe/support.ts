/** A duplicate check result built by hand (no server): two pairs and one within-Outlook duplicate. */
import type { DuplicateCheck, OutlookSide } from '../../../src/app/dedupe/index.js';
import { emptyContact, outlookFolderId, outlookItemId, type Contact } from '../../../src/core/model/index.js';

const person = (displayName: string, extra: Partial<Contact> = {}): Contact => ({
  ...emptyContact(),
  displayName,
  name: { given: displayName.split(' ')[0]!, family: displayName.split(' ')[1] ?? '' },
  ...extra,
});

export function sampleCheck(pairCount = 2): DuplicateCheck {
  const side = (id: string, c: Contact): OutlookSide => ({
    id: outlookItemId(id),
    name: c.displayName ?? '',
    item: c,
  });
  const pairs = Array.from({ length: pairCount }, (_, i) => {
    const outlook = person(`Anna${i} Müller`, { company: 'Müller GmbH', jobTitle: 'Maklerin' });
    const crm = person(`Anna${i} Mueller`, {
      company: 'Müller Immobilien',
      emails: [{ kind: 'work', address: `a${i}@m.de` }],
    });
    return {
      left: i,
      right: i,
      score: i === 0 ? 95 : 75,
      reasons: ['same-email', 'similar-name'],
      outlook: side(`o${i}`, outlook),
      crm: { guid: `g${i}`, name: crm.displayName ?? '', item: crm },
    };
  });
  const lea1 = side('w1', person('Lea Sommer'));
  const lea2 = side('w2', person('Lea Sommer'));
  return {
    folder: outlookFolderId('contacts'),
    kind: 'contact',
    datastore: 'addressbook',
    country: 'DE',
    synced: false,
    outlookItems: pairCount + 2,
    crmItems: pairCount,
    crmUnreadable: 0,
    pairs,
    withinOutlook: [{ score: 92, reasons: ['same-name'], first: lea1, second: lea2 }],
    outlook: [...pairs.map((p) => p.outlook), lea1, lea2],
  };
}
