/** Shared helpers for the calendar fixture suites (iCalendar 2.0 and vCalendar 1.0). */
import { readdirSync, readFileSync } from 'node:fs';
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
