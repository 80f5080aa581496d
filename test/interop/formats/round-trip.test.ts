/**
 * Our formats against the real engine (issue 3, decision 0130): every fixture (vCard, iCalendar,
 * vCalendar) and one series per recurrence pattern across a DST change is parsed, serialised in
 * one dialect, pushed to SyncEvolution's server (refresh from client into emptied datastores),
 * pulled back by a new device in each dialect (refresh from server), parsed, and compared field by
 * field with the original after the server's legitimate normalisations (support/compare.ts).
 * Six sessions in all, every item of a dialect in one session.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseCalendarItem,
  parseVCard,
  serializeEvent,
  serializeTask,
  serializeVCard,
} from '../../../src/core/formats/index.js';
import type { CalendarEvent, FormatIssue } from '../../../src/core/model/index.js';
import { SERVERS } from '../servers.js';
import { differingFields, keyOf, normaliseForServer, type Route } from './support/compare.js';
import type { FixtureModel } from './support/fixtures.js';
import { KNOWN_DIFFERENCES, routeName } from './support/known-differences.js';
import { occurrencesOf } from './support/occurrences.js';
import { CHANGED_OCCURRENCE_UID, roundTripItems, type RoundTripItem } from './support/round-trip-items.js';
import { pullAll, pushAll, type Dialect, type ItemsByKind } from './support/sessions.js';

/** Device ids 14–19 of the interop list belong to this file. */
const FIRST_DEVICE = 14;

const ROUTES: readonly Route[] = [
  { push: 'versit', pull: 'versit' },
  { push: 'versit', pull: 'rfc' },
  { push: 'rfc', pull: 'rfc' },
  { push: 'rfc', pull: 'versit' },
];

interface PulledItem {
  readonly model: FixtureModel;
  readonly warnings: readonly FormatIssue[];
}

function serialiseAll(models: readonly FixtureModel[], dialect: Dialect): ItemsByKind {
  const out = { contacts: [] as string[], events: [] as string[], tasks: [] as string[] };
  for (const m of models) {
    if (m.kind === 'contact') out.contacts.push(serializeVCard(m, dialect === 'versit' ? '2.1' : '3.0').text);
    else if (m.kind === 'event')
      out.events.push(serializeEvent(m, dialect === 'versit' ? '1.0' : '2.0').text);
    else out.tasks.push(serializeTask(m, dialect === 'versit' ? '1.0' : '2.0').text);
  }
  return out;
}

function parseAll(pulled: Awaited<ReturnType<typeof pullAll>>): { items: PulledItem[]; failures: string[] } {
  const items: PulledItem[] = [];
  const failures: string[] = [];
  const take = (text: string, kind: 'contact' | 'event' | 'task') => {
    const result = kind === 'contact' ? parseVCard(text) : parseCalendarItem(text, kind);
    if (result.ok) items.push({ model: result.value, warnings: result.warnings });
    else failures.push(`${result.error.code}: ${text.slice(0, 200)}`);
  };
  for (const text of pulled.contacts) take(text, 'contact');
  for (const text of pulled.events) take(text, 'event');
  for (const text of pulled.tasks) take(text, 'task');
  return { items, failures };
}

/** The pulled item for `original`: same key, and of those the one closest to it. Removed from the pool. */
function takeMatch(pool: PulledItem[], item: RoundTripItem, route: Route): PulledItem | undefined {
  const expected = normaliseForServer(item.model, item.model, route);
  const candidates = pool.filter((p) => keyOf(p.model) === keyOf(item.model));
  const distance = (p: PulledItem) =>
    differingFields(expected, normaliseForServer(p.model, item.model, route)).length;
  const best = candidates.sort((a, b) => distance(a) - distance(b))[0];
  if (best) pool.splice(pool.indexOf(best), 1);
  return best;
}

const pick = (o: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]]));

function setup() {
  const { items, withChange } = roundTripItems();
  const pulled = new Map<string, ReturnType<typeof parseAll>>();
  const server = SERVERS.find((s) => s.name === 'SyncEvolution')!;
  beforeAll(async () => {
    const handle = await server.start();
    let device = FIRST_DEVICE;
    const nextDevice = () => handle.deviceIds[device++]!;
    for (const push of ['versit', 'rfc'] as const) {
      await pushAll(
        handle,
        nextDevice(),
        push,
        serialiseAll([...items.map((i) => i.model), withChange], push),
      );
      for (const route of ROUTES.filter((r) => r.push === push))
        pulled.set(routeName(route), parseAll(await pullAll(handle, nextDevice(), route.pull)));
    }
  });
  return { items, pulled };
}

describe('formats through SyncEvolution’s server, field by field', () => {
  const { items, pulled } = setup();

  describe.each(ROUTES.map((r) => [routeName(r), r] as const))('%s', (name, route) => {
    it('gets every item back, readable and without warnings', () => {
      const { items: back, failures } = pulled.get(name)!;
      console.log(
        'WARN',
        name,
        back.flatMap((b) => b.warnings.map((w) => `${keyOf(b.model)}: ${w.code} ${w.message}`)),
      );
      expect(failures).toEqual([]);
      expect(back).toHaveLength(items.length + 1);
      expect(back.flatMap((b) => b.warnings.map((w) => `${keyOf(b.model)}: ${w.code}`))).toEqual(
        KNOWN_DIFFERENCES.warnings[name] ?? [],
      );
    });

    it.each(items.map((i) => [i.name, i] as const))('%s', (itemName, item) => {
      const pool = [...pulled.get(name)!.items];
      const match = takeMatch(pool, item, route);
      expect(match, `${itemName} came back`).toBeDefined();
      const expected = normaliseForServer(item.model, item.model, route);
      const actual = normaliseForServer(match!.model, item.model, route);
      const known = KNOWN_DIFFERENCES.fields[`${name} ${itemName}`] ?? [];
      const differing = differingFields(expected, actual);
      // Known differences are open findings (see the decision record); the rest must be equal.
      const unexpected = differing.filter((f) => !known.includes(f));
      expect(pick(actual, unexpected)).toEqual(pick(expected, unexpected));
      expect(
        known.filter((f) => !differing.includes(f)),
        'a known difference is gone: update the list',
      ).toEqual([]);
      // The first occurrences stay where they were, also where a series now runs longer.
      if (item.pinned) {
        expect(occurrencesOf(match!.model as CalendarEvent).slice(0, item.pinned.length)).toEqual(
          item.pinned,
        );
      }
    });

    it('a series with a changed occurrence comes back as one VEVENT: the occurrence replaced the series (server limit)', () => {
      const back = pulled
        .get(name)!
        .items.filter((b) => b.model.kind === 'event' && b.model.uid === CHANGED_OCCURRENCE_UID);
      expect(back).toHaveLength(1);
      const event = back[0]!.model as CalendarEvent;
      expect(event.subject).toBe('Team-Besprechung Vertrieb – Straßenbahn-Projekt (verschoben)');
      expect(event.exceptions.filter((x) => !x.cancelled)).toEqual([]);
    });
  });
});
