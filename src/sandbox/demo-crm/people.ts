/**
 * Demo contacts of the sandbox CRM: a small real-estate office (owners, buyers, tenants, craftsmen).
 * Entries marked `nearDuplicateOf` deliberately resemble a person in the sandbox mailbox, written
 * slightly differently (other phone format, "Dr." title, "ue" for "ü", no e-mail), so the
 * duplicate check has something real to find.
 */
export type CrmRole = 'Eigentümer' | 'Kaufinteressent' | 'Mieter' | 'Handwerker' | 'Notar';

export interface DemoCrmPerson {
  readonly prefix?: string;
  readonly given: string;
  readonly family: string;
  readonly company?: string;
  readonly role: CrmRole;
  readonly phones: readonly { readonly type: 'CELL' | 'WORK' | 'HOME'; readonly number: string }[];
  readonly emails: readonly string[];
  readonly street?: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly note?: string;
  /** Display name of the sandbox-mailbox person this entry deliberately near-duplicates. */
  readonly nearDuplicateOf?: string;
}

export const DEMO_CRM_PEOPLE: readonly DemoCrmPerson[] = [
  {
    given: 'Juergen',
    family: 'Mueller',
    role: 'Kaufinteressent',
    phones: [{ type: 'HOME', number: '089/3003030' }],
    emails: [],
    street: 'Lindwurmstr. 18',
    postalCode: '80337',
    city: 'München',
    note: 'Sucht 3-Zi.-Whg. in Schwabing bis 750.000 €, Finanzierung bestätigt',
    nearDuplicateOf: 'Jürgen Müller',
  },
  {
    prefix: 'Dr.',
    given: 'Lena',
    family: 'Schröder',
    role: 'Kaufinteressent',
    phones: [{ type: 'CELL', number: '+4917624681357' }],
    emails: ['lena.schroeder@example.com'],
    note: 'Interesse: Altbau mit Balkon, max. 4. OG ohne Aufzug',
    nearDuplicateOf: 'Lena Schröder',
  },
  {
    given: 'Sabine',
    family: 'Weiss',
    company: 'Hausverwaltung Weiss GmbH & Co. KG',
    role: 'Eigentümer',
    phones: [{ type: 'WORK', number: '+49 89 456789' }],
    emails: ['s.weiss@hv-weiss.example.com'],
    street: 'Rosenheimer Straße 145',
    postalCode: '81671',
    city: 'München',
    nearDuplicateOf: 'Sabine Weiß',
  },
  {
    given: 'Heinrich',
    family: 'Grossmann',
    company: 'Großmann Grundbesitz GmbH',
    role: 'Eigentümer',
    phones: [{ type: 'WORK', number: '08171/2233' }],
    emails: [],
    street: 'Seestr. 8',
    postalCode: '82319',
    city: 'Starnberg',
    note: 'Seegrundstück, möchte Bewertung',
    nearDuplicateOf: 'Heinrich Großmann',
  },
  {
    given: 'Hannah',
    family: 'Wagner',
    role: 'Mieter',
    phones: [{ type: 'CELL', number: '+49 (0)170 1010101' }],
    emails: ['hannah.wagner@example.com'],
    street: 'Hohenzollernstraße 41',
    postalCode: '80801',
    city: 'München',
    note: 'Mietvertrag bis 31.12., Kaution hinterlegt',
    nearDuplicateOf: 'Hannah Wagner',
  },
  {
    given: 'Ayşe',
    family: 'Yılmaz',
    role: 'Mieter',
    phones: [{ type: 'HOME', number: '+49 89 5551234' }],
    emails: ['ayse.yilmaz@example.com'],
    street: 'Görresstraße 5',
    postalCode: '80798',
    city: 'München',
    note: 'Nicht identisch mit Özlem Yılmaz (Kundin)!',
  },
  {
    given: 'Klaus',
    family: 'Schröder',
    role: 'Kaufinteressent',
    phones: [{ type: 'CELL', number: '+49 151 11122233' }],
    emails: ['klaus.schroeder@example.de'],
    note: 'Sucht Reihenhaus bis 650.000 €',
  },
  {
    given: 'Renate',
    family: 'Straßburger',
    role: 'Eigentümer',
    phones: [{ type: 'HOME', number: '08151 44556' }],
    emails: ['r.strassburger@example.de'],
    street: 'Seestraße 3',
    postalCode: '82319',
    city: 'Starnberg',
  },
  {
    given: 'Lukas',
    family: 'Bäcker',
    company: 'Bäcker Sanitär & Heizung',
    role: 'Handwerker',
    phones: [{ type: 'WORK', number: '+49 89 7778899' }],
    emails: ['info@baecker-sanitaer.example'],
  },
  {
    prefix: 'Dr.',
    given: 'Friederike',
    family: 'Schäfer-Nußbaum',
    company: 'Notariat am Odeonsplatz',
    role: 'Notar',
    phones: [{ type: 'WORK', number: '+49 89 2100300' }],
    emails: ['kanzlei@notariat-odeonsplatz.example'],
    street: 'Odeonsplatz 1',
    postalCode: '80539',
    city: 'München',
  },
  {
    given: 'Marie',
    family: 'Löwenthal',
    role: 'Mieter',
    phones: [{ type: 'CELL', number: '0176 55443322' }],
    emails: ['marie.loewenthal@example.org'],
    note: 'Sucht 2-Zi.-Whg. zur Miete, Haustier (Katze)',
  },
  {
    given: 'Björn',
    family: 'Øster',
    role: 'Kaufinteressent',
    phones: [{ type: 'CELL', number: '+49 172 3344556' }],
    emails: ['bjoern.oester@example.dk'],
  },
];
