/**
 * A labelled test set for contact matching, generated deterministically from a seed: true
 * duplicates with the variations real offices produce (typos, ü/ue, swapped names, phone
 * formats, missing fields, titles, legal forms, plus-tags) and non-duplicates built to fool a
 * matcher (namesakes at other companies, near-identical surnames). Shared by tests and bench.
 */
import type { Contact, Phone } from '../../src/core/model/index.js';
import { emptyContact } from '../../src/core/model/index.js';
import { seededRandom } from '../../src/sandbox/seeded-random.js';

const GIVEN = [
  'Jürgen',
  'Anna',
  'Günther',
  'Sören',
  'Björn',
  'Käthe',
  'Müge',
  'Zoë',
  'François',
  'Łukasz',
  'Maximilian',
  'Sophie',
  'Lea',
  'Jonas',
  'Lukas',
  'Marie',
  'Felix',
  'Hannah',
  'Elias',
  'Emma',
  'Paul',
  'Mia',
  'Ben',
  'Lina',
  'Finn',
  'Clara',
  'Noah',
  'Ida',
  'Leon',
  'Greta',
  'Mehmet',
  'Ayşe',
  'Dragan',
  'Olga',
  'Piotr',
  'Agnieszka',
  'Giulia',
  'Matteo',
  'José',
  'Inês',
  'Sven',
  'Ingrid',
  'Dieter',
  'Ursula',
  'Wolfgang',
  'Renate',
  'Heinz',
  'Gisela',
  'Klaus',
  'Brigitte',
  'Stefan',
  'Sabine',
  'Thomas',
  'Andrea',
  'Michael',
  'Claudia',
  'Andreas',
  'Petra',
  'Frank',
  'Monika',
  'Jörg',
  'Bärbel',
  'Uwe',
  'Heike',
  'Ralf',
  'Silke',
  'Kai',
  'Nele',
  'Tim',
  'Jana',
];
const FAMILY = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Schmitz',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Schubert',
  'Vogel',
  'Friedrich',
  'Keller',
  'Günther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Franke',
  'Albrecht',
  'Schuster',
  'Simon',
  'Ludwig',
  'Böhm',
  'Winter',
  'Kraus',
  'Martin',
  'Yılmaz',
  'Kaya',
  'Nowak',
  'Kowalski',
  'Rossi',
  'Ferrari',
  'García',
  'Dubois',
  'Jovanović',
  'Petrović',
  'Ивanov',
  'Öztürk',
  'Straßburger',
  'Große',
  'Süßmann',
  'Ahrens',
  'Brandt',
  'Dietrich',
  'Engel',
  'Graf',
  'Haas',
  'Jäger',
  'Kühn',
  'Lindner',
  'Marx',
  'Nagel',
  'Otto',
  'Pohl',
  'Ritter',
  'Sauer',
  'Thiel',
  'Ulrich',
  'Voigt',
  'Wendt',
  'Ziegler',
  'Arnold',
  'Busch',
  'Dörr',
  'Ebert',
  'Fiedler',
  'Gärtner',
  'Heinrich',
  'Iske',
  'Jahn',
  'Kunz',
  'Löffler',
  'Maurer',
  'Nolte',
  'Oswald',
  'Pfeiffer',
  'Quast',
  'Reuter',
  'Seidel',
  'Thomas',
  'Unger',
  'Vetter',
  'Wirth',
];
const COMPANY_STEMS = [
  'Immobilien',
  'Hausverwaltung',
  'Bauträger',
  'Architekturbüro',
  'Steuerkanzlei',
  'Notariat',
  'Finanzberatung',
  'Makler',
  'Wohnbau',
  'Projektentwicklung',
  'Gebäudeservice',
  'Grundbesitz',
];
const CITIES = [
  'Köln',
  'München',
  'Düsseldorf',
  'Berlin',
  'Hamburg',
  'Münster',
  'Würzburg',
  'Lübeck',
  'Görlitz',
  'Aachen',
  'Bonn',
  'Essen',
];
const FORMS = ['GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'e.K.', 'OHG', ''];
const AREAS = ['30', '40', '89', '221', '211', '251', '931', '451', '3581', '241', '228', '201'];
const MOBILE = ['151', '152', '160', '162', '170', '171', '172', '176', '177', '179'];

/** Deterministic PRNG (mulberry32), so the set and its figures are the same on every run. */
export const rng = seededRandom;

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Rand, n: number) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? 1 + Math.floor(r() * 9) : Math.floor(r() * 10))).join('');
const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

