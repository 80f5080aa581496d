/**
 * Format throughput: 10,000 generated events and 10,000 tasks parsed and serialised as iCalendar
 * 2.0, vCalendar 1.0 and Graph JSON, plus the contact rows from ./formats-contacts.js; peak RSS per
 * step. Prints one table and writes bench/results/formats.json. Figures only, never a pass/fail.
 */
import {
  eventFromGraph,
  eventToGraph,
  parseCalendarItem,
  serializeEvent,
  serializeTask,
  taskFromGraph,
  taskToGraph,
  type GraphEvent,
  type GraphTodoTask,
} from '../src/core/formats/index.js';
import { dateOnly, type CalendarEvent, type DayOfWeek, type Task } from '../src/core/model/index.js';
import { contactFormatRows } from './formats-contacts.js';
import { printTable, withPeakMemory, writeResults } from './report.js';
import { seededRandom } from '../src/sandbox/seeded-random.js';

const ITEMS = 10_000;
type Row = Record<string, string | number>;


const SUBJECTS = [
  'Besichtigung Größe Wohnung',
  'Übergabe Schlüssel',
  'Team-Besprechung Vertrieb',
  'Notartermin Müller',
  'Exposé prüfen',
];
const PLACES = ['Köln-Sülz', 'Düsseldorf, Königsallee 12', 'Büro München', 'Straße des 17. Juni 3, Berlin'];
const DAYS: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** Realistic appointments: Berlin times, a third recurring (weekly/monthly) with a cancelled date. */
function generateEvents(count: number): CalendarEvent[] {
  const rnd = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const day = dateOnly(new Date(Date.UTC(2025, 0, 1 + (i % 700))).toISOString().slice(0, 10));
    const hour = String(8 + (i % 9)).padStart(2, '0');
    const start = { kind: 'zoned' as const, local: `${day}T${hour}:00:00`, tz: 'Europe/Berlin' };
    const end = { kind: 'zoned' as const, local: `${day}T${hour}:45:00`, tz: 'Europe/Berlin' };
    const recurring = i % 3 === 0;
    return {
      kind: 'event',
      uid: `crm-termin-${i}@bench`,
      subject: `${pick(SUBJECTS)} ${i}`,
      location: pick(PLACES),
      body: 'Unterlagen mitbringen.\nRückfragen an Fr. Schäfer.',
      timing: { allDay: false, start, end },
      ...(recurring
        ? {
            recurrence: {
              pattern: { type: 'weekly', interval: 1, daysOfWeek: [pick(DAYS)], firstDayOfWeek: 'monday' },
              range: { type: 'numbered', startDate: day, numberOfOccurrences: 10 },
              timeZone: 'Europe/Berlin',
            },
          }
        : {}),
      exceptions: recurring
        ? [{ originalStart: { ...start, local: `${day}T${hour}:00:00` }, cancelled: true }]
        : [],
      reminderMinutesBefore: 15,
      sensitivity: i % 5 === 0 ? 'private' : 'normal',
      showAs: 'busy',
      categories: ['Kunde'],
      attendees:
        i % 4 === 0 ? [{ email: `kunde${i}@example.de`, name: 'Jürgen Weiß', type: 'required' }] : [],
      extra: {},
      modifiedAt: '2025-03-01T07:59:59Z',
    } satisfies CalendarEvent;
  });
}

function generateTasks(count: number): Task[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'task',
    uid: `crm-aufgabe-${i}@bench`,
    title: `Exposé für Objekt Lindenstraße ${i} fertigstellen`,
    body: 'Grundriss einfügen\nEnergieausweis anfordern',
    due: dateOnly(new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10)),
    status: i % 2 === 0 ? 'inProgress' : 'notStarted',
    importance: i % 3 === 0 ? 'high' : 'normal',
    categories: ['Exposé'],
    sensitivity: 'normal',
    extra: {},
  }));
}

interface Step {
  readonly kind: 'event' | 'task';
  readonly format: string;
  readonly operation: 'parse' | 'serialise';
  readonly run: () => number;
}

function stepsFor<T extends CalendarEvent | Task>(
  kind: 'event' | 'task',
  items: T[],
  write: (x: T, v: '1.0' | '2.0') => string,
  toGraph: (x: T) => unknown,
  fromGraph: (g: unknown) => boolean,
): Step[] {
  const texts = { '2.0': items.map((x) => write(x, '2.0')), '1.0': items.map((x) => write(x, '1.0')) };
  const graph = items.map((x) => JSON.stringify(toGraph(x)));
  const count = (ok: boolean[]) => ok.filter(Boolean).length;
  return [
    ...(['2.0', '1.0'] as const).flatMap((v): Step[] => [
      {
        kind,
        format: v === '2.0' ? 'iCalendar 2.0' : 'vCalendar 1.0',
        operation: 'serialise',
        run: () => items.map((x) => write(x, v)).length,
      },
      {
        kind,
        format: v === '2.0' ? 'iCalendar 2.0' : 'vCalendar 1.0',
        operation: 'parse',
        run: () => count(texts[v].map((t) => parseCalendarItem(t, kind).ok)),
      },
    ]),
    {
      kind,
      format: 'Graph JSON',
      operation: 'serialise',
      run: () => items.map((x) => JSON.stringify(toGraph(x))).length,
    },
    {
      kind,
      format: 'Graph JSON',
      operation: 'parse',
      run: () => count(graph.map((g) => fromGraph(JSON.parse(g)))),
    },
  ];
}

async function measure(step: Step): Promise<Row> {
  step.run(); // warm-up: JIT, so the figure is steady-state throughput
  const started = performance.now();
  const { result: items, peakMiB } = await withPeakMemory(() => step.run());
  const seconds = (performance.now() - started) / 1000;
  return {
    kind: step.kind,
    format: step.format,
    operation: step.operation,
    items,
    seconds: Math.round(seconds * 1000) / 1000,
    itemsPerSec: Math.round(items / seconds),
    peakMiB,
  };
}

async function main(): Promise<void> {
  const steps = [
    ...stepsFor(
      'event',
      generateEvents(ITEMS),
      (e, v) => serializeEvent(e, v).text,
      (e) => eventToGraph(e).value,
      (g) => eventFromGraph(g as GraphEvent).ok,
    ),
    ...stepsFor(
      'task',
      generateTasks(ITEMS),
      (t, v) => serializeTask(t, v).text,
      (t) => taskToGraph(t).value,
      (g) => taskFromGraph(g as GraphTodoTask).ok,
    ),
  ];
  const rows: Row[] = [...(await contactFormatRows())];
  for (const step of steps) rows.push(await measure(step));
  printTable(rows);
  writeResults('formats', { items: ITEMS, rows });
}

await main();
