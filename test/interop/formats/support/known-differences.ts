/**
 * Differences between what we sent and what came back that are NOT legitimate server
 * normalisations: open findings, each explained in docs/decisions/0130-formats-against-syncevolution.md.
 * The test fails when one disappears, so a fix shows up and the entry goes.
 */
import type { Route } from './compare.js';

export const routeName = (r: Route) => `pushed as ${r.push}, pulled as ${r.pull}`;

export const KNOWN_DIFFERENCES: {
  /** `${routeName} ${item name}` → top-level model fields that differ. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** routeName → `${key}: ${code}` of parse warnings on pulled items. */
  readonly warnings: Readonly<Record<string, readonly string[]>>;
} = {
  fields: {
    // Finding 1: vCal 1.0 `W1 MO TU #10` — the engine (like the vCal 1.0 spec) counts #n in
    // weeks when a weekly rule has several days; we write and read it as occurrences.
    'pushed as versit, pulled as versit ical/outlook-weekly-dst.ics': ['recurrence'],
    'pushed as versit, pulled as versit vcal/nokia-weekly-qp-latin1.vcs': ['recurrence'],
    'pushed as versit, pulled as versit DST series: weekly Mon+Thu, numbered': ['recurrence'],
    'pushed as versit, pulled as rfc ical/outlook-weekly-dst.ics': ['recurrence'],
    'pushed as versit, pulled as rfc vcal/nokia-weekly-qp-latin1.vcs': ['recurrence'],
    'pushed as versit, pulled as rfc DST series: weekly Mon+Thu, numbered': ['recurrence'],
    // Finding 2: a date-only DUE goes out as floating midnight next to TZ/DAYLIGHT (written for
    // the task's zoned reminder); the engine reads it as midnight in that zone, stores the UTC
    // day before, and gives back the previous day.
    'pushed as versit, pulled as versit vcal/todo-nokia.vcs': ['due'],
    'pushed as versit, pulled as rfc vcal/todo-nokia.vcs': ['due'],
  },
  warnings: {
    // The server's lone VEVENT with RECURRENCE-ID (a changed occurrence that replaced its series).
    'pushed as rfc, pulled as rfc': [
      'event:Team-Besprechung Vertrieb – Straßenbahn-Projekt (verschoben): FIELD_NOT_REPRESENTABLE',
    ],
  },
};