function person(r: Rand, given: string, family: string): Contact {
  const company = `${pick(r, COMPANY_STEMS)} ${pick(r, FAMILY)} ${pick(r, CITIES)} ${pick(r, FORMS)}`.trim();
  const domain = `${ascii(company.split(' ')[1] ?? 'firma')}-${ascii(company.split(' ')[0] ?? 'x')}${Math.floor(r() * 1000)}.de`;
  const phones: Phone[] = [{ kind: 'business', number: `+49 ${pick(r, AREAS)} ${digits(r, 7)}` }];
  if (r() < 0.7) phones.push({ kind: 'mobile', number: `+49 ${pick(r, MOBILE)} ${digits(r, 8)}` });
  return {
    ...emptyContact(),
    name: { given, family },
    displayName: `${given} ${family}`,
    company,
    phones,
    emails: [{ kind: 'work', address: `${ascii(given)}.${ascii(family)}@${domain}` }],
  };
}

// ---- variations of a true duplicate -------------------------------------------------------------

function typo(r: Rand, s: string): string {
  if (s.length < 5) return s;
  const i = 1 + Math.floor(r() * (s.length - 2));
  const op = Math.floor(r() * 3);
  if (op === 0) return s.slice(0, i) + s.slice(i + 1); // deletion
  if (op === 1) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // transposition
  return s.slice(0, i) + pick(r, ['e', 'a', 'n', 'r', 'i']) + s.slice(i + 1); // substitution
}

function reformatPhone(r: Rand, number: string): string {
  const m = /^\+49 (\d+) (\d+)$/.exec(number);
  if (!m) return number;
  const [, area, rest] = m;
  return pick(r, [
    `0${area}/${rest}`,
    `0${area} ${rest}`,
    `(0${area}) ${rest}`,
    `0049 ${area} ${rest}`,
    `+49 (0)${area} ${rest}`,
    `+49${area}${rest}`,
    `0${area}-${rest!.slice(0, 3)} ${rest!.slice(3)}`,
  ]);
}

const VARIATIONS: ReadonlyArray<(r: Rand, c: Contact) => Contact> = [
  (r, c) => ({ ...c, name: { ...c.name, family: typo(r, c.name.family ?? '') } }),
  (r, c) => ({ ...c, name: { ...c.name, given: typo(r, c.name.given ?? '') } }),
  (_, c) => ({ ...c, name: { given: translit(c.name.given), family: translit(c.name.family) } }),
  (_, c) => ({ ...c, name: { given: c.name.family, family: c.name.given } }),
  (r, c) => ({ ...c, phones: c.phones.map((p) => ({ ...p, number: reformatPhone(r, p.number) })) }),
  (_, c) => ({ ...c, name: { ...c.name, prefix: 'Dr.' } }),
  (_, c) => ({ ...c, company: c.company?.replace(/ (GmbH & Co\. KG|GmbH|AG|KG|e\.K\.|OHG)$/, '') }),
  (_, c) => ({
    ...c,
    emails: c.emails.map((e) => ({ ...e, address: e.address.replace('@', '+crm@').toUpperCase() })),
  }),
  (_, c) => ({ ...c, name: { given: c.name.given?.[0] + '.', family: c.name.family } }),
  // A private address instead of the work one: the e-mails no longer agree.
  (r, c) => ({
    ...c,
    emails: [
      {
        kind: 'home',
        address: `${ascii(c.name.given ?? '')}.${ascii(c.name.family ?? '')}${Math.floor(r() * 99)}@${pick(r, ['gmx.de', 'web.de', 't-online.de', 'gmail.com'])}`,
      },
    ],
  }),
  // Only the mobile number kept, or only the office line.
  (_, c) => ({ ...c, phones: c.phones.slice(-1) }),
];
const REMOVALS: ReadonlyArray<(c: Contact) => Contact> = [
  (c) => ({ ...c, emails: [] }),
  (c) => ({ ...c, phones: [] }),
  (c) => ({ ...c, company: undefined }),
];

