/**
 * The range end. Graph's `endDate` is the last day on which an occurrence may fall, in the series'
 * zone; RRULE UNTIL (2.0) and the vCal 1.0 end date are instants (or dates). Converting through the
 * series zone is what keeps the last occurrence when a series crosses a DST change or the zone is
 * far from UTC.
 */
import { dateOnly, type DateOnly } from '../../model/index.js';
import {
  compactDate,
  compactLocal,
  epochToZonedLocal,
  isoUtc,
  parseCompactDate,
  parseCompactDateTime,
  utcIsoToMs,
  zonedLocalToEpoch,
} from '../timezone/index.js';
import type { SeriesStart } from './tables.js';

/** iCalendar 2.0 UNTIL for a last day: end of that day in the series' own time form. */
export function untilForIcal(endDate: DateOnly, start: SeriesStart): string {
  const endOfDay = `${endDate}T23:59:59`;
  if (start.zone === 'date') return compactDate(endDate);
  if (start.zone === 'floating') return compactLocal(endOfDay);
  if (start.zone === 'utc') return `${compactLocal(endOfDay)}Z`;
  return compactLocal(isoUtc(zonedLocalToEpoch(endOfDay, start.zone.tz)));
}

/**
 * vCalendar 1.0 end date: the start time of the last possible occurrence, in UTC where the series
 * has a zone (what Synthesis and Funambol write), floating otherwise.
 */
export function untilForVcal(endDate: DateOnly, start: SeriesStart): string {
  const last = `${endDate}T${start.time ?? '00:00:00'}`;
  if (start.zone === 'date' || start.zone === 'floating') return compactLocal(last);
  if (start.zone === 'utc') return `${compactLocal(last)}Z`;
  return compactLocal(isoUtc(zonedLocalToEpoch(last, start.zone.tz)));
}

/** The last day (in the series zone) that an UNTIL / vCal end value allows; undefined if not a date. */
export function endDateFromUntil(text: string, start: SeriesStart): DateOnly | undefined {
  const date = parseCompactDate(text);
  if (date) return date;
  const dt = parseCompactDateTime(text);
  if (!dt) return undefined;
  if (!dt.utc || typeof start.zone !== 'object') return dateOnly(dt.local.slice(0, 10));
  const zoned = epochToZonedLocal(utcIsoToMs(dt.local), start.zone.tz);
  // Producers that mean "until this day" often write UTC midnight; read that as the day itself
  // unless it is an occurrence's own instant (the series' time of day in its zone, as we and the
  // Synthesis engine write the last occurrence; after a DST change that can fall on UTC midnight
  // even when the first occurrence does not).
  const isOccurrenceInstant = start.time !== undefined && zoned.slice(11, 19) === start.time;
  if (dt.local.endsWith('T00:00:00') && !isOccurrenceInstant) return dateOnly(dt.local.slice(0, 10));
  return dateOnly(zoned.slice(0, 10));
}
