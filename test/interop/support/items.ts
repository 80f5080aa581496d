/** Generated items per datastore kind, and field reading for checks that compare fields, not bytes. */
import type { DatastoreKind } from '../servers.js';
import type { ItemContentType } from '../../../src/core/syncml/index.js';

export const CONTENT_TYPE: Readonly<Record<DatastoreKind, ItemContentType>> = {
  contacts: 'text/vcard',
  events: 'text/calendar',
  tasks: 'text/calendar',
};

export const LOCAL_URI: Readonly<Record<DatastoreKind, string>> = {
  contacts: './contacts',
  events: './calendar',
  tasks: './tasks',
};

/** An item whose key field (FN or SUMMARY) is `key`; `detail` goes into a second field we compare. */
export function makeItem(kind: DatastoreKind, key: string, detail = 'v1', note?: string): string {
  const noteLine = note === undefined ? '' : `${kind === 'contacts' ? 'NOTE' : 'DESCRIPTION'}:${note}\r\n`;
  // Tasks carry the detail in DESCRIPTION (LOCATION is not a task field we store); the note follows it.
  if (kind === 'contacts') {
    const [given, family] = key.split(' ');
    return `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${family ?? key};${given ?? ''};;;\r\nFN:${key}\r\nTEL;TYPE=WORK:+49 30 ${detailNumber(detail)}\r\n${noteLine}END:VCARD\r\n`;
  }
  const uid = `${key.replace(/\W/g, '-')}@it.example`;
  if (kind === 'events') {
    return (
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//it//EN\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260101T000000Z\r\n` +
      `DTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\nSUMMARY:${key}\r\nLOCATION:${detail}\r\n${noteLine}END:VEVENT\r\nEND:VCALENDAR\r\n`
    );
  }
  return (
    `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//it//EN\r\nBEGIN:VTODO\r\nUID:${uid}\r\nDTSTAMP:20260101T000000Z\r\n` +
    `SUMMARY:${key}\r\nDUE;VALUE=DATE:20261215\r\nPRIORITY:5\r\nDESCRIPTION:${detail}${note === undefined ? '' : ` ${note}`}\r\nEND:VTODO\r\nEND:VCALENDAR\r\n`
  );
}

function detailNumber(detail: string): string {
  let n = 0;
  for (const ch of detail) n = (n * 31 + ch.charCodeAt(0)) % 1_000_000;
  return String(100000 + n);
}

/** Unfolded properties: NAME → values (parameters dropped). */
export function fieldsOf(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
    out.set(name, [...(out.get(name) ?? []), line.slice(colon + 1)]);
  }
  return out;
}

export function keyOf(kind: DatastoreKind, text: string): string {
  return fieldsOf(text).get(kind === 'contacts' ? 'FN' : 'SUMMARY')?.[0] ?? '';
}

/** The compared detail: phone for contacts, LOCATION for events, first word of DESCRIPTION for tasks. */
export function detailOf(kind: DatastoreKind, text: string): string {
  const f = fieldsOf(text);
  if (kind === 'contacts') return f.get('TEL')?.[0] ?? '';
  if (kind === 'events') return f.get('LOCATION')?.[0] ?? '';
  return (f.get('DESCRIPTION')?.[0] ?? '').split(' ')[0] ?? '';
}

/** The long note of a large item (NOTE / DESCRIPTION, for tasks after the detail). */
export function noteOf(kind: DatastoreKind, text: string): string {
  const f = fieldsOf(text);
  const raw = f.get(kind === 'contacts' ? 'NOTE' : 'DESCRIPTION')?.[0] ?? '';
  return kind === 'tasks' ? raw.split(' ').slice(1).join(' ') : raw;
}

export function expectedDetail(kind: DatastoreKind, detail: string): string {
  return kind === 'contacts' ? `+49 30 ${detailNumber(detail)}` : detail;
}
