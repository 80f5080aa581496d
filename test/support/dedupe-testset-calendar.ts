/**
 * Labelled sets for event and task matching: the same appointment written by Outlook (zoned
 * Windows-style times) and by the CRM (UTC, other case, a typo), recurring team slots that share
 * a subject at other times, and tasks with equal titles on other days.
 */
import type { CalendarEvent, Task } from '../../src/core/model/index.js';
import { dateOnly } from '../../src/core/model/index.js';
import { zonedLocalToEpoch } from '../../src/core/formats/timezone/zone-offsets.js';
import { rng } from './dedupe-testset.js';

const SUBJECTS = [
  'Besichtigung',
  'Übergabe',
  'Notartermin',
  'Eigentümerversammlung',
  'Exposé-Fotos',
  'Bewertung',
  'Rückruf',
  'Mieterwechsel',
  'Schlüsselübergabe',
  'Finanzierungsgespräch',
];
const PLACES = [
  'Königsallee 12',
  'Hauptstraße 5',
  'Müllerweg 3',
  'Lindenstraße 44',
  'Am Markt 1',
  'Goethestraße 17',
  'Schloßstraße 9',
  'Uhlandstraße 21',
];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

function event(subject: string, startLocal: string, minutes: number, utc: boolean): CalendarEvent {
  const startMs = zonedLocalToEpoch(startLocal, 'Europe/Berlin');
  const endMs = startMs + minutes * 60_000;
  const endLocal = new Date(Date.parse(startLocal + 'Z') + minutes * 60_000).toISOString().slice(0, 19);
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    kind: 'event',
    subject,
    timing: utc
      ? { allDay: false, start: { kind: 'utc', iso: iso(startMs) }, end: { kind: 'utc', iso: iso(endMs) } }
      : {
          allDay: false,
          start: { kind: 'zoned', local: startLocal, tz: 'Europe/Berlin' },
          end: { kind: 'zoned', local: endLocal, tz: 'Europe/Berlin' },
        },
    exceptions: [],
    sensitivity: 'normal',
    categories: [],
    attendees: [],
    extra: {},
  };
}

export interface LabelledSet<T> {
  readonly outlook: T[];
  readonly crm: T[];
  readonly truePairs: ReadonlyArray<readonly [number, number]>;
}

export function generateEventSet(total: number, seed = 7): LabelledSet<CalendarEvent> {
  const r = rng(seed);
  const outlook: CalendarEvent[] = [];
  const crm: CalendarEvent[] = [];
  const truePairs: [number, number][] = [];
  const pairs = Math.round((total * 0.3) / 2);
  const when = () =>
    `2026-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}T${pad(8 + Math.floor(r() * 10))}:${pick(r, ['00', '15', '30', '45'])}:00`;
  for (let i = 0; i < pairs; i++) {
    const subject = `${pick(r, SUBJECTS)} ${pick(r, PLACES)}`;
    const start = when();
    const minutes = pick(r, [30, 45, 60, 90]);
    const a = event(subject, start, minutes, false);
    // The CRM's copy: UTC times, maybe upper-cased or with a typo'd word, maybe umlauts spelled out.
    const variant = pick(r, [
      subject,
      subject.toUpperCase(),
      subject.replace('ü', 'ue').replace('ß', 'ss'),
      subject.replace(/^(\S*?)(\p{L})(\p{L}) /u, '$1$3$2 '),
    ]);
    const b = event(variant, start, minutes, true);
    truePairs.push([outlook.push(a) - 1, crm.push(b) - 1]);
  }
  for (let i = outlook.length + crm.length; i < total; i++) {
    // Decoys: same subject at another time, or another subject at the same time.
    const base = outlook[Math.floor(r() * pairs)]!;
    const decoy =
      r() < 0.5
        ? event(base.subject, when(), 60, r() < 0.5)
        : event(`${pick(r, SUBJECTS)} ${pick(r, PLACES)}`, when(), 60, r() < 0.5);
    (r() < 0.5 ? outlook : crm).push(decoy);
  }
  return { outlook, crm, truePairs };
}

function task(title: string, due: string | undefined): Task {
  return {
    kind: 'task',
    title,
    due: due ? dateOnly(due) : undefined,
    status: 'notStarted',
    importance: 'normal',
    categories: [],
    sensitivity: 'normal',
    extra: {},
  };
}

export function generateTaskSet(total: number, seed = 11): LabelledSet<Task> {
  const r = rng(seed);
  const outlook: Task[] = [];
  const crm: Task[] = [];
  const truePairs: [number, number][] = [];
  const pairs = Math.round((total * 0.3) / 2);
  const day = () => `2026-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
  const taken = new Set<string>();
  for (let i = 0; i < pairs; i++) {
    const title = `${pick(r, ['Rückruf', 'Unterlagen an', 'Exposé senden an', 'Termin bestätigen mit', 'Grundriss anfordern von'])} ${pick(r, ['Frau Weiß', 'Herrn Müller', 'Familie Öztürk', 'Dr. Schäfer', 'Herrn Jovanović', 'Frau Krüger', 'Herrn Groß'])} ${i}`;
    const due = day();
    truePairs.push([
      outlook.push(task(title, due)) - 1,
      crm.push(task(pick(r, [title, title.toLowerCase(), title.replace('ü', 'ue')]), due)) - 1,
    ]);
  }
  for (let i = outlook.length + crm.length; i < total; i++) {
    const base = outlook[Math.floor(r() * pairs)]!;
    // Each decoy gets a (title, due) nobody else has: two equal ones would be true duplicates.
    let other = day();
    while (other === base.due || taken.has(`${base.title}|${other}`)) other = day();
    taken.add(`${base.title}|${other}`);
    (r() < 0.5 ? outlook : crm).push(task(base.title, other));
  }
  return { outlook, crm, truePairs };
}
