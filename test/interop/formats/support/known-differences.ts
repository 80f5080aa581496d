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
  // Both findings of decision 0130 are fixed (decisions 0150, 0151); none is open.
  fields: {},
  warnings: {
    // The server's lone VEVENT with RECURRENCE-ID (a changed occurrence that replaced its series).
    'pushed as rfc, pulled as rfc': [
      'event:Team-Besprechung Vertrieb – Straßenbahn-Projekt (verschoben): FIELD_NOT_REPRESENTABLE',
    ],
  },
};
