/**
 * Field-by-field comparison of a model before and after a trip through SyncEvolution's server,
 * after the normalisations the server legitimately applies (each one is listed, with the reason,
 * in docs/decisions/0130-formats-against-syncevolution.md). Anything else that differs is ours.
 */
import { isoUtc, zonedLocalToEpoch } from '../../../../src/core/formats/timezone/index.js';
import type { Attendee, CalendarEvent, DateTimeValue, Task } from '../../../../src/core/model/index.js';
import type { FixtureModel } from './fixtures.js';
import { occurrencesOf } from './occurrences.js';
import type { Dialect } from './sessions.js';

/** How an item travelled: the dialect it was pushed in and the one it was pulled back in. */
export interface Route {
  readonly push: Dialect;
  readonly pull: Dialect;
}

type Plain = Record<string, unknown>;

const viaVcal10 = (route: Route) => route.push === 'versit' || route.pull === 'versit';

/** Reminders and other instants compared as UTC instants (2.0 writes an absolute alarm in UTC). */
function asInstant(value: DateTimeValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'utc') return value.iso;
  if (value.kind === 'zoned') return isoUtc(zonedLocalToEpoch(value.local, value.tz));
  return value.local;
}

/** The server answers every attendee with a participation status (NEEDS-ACTION when none). */
function attendeeAsServerKeepsIt(a: Attendee, route: Route): Attendee {
  const response = a.response ?? 'none';
  // vCal 1.0 as the engine writes and reads it has no EXPECT: every attendee is "required".
  return viaVcal10(route) ? { ...a, response, type: 'required' } : { ...a, response };
}

function normaliseCalendarItem(
  item: CalendarEvent | Task,
  out: Plain,
  route: Route,
  originalUid: string | undefined,
): void {
  // COUNT becomes UNTIL on the server: compare what the series means, its occurrences.
  if (item.recurrence) {
    const { range: _range, timeZone: _zone, ...pattern } = item.recurrence;
    out['recurrence'] = { ...pattern, occurrences: occurrencesOf(item) };
  }
  const title = item.kind === 'event' ? item.subject : item.title;
  // The engine drops a DESCRIPTION equal to the SUMMARY (old phones copied one into the other)
  // and trims trailing line breaks.
  if (item.body === title) delete out['body'];
  else if (item.body !== undefined) out['body'] = item.body.trimEnd();
  // It generates a UID for an item that had none.
  if (originalUid === undefined) delete out['uid'];
  if (item.kind === 'event') {
    out['attendees'] = item.attendees.map((a) => attendeeAsServerKeepsIt(a, route));
    // The engine keeps TRANSP only (no X-MICROSOFT-CDO-BUSYSTATUS): free stays free, any other
    // busy state comes back busy. Its vCal 1.0 codec carries no TRANSP at all.
    if (viaVcal10(route)) delete out['showAs'];
    else if (item.showAs !== undefined && item.showAs !== 'free') out['showAs'] = 'busy';
  } else {
    if (item.reminder) out['reminder'] = asInstant(item.reminder);
    // vCal 1.0 has no PERCENT-COMPLETE; the engine's todo store keeps no RRULE.
    if (viaVcal10(route)) delete out['percentComplete'];
    delete out['recurrence'];
  }
}

/**
 * The model as the server can give it back. `original` decides the stamps: the engine adds
 * REV/LAST-MODIFIED where an item had none.
 */
export function normaliseForServer(model: FixtureModel, original: FixtureModel, route: Route): Plain {
  const out: Plain = { ...model };
  // No X- property survives (none is in the server's CTCap), nor a vCard UID (quirk 11).
  delete out['extra'];
  if (original.modifiedAt === undefined) delete out['modifiedAt'];
  if (model.kind !== 'contact')
    normaliseCalendarItem(model, out, route, original.kind === 'contact' ? undefined : original.uid);
  const plain = JSON.parse(JSON.stringify(out)) as Plain;
  // vCal 1.0 carries offsets, not zone names: the server picks a zone with the same rules
  // (Europe/Zurich for our Europe/Berlin). Compare zoned times as wall clock plus instant.
  return route.push === 'versit' ? (withZonesAsOffsets(plain) as Plain) : plain;
}

function withZonesAsOffsets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withZonesAsOffsets);
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (v['kind'] === 'zoned' && typeof v['local'] === 'string' && typeof v['tz'] === 'string')
    return { local: v['local'], utc: isoUtc(zonedLocalToEpoch(v['local'], v['tz'])) };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withZonesAsOffsets(x)]));
}

/** Top-level fields whose values differ. */
export function differingFields(a: Plain, b: Plain): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** What identifies an item across the trip (vCard UIDs are dropped; some vCal items have none). */
export function keyOf(model: FixtureModel): string {
  if (model.kind === 'contact') return `contact:${model.displayName ?? JSON.stringify(model.name)}`;
  // The server generates UIDs for items without one, so calendar items go by their title.
  if (model.kind === 'event') return `event:${model.subject}`;
  return `task:${model.title}`;
}
