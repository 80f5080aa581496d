/**
 * Occurrences of a series as 'local|UTC' strings ('2025-03-27T09:00|08:00Z'), expanded by ical.js
 * from our iCalendar 2.0 output (with our VTIMEZONE). Comparing occurrences instead of the range
 * form lets COUNT and UNTIL (the server turns one into the other) compare as what they mean.
 */
import ICAL from 'ical.js';
import { serializeEvent, serializeTask } from '../../../../src/core/formats/index.js';
import type { CalendarEvent, Task } from '../../../../src/core/model/index.js';

/** Occurrences of a series without an end that are compared. */
const OPEN_SERIES_PREFIX = 12;
/** A bound for ended series, far above any fixture's length. */
const MAX_OCCURRENCES = 400;

export function occurrencesOf(item: CalendarEvent | Task): string[] {
  if (!item.recurrence) return [];
  const text = item.kind === 'event' ? serializeEvent(item, '2.0').text : serializeTask(item, '2.0').text;
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const name = item.kind === 'event' ? 'vevent' : 'vtodo';
  const master = calendar.getAllSubcomponents(name).find((c) => !c.hasProperty('recurrence-id'))!;
  const dtstart = master.getFirstPropertyValue('dtstart') as ICAL.Time;
  const expansion = new ICAL.RecurExpansion({ component: master, dtstart });
  const limit = item.recurrence.range.type === 'noEnd' ? OPEN_SERIES_PREFIX : MAX_OCCURRENCES;
  const out: string[] = [];
  for (let next = expansion.next(); next && out.length < limit; next = expansion.next()) {
    const utc = next.isDate
      ? ''
      : `|${next.convertToZone(ICAL.Timezone.utcTimezone).toString().slice(11, 16)}Z`;
    out.push(`${next.toString().slice(0, 16)}${utc}`);
  }
  return out;
}
