/** Shared helpers for the calendar fixture suites (iCalendar 2.0 and vCalendar 1.0). */
import { readdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseCalendarItem,
  serializeEvent,
  serializeTask,
  type CalendarVersion,
  type SerializedItem,
} from '../../../../src/core/formats/index.js';
import type { CalendarEvent, DateTimeValue, Task } from '../../../../src/core/model/index.js';
import { isoUtc, zonedLocalToEpoch } from '../../../../src/core/formats/timezone/index.js';

export const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

export interface CalendarFixture {
  readonly name: string;
  readonly text: string;
  readonly expected: unknown;
}

export function loadCalendarFixtures(dir: 'ical' | 'vcal'): CalendarFixture[] {
  const base = join(fixturesRoot, dir);
  return readdirSync(base)
    .filter((f) => /\.(ics|vcs)$/.test(f))
    .map((f) => ({
      name: f,
      text: readFileSync(join(base, f), 'utf8'),
      expected: JSON.parse(readFileSync(join(base, f.replace(/\.(ics|vcs)$/, '.expected.json')), 'utf8')),
    }));
}

export function serializeItem(item: CalendarEvent | Task, version: CalendarVersion): SerializedItem {
  return item.kind === 'event' ? serializeEvent(item, version) : serializeTask(item, version);
}

/** serialise → parse; throws when the output does not parse (that is a test failure). */
export function roundTrip(item: CalendarEvent | Task, version: CalendarVersion): CalendarEvent | Task {
  const back = parseCalendarItem(serializeItem(item, version).text);
  if (!back.ok) throw new Error(`round trip (${version}) failed: ${back.error.code} ${back.error.message}`);
  return back.value;
}

/**
 * iCalendar 2.0 writes an absolute alarm in UTC (RFC 5545 §3.8.6.3), so a task reminder held in a
 * zone comes back as the same instant in UTC: compare reminders as instants.
 */
export function withReminderAsInstant<T extends CalendarEvent | Task>(item: T): T {
  if (item.kind !== 'task' || !item.reminder) return item;
  const r: DateTimeValue = item.reminder;
  const iso =
    r.kind === 'utc' ? r.iso : r.kind === 'zoned' ? isoUtc(zonedLocalToEpoch(r.local, r.tz)) : undefined;
  return iso ? { ...item, reminder: { kind: 'utc', iso } } : item;
}

/** Far above any count or end date the tests generate; a bound so a bad rule cannot loop. */
const MAX_OCCURRENCES = 2000;

/**
 * The occurrences of an ended series (numbered or end date) as local date-times, expanded by
 * ical.js from our iCalendar 2.0 output with the exceptions left out: what the range means.
 */
export function occurrencesOfRange(item: CalendarEvent | Task): string[] {
  const series = item.kind === 'event' ? { ...item, exceptions: [] } : item;
  const calendar = new ICAL.Component(ICAL.parse(serializeItem(series, '2.0').text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const master = calendar.getFirstSubcomponent(item.kind === 'event' ? 'vevent' : 'vtodo')!;
  const dtstart = (master.getFirstPropertyValue('dtstart') ??
    master.getFirstPropertyValue('due')) as ICAL.Time;
  const expansion = new ICAL.RecurExpansion({ component: master, dtstart });
  const out: string[] = [];
  for (let next = expansion.next(); next && out.length < MAX_OCCURRENCES; next = expansion.next())
    out.push(next.toString());
  return out;
}

/**
 * The item with an ended range (numbered or end date) replaced by its occurrences. vCalendar 1.0
 * writes the count of a weekly rule on several days as the last occurrence's date (decision 0150),
 * so a numbered series comes back as the equivalent end-date series: compare what both mean.
 */
export function withRangeAsOccurrences(item: CalendarEvent | Task): Record<string, unknown> {
  const r = item.recurrence;
  if (!r || r.range.type === 'noEnd') return { ...item };
  const { range: _range, ...rest } = r;
  return { ...item, recurrence: { ...rest, occurrences: occurrencesOfRange(item) } };
}
