/** Per-kind rules applied to an item's merged fields on every write (POST and PATCH). */
import { normalizeEventFields } from './events.js';
import { validateContactFields, validateTaskFields } from './schema.js';
import type { ItemKind, JsonObject } from './types.js';

export function validateItemFields(kind: ItemKind, merged: JsonObject, creating: boolean): JsonObject {
  if (kind === 'contact') {
    validateContactFields(merged);
    return merged;
  }
  if (kind === 'event') return normalizeEventFields(merged);
  validateTaskFields(merged, creating);
  return merged;
}

const SERIES_TIMING = ['start', 'end', 'recurrence', 'isAllDay'] as const;

/**
 * Whether a PATCH really changed a series' times or pattern (which, as in Outlook, discards its
 * exceptions). A sync engine re-sending unchanged times must not wipe them.
 */
export function seriesTimingChanged(before: JsonObject, after: JsonObject): boolean {
  return SERIES_TIMING.some(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
}
