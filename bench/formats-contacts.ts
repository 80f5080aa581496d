/**
 * Contact format throughput: 10,000 generated contacts parsed and serialised as vCard 2.1, vCard 3.0 and Graph
 * JSON, with peak RSS per step. Imported by bench/formats.bench.ts (which writes bench/results/formats.json);
 * run alone with `npx tsx bench/formats-contacts.ts` to print just this table.
 */
import { pathToFileURL } from 'node:url';
import {
  contactFromGraph,
  contactToGraph,
  parseVCard,
  serializeVCard,
  type GraphContact,
} from '../src/core/formats/index.js';
import { dateOnly, emptyContact, type Contact } from '../src/core/model/index.js';
import { printTable, withPeakMemory } from './report.js';
import { seededRandom } from '../src/sandbox/seeded-random.js';

const CONTACTS = 10_000;


const GIVEN = [
  'Jürgen',
  'Bärbel',
  'Anna',
  'Hans-Peter',
  'Ayşe',
  'Åse',
  'Lena',
  'Jörg',
  'Maximilian',
  'Sophie',
];
const FAMILY = ['Groß', 'Müller', 'Schäfer', 'Weiß', 'Öztürk', 'Østergaard', 'Krüger', 'Schmidt', 'Meyer'];
const CITY = ['München', 'Köln', 'Münster', 'Berlin', 'Hamburg', 'Düsseldorf'];

/** Realistic contacts: umlauts, two or three phones, one or two e-mails, an address, a two-line note. */
export function generateContacts(count: number, seed = 42): Contact[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const company = `${pick(FAMILY)} Immobilien GmbH`;
    const c: Contact = {
      ...emptyContact(),
      name: { given, family, ...(i % 7 === 0 ? { prefix: 'Dr.' } : {}) },
      displayName: `${given} ${family}`,
      company,
      department: i % 3 === 0 ? 'Vermietung' : undefined,
      jobTitle: i % 2 === 0 ? 'Makler' : undefined,
      phones: [
        { kind: 'business', number: `+49 89 ${1_000_000 + i}` },
        { kind: 'mobile', number: `+49 171 ${2_000_000 + i}` },
        ...(i % 4 === 0 ? [{ kind: 'businessFax' as const, number: `+49 89 ${3_000_000 + i}` }] : []),
      ],
      emails: [
        { kind: 'work', address: `kontakt${i}@example.de` },
        ...(i % 2 === 0 ? [{ kind: 'home' as const, address: `privat${i}@example.org` }] : []),
      ],
      addresses: [
        {
          kind: 'business',
          street: `Hauptstraße ${i % 200}`,
          city: pick(CITY),
          postalCode: `${10_000 + i}`,
          country: 'Deutschland',
        },
      ],
      urls: i % 5 === 0 ? [`https://www.example.de/${i}`] : [],
      birthday: i % 3 === 0 ? dateOnly(`19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`) : undefined,
      note: i % 2 === 0 ? `Rückruf erbeten, Objekt ${i}.\nSchlüssel beim Hausmeister.` : undefined,
      categories: i % 3 === 0 ? ['Kunde', 'Eigentümer'] : [],
    };
    return JSON.parse(JSON.stringify(c)) as Contact; // drops undefined fields, like a parsed contact
  });
}

interface Step {
  readonly format: string;
  readonly operation: 'parse' | 'serialise';
  readonly run: () => number;
}

function steps(contacts: readonly Contact[]): Step[] {
  const vcard21 = contacts.map((c) => serializeVCard(c, '2.1').text);
  const vcard30 = contacts.map((c) => serializeVCard(c, '3.0').text);
  const graphJson = contacts.map((c) => JSON.stringify(contactToGraph(c).value));
  const parseAll = (texts: readonly string[]) => () => texts.filter((t) => parseVCard(t).ok).length;
  return [
    { format: 'vCard 2.1', operation: 'parse', run: parseAll(vcard21) },
    {
      format: 'vCard 2.1',
      operation: 'serialise',
      run: () => contacts.map((c) => serializeVCard(c, '2.1')).length,
    },
    { format: 'vCard 3.0', operation: 'parse', run: parseAll(vcard30) },
    {
      format: 'vCard 3.0',
      operation: 'serialise',
      run: () => contacts.map((c) => serializeVCard(c, '3.0')).length,
    },
    {
      format: 'Graph JSON',
      operation: 'parse',
      run: () => graphJson.filter((j) => contactFromGraph(JSON.parse(j) as GraphContact).ok).length,
    },
    {
      format: 'Graph JSON',
      operation: 'serialise',
      run: () => contacts.map((c) => JSON.stringify(contactToGraph(c).value)).length,
    },
  ];
}

/** One row per format and operation: items per second and peak RSS (MiB) while the step ran. */
export async function contactFormatRows(): Promise<Array<Record<string, string | number>>> {
  const contacts = generateContacts(CONTACTS);
  const rows: Array<Record<string, string | number>> = [];
  for (const step of steps(contacts)) {
    step.run(); // warm-up: JIT, so the figure is steady-state throughput
    const started = performance.now();
    const { result: items, peakMiB } = await withPeakMemory(() => step.run());
    const seconds = (performance.now() - started) / 1000;
    rows.push({
      kind: 'contact',
      format: step.format,
      operation: step.operation,
      items,
      seconds: Math.round(seconds * 1000) / 1000,
      itemsPerSec: Math.round(items / seconds),
      peakMiB,
    });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await contactFormatRows());
}