function translit(s: string | undefined): string | undefined {
  return s
    ?.replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/Ü/g, 'Ue')
    .replace(/Ö/g, 'Oe')
    .replace(/Ä/g, 'Ae');
}

/** A realistic second record of the same person: 1–3 variations, at most one field dropped. */
function duplicateOf(r: Rand, c: Contact): Contact {
  let d = c;
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) d = pick(r, VARIATIONS)(r, d);
  const removals = r() < 0.4 ? 0 : r() < 0.75 ? 1 : 2;
  const order = [...REMOVALS].sort(() => r() - 0.5).slice(0, removals);
  for (const remove of order) d = remove(d);
  return { ...d, displayName: `${d.name.given ?? ''} ${d.name.family ?? ''}`.trim() };
}

export interface LabelledContactSet {
  readonly outlook: Contact[];
  readonly crm: Contact[];
  /** Index pairs (outlook, crm) that are the same person. */
  readonly truePairs: ReadonlyArray<readonly [number, number]>;
}

/**
 * `total` contacts in all: 30 % of them in true pairs, the rest singles; about a quarter of the
 * singles are namesakes or near-namesakes of a paired person at another company.
 */
export function generateContactSet(total: number, seed = 42): LabelledContactSet {
  const r = rng(seed);
  const pairs = Math.round((total * 0.3) / 2);
  const singles = total - pairs * 2;
  const outlook: Contact[] = [];
  const crm: Contact[] = [];
  const truePairs: [number, number][] = [];
  const originals: Contact[] = [];
  for (let i = 0; i < pairs; i++) {
    const p = person(r, pick(r, GIVEN), pick(r, FAMILY));
    originals.push(p);
    const [a, b] = r() < 0.5 ? [p, duplicateOf(r, p)] : [duplicateOf(r, p), p];
    truePairs.push([outlook.push(a) - 1, crm.push(b) - 1]);
  }
  for (let i = 0; i < singles; i++) {
    if (r() < 0.1 && originals.length > 0) {
      // A colleague: same company, same switchboard number and mail domain, another person.
      const base = pick(r, originals);
      const given = pick(r, GIVEN);
      const family = pick(r, FAMILY);
      const domain = base.emails[0]?.address.split('@')[1] ?? 'example.de';
      const colleague: Contact = {
        ...base,
        name: { given, family },
        displayName: `${given} ${family}`,
        phones: base.phones.slice(0, 1),
        emails: [{ kind: 'work', address: `${ascii(given)}.${ascii(family)}@${domain}` }],
      };
      (r() < 0.5 ? outlook : crm).push(colleague);
      continue;
    }
    const decoy = r() < 0.25 && originals.length > 0;
    const base = decoy ? pick(r, originals) : undefined;
    const family = base ? (r() < 0.7 ? base.name.family! : typo(r, base.name.family!)) : pick(r, FAMILY);
    const p = person(r, base?.name.given ?? pick(r, GIVEN), family);
    (r() < 0.5 ? outlook : crm).push(p);
  }
  return { outlook, crm, truePairs };
}

/** Precision and recall of predicted pairs against the labels. */
export function evaluatePairs(
  predicted: ReadonlyArray<{ left: number; right: number }>,
  truth: ReadonlyArray<readonly [number, number]>,
): {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
} {
  const t = new Set(truth.map(([a, b]) => `${a}:${b}`));
  const tp = predicted.filter((p) => t.has(`${p.left}:${p.right}`)).length;
  const fp = predicted.length - tp;
  const fn = truth.length - tp;
  return {
    precision: predicted.length === 0 ? 1 : tp / predicted.length,
    recall: truth.length === 0 ? 1 : tp / truth.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
  };
}
