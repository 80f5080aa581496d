/**
 * Changing one occurrence of a series: a PATCH makes it an exception, a DELETE cancels it.
 * Both are stored on the series master, as Outlook does.
 */
import { badRequest, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { findOccurrence, OCCURRENCE_WRITABLE, readDateTime, type Occurrence } from './events.js';
import type { MailboxStore } from './mailbox-store.js';
import { splitItemBody } from './schema.js';
import { isoUtc, toUtcMs, type DateTimeTimeZone } from './time.js';
import type { StoredItem } from './types.js';

export function getOccurrence(master: StoredItem, key: string): Occurrence {
  const occurrence = master.fields.recurrence ? findOccurrence(master, key) : undefined;
  if (!occurrence) throw notFound('occurrence', `${master.immutableId}/${key}`);
  return occurrence;
}

export function updateOccurrence(
  store: MailboxStore,
  master: StoredItem,
  key: string,
  body: unknown,
): Occurrence {
  const current = getOccurrence(master, key);
  const { fields, navigation } = splitItemBody('event', body);
  if (Object.keys(navigation).length > 0) {
    throw badRequest(
      'ErrorInvalidRequest',
      'Extended properties and extensions belong to the series master.',
      { key },
    );
  }
  for (const field of Object.keys(fields)) {
    if (!OCCURRENCE_WRITABLE.has(field)) {
      throw badRequest('ErrorInvalidRequest', `'${field}' cannot be changed on a single occurrence.`, {
        key,
        property: field,
      });
    }
  }
  for (const field of ['start', 'end'] as const) {
    if (fields[field] !== undefined) fields[field] = readDateTime(fields[field], field);
  }
  const previous = master.occurrenceOverrides[key]?.fields ?? {};
  const merged = { ...previous, ...fields };
  const startMs = merged.start ? toUtcMs(merged.start as DateTimeTimeZone, 'start') : current.startMs;
  const endMs = merged.end ? toUtcMs(merged.end as DateTimeTimeZone, 'end') : current.endMs;
  if (endMs < startMs) {
    throw badRequest(
      'ErrorCalendarEndDateIsEarlierThanStartDate',
      'The end date must be on or after the start date.',
      {
        key,
      },
    );
  }
  // touch() takes the next sequence number and notifies listeners, so the override goes in first.
  master.occurrenceOverrides[key] = {
    fields: merged,
    seq: store.seq + 1,
    changeKey: newId('changeKey'),
    lastModifiedDateTime: isoUtc(store.clock.now()),
  };
  store.touch(master, false);
  return getOccurrence(master, key);
}

export function cancelOccurrence(store: MailboxStore, master: StoredItem, key: string): void {
  getOccurrence(master, key);
  master.cancelledOccurrences.push(key);
  delete master.occurrenceOverrides[key];
  store.touch(master, false);
}
