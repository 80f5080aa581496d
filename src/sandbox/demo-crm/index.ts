/**
 * The sandbox CRM's seed: the demo tables rendered as the CRM stores them (vCard 3.0 and
 * iCalendar 2.0 text, CRLF line ends), as a CRM export would look.
 */
import { DEMO_CRM_TASKS, DEMO_CRM_VIEWINGS, type DemoCrmTask, type DemoCrmViewing } from './agenda.js';
import { BERLIN_VTIMEZONE } from './berlin-vtimezone.js';
import { DEMO_CRM_PEOPLE, type DemoCrmPerson } from './people.js';

export { DEMO_CRM_PEOPLE, type DemoCrmPerson } from './people.js';
export { DEMO_CRM_TASKS, DEMO_CRM_VIEWINGS } from './agenda.js';

export interface DemoCrmItem {
  readonly datastore: 'addressbook' | 'calendar' | 'todo';
  readonly content: string;
  readonly contentType: 'text/vcard' | 'text/calendar';
}

/** Escapes a text value for vCard 3.0 / iCalendar 2.0. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without cutting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    if (bytes + size > 75) {
      out.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const joinLines = (lines: readonly string[]): string => lines.map(fold).join('\r\n') + '\r\n';

export function renderDemoContact(p: DemoCrmPerson): string {
  const fn = [p.prefix, p.given, p.family].filter((s) => s !== undefined).join(' ');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${escapeText(p.family)};${escapeText(p.given)};;${escapeText(p.prefix ?? '')};`,
    `FN:${escapeText(fn)}`,
  ];
  if (p.company !== undefined) lines.push(`ORG:${escapeText(p.company)}`);
  for (const phone of p.phones) lines.push(`TEL;TYPE=${phone.type}:${phone.number}`);
  for (const email of p.emails) lines.push(`EMAIL;TYPE=INTERNET:${email}`);
  if (p.street !== undefined || p.city !== undefined) {
    lines.push(
      `ADR;TYPE=HOME:;;${escapeText(p.street ?? '')};${escapeText(p.city ?? '')};;${p.postalCode ?? ''};Deutschland`,
    );
  }
  lines.push(`CATEGORIES:${escapeText(p.role)}`);
  if (p.note !== undefined) lines.push(`NOTE:${escapeText(p.note)}`);
  lines.push('END:VCARD');
  return joinLines(lines);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const basicDate = (d: Date): string =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const basicUtc = (d: Date): string =>
  `${basicDate(d)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

function addDays(day: Date, offset: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + offset));
}

/** Local wall-clock 'YYYYMMDDTHHmmss' for a day plus 'HH:mm' plus extra minutes. */
function localStamp(day: Date, hhmm: string, plusMinutes: number): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const t = new Date(day.getTime() + (h * 60 + m + plusMinutes) * 60_000);
  return `${basicDate(t)}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}00`;
}

export function renderDemoViewing(v: DemoCrmViewing, index: number, seededAt: Date): string {
  const plain = addDays(seededAt, v.dayOffset);
  // the weekly meeting's rule says Monday: its first occurrence must be one too
  const day = v.rrule?.includes('BYDAY=MO') ? addDays(plain, (8 - plain.getUTCDay()) % 7) : plain;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sandbox CRM//Demo//DE',
    ...BERLIN_VTIMEZONE,
    'BEGIN:VEVENT',
  ];
  lines.push(`UID:sandbox-crm-viewing-${index + 1}@crm.invalid`, `DTSTAMP:${basicUtc(seededAt)}`);
  lines.push(
    `DTSTART;TZID=Europe/Berlin:${localStamp(day, v.start, 0)}`,
    `DTEND;TZID=Europe/Berlin:${localStamp(day, v.start, v.minutes)}`,
  );
  lines.push(`SUMMARY:${escapeText(v.summary)}`, `LOCATION:${escapeText(v.location)}`);
  if (v.description !== undefined) lines.push(`DESCRIPTION:${escapeText(v.description)}`);
  if (v.rrule !== undefined) lines.push(`RRULE:${v.rrule}`);
  lines.push(`LAST-MODIFIED:${basicUtc(seededAt)}`, 'END:VEVENT', 'END:VCALENDAR');
  return joinLines(lines);
}

export function renderDemoTask(t: DemoCrmTask, index: number, seededAt: Date): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Sandbox CRM//Demo//DE', 'BEGIN:VTODO'];
  lines.push(`UID:sandbox-crm-task-${index + 1}@crm.invalid`, `DTSTAMP:${basicUtc(seededAt)}`);
  lines.push(
    `SUMMARY:${escapeText(t.summary)}`,
    `DUE;VALUE=DATE:${basicDate(addDays(seededAt, t.dueDayOffset))}`,
  );
  lines.push(`PRIORITY:${t.priority}`, `STATUS:${t.status}`);
  if (t.status === 'COMPLETED') lines.push(`COMPLETED:${basicUtc(seededAt)}`, 'PERCENT-COMPLETE:100');
  if (t.description !== undefined) lines.push(`DESCRIPTION:${escapeText(t.description)}`);
  lines.push(`LAST-MODIFIED:${basicUtc(seededAt)}`, 'END:VTODO', 'END:VCALENDAR');
  return joinLines(lines);
}

/** Every demo record, rendered for a CRM seeded at `seededAt`. */
export function demoCrmItems(seededAt: Date): DemoCrmItem[] {
  return [
    ...DEMO_CRM_PEOPLE.map((p) => ({
      datastore: 'addressbook' as const,
      content: renderDemoContact(p),
      contentType: 'text/vcard' as const,
    })),
    ...DEMO_CRM_VIEWINGS.map((v, i) => ({
      datastore: 'calendar' as const,
      content: renderDemoViewing(v, i, seededAt),
      contentType: 'text/calendar' as const,
    })),
    ...DEMO_CRM_TASKS.map((t, i) => ({
      datastore: 'todo' as const,
      content: renderDemoTask(t, i, seededAt),
      contentType: 'text/calendar' as const,
    })),
  ];
}
