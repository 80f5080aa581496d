/**
 * The main fields the CRM page shows and edits, read from and written into stored vCard 3.0 /
 * iCalendar 2.0 text. Editing replaces only the lines of those fields; every other property a
 * client sent (photos, alarms, recurrence, custom X- lines) stays untouched.
 */
import { CrmError } from '../errors.js';
import type { Datastore } from '../datastores.js';
import { parseContentLine } from '../../../core/formats/text/content-line.js';
import { unfoldLines } from '../../../core/formats/text/unfold.js';
import { BERLIN_VTIMEZONE } from '../../../sandbox/demo-crm/berlin-vtimezone.js';
import { componentProperties, escapeText, firstText, foldLine } from './properties.js';

export const FIELD_NAMES = {
  addressbook: ['prefix', 'given', 'family', 'company', 'phone', 'email', 'note'],
  calendar: ['summary', 'start', 'end', 'location', 'description'],
  todo: ['summary', 'due', 'status', 'priority', 'description'],
} as const satisfies Record<Datastore, readonly string[]>;

export type RecordFields = Readonly<Record<string, string>>;

const COMPONENT: Readonly<Record<Datastore, string>> = {
  addressbook: 'VCARD',
  calendar: 'VEVENT',
  todo: 'VTODO',
};
const TIME_ZONE = 'Europe/Berlin';
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TODO_STATUS = new Set(['NEEDS-ACTION', 'IN-PROCESS', 'COMPLETED', 'CANCELLED']);

/** 'YYYYMMDDTHHmmss[Z]' → 'YYYY-MM-DDTHH:mm' in Europe/Berlin (UTC values converted). */
function displayDateTime(value: string | undefined): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value ?? '');
  if (m === null) return '';
  const [, y, mo, d, h = '00', mi = '00', , z] = m;
  if (z !== 'Z') return `${y}-${mo}-${d}T${h}:${mi}`;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi)))
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

export function readFields(datastore: Datastore, content: string): RecordFields {
  const props = componentProperties(content, COMPONENT[datastore]);
  const t = (name: string) => firstText(props, name) ?? '';
  if (datastore === 'addressbook') {
    const [family = '', given = '', , prefix = ''] = (props.find((p) => p.name === 'N')?.line.rawValue ?? '')
      .split(';')
      .map((s) => s.replace(/\\(.)/g, '$1'));
    return {
      prefix,
      given,
      family,
      company: t('ORG').split(';')[0] ?? '',
      phone: t('TEL'),
      email: t('EMAIL'),
      note: t('NOTE'),
    };
  }
  if (datastore === 'calendar') {
    return {
      summary: t('SUMMARY'),
      start: displayDateTime(t('DTSTART')),
      end: displayDateTime(t('DTEND')),
      location: t('LOCATION'),
      description: t('DESCRIPTION'),
    };
  }
  const due = t('DUE');
  return {
    summary: t('SUMMARY'),
    due: due.length >= 8 ? `${due.slice(0, 4)}-${due.slice(4, 6)}-${due.slice(6, 8)}` : '',
    status: t('STATUS'),
    priority: t('PRIORITY'),
    description: t('DESCRIPTION'),
  };
}

/** Checks the fields a person typed; INVALID_RECORD says which one. */
function validate(datastore: Datastore, f: RecordFields): void {
  const bad = (field: string) =>
    new CrmError('INVALID_RECORD', `invalid value for ${field}`, { datastore, field });
  for (const name of Object.keys(f))
    if (!(FIELD_NAMES[datastore] as readonly string[]).includes(name)) throw bad(name);
  if (datastore === 'addressbook' && !(f['given'] || f['family'] || f['company'])) throw bad('family');
  if (datastore !== 'addressbook' && !f['summary']) throw bad('summary');
  if (datastore === 'calendar') {
    if (!LOCAL_RE.test(f['start'] ?? '')) throw bad('start');
    if (!LOCAL_RE.test(f['end'] ?? '') || (f['end'] ?? '') < (f['start'] ?? '')) throw bad('end');
  }
  if (datastore === 'todo') {
    if (f['due'] && !DATE_RE.test(f['due'])) throw bad('due');
    if (f['status'] && !TODO_STATUS.has(f['status'])) throw bad('status');
    if (f['priority'] && !/^[0-9]$/.test(f['priority'])) throw bad('priority');
  }
}

const basic = (local: string): string => local.replace(/[-:]/g, '') + '00';

/** The property lines the fields stand for (name → full unfolded lines; empty = remove). */
function fieldLines(datastore: Datastore, f: RecordFields): Map<string, string[]> {
  const v = (name: string) => (f[name] ?? '').trim();
  const line = (name: string, value: string, raw = false) =>
    value === '' ? [] : [`${name}:${raw ? value : escapeText(value)}`];
  if (datastore === 'addressbook') {
    const fn = [v('prefix'), v('given'), v('family')].filter((s) => s !== '').join(' ') || v('company');
    return new Map([
      ['N', [`N:${escapeText(v('family'))};${escapeText(v('given'))};;${escapeText(v('prefix'))};`]],
      ['FN', [`FN:${escapeText(fn)}`]],
      ['ORG', line('ORG', v('company'))],
      ['TEL', v('phone') === '' ? [] : [`TEL;TYPE=CELL:${v('phone')}`]],
      ['EMAIL', v('email') === '' ? [] : [`EMAIL;TYPE=INTERNET:${v('email')}`]],
      ['NOTE', line('NOTE', v('note'))],
    ]);
  }
  if (datastore === 'calendar') {
    return new Map([
      ['SUMMARY', line('SUMMARY', v('summary'))],
      ['DTSTART', [`DTSTART;TZID=${TIME_ZONE}:${basic(v('start'))}`]],
      ['DTEND', [`DTEND;TZID=${TIME_ZONE}:${basic(v('end'))}`]],
      ['LOCATION', line('LOCATION', v('location'))],
      ['DESCRIPTION', line('DESCRIPTION', v('description'))],
    ]);
  }
  return new Map([
    ['SUMMARY', line('SUMMARY', v('summary'))],
    ['DUE', v('due') === '' ? [] : [`DUE;VALUE=DATE:${v('due').replace(/-/g, '')}`]],
    ['STATUS', line('STATUS', v('status'), true)],
    ['PRIORITY', line('PRIORITY', v('priority'), true)],
    ['DESCRIPTION', line('DESCRIPTION', v('description'))],
  ]);
}

const utcStamp = (now: Date): string =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function template(datastore: Datastore, now: Date): string[] {
  if (datastore === 'addressbook') return ['BEGIN:VCARD', 'VERSION:3.0', 'END:VCARD'];
  const component = COMPONENT[datastore];
  const uid = `crm-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}@crm.invalid`;
  const zone = datastore === 'calendar' ? BERLIN_VTIMEZONE : [];
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sandbox CRM//Web//DE',
    ...zone,
    `BEGIN:${component}`,
    `UID:${uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `END:${component}`,
    'END:VCALENDAR',
  ];
}

/**
 * A record's text with the page's fields written in: a new record from a template when
 * `existing` is undefined. Throws INVALID_RECORD (with the field) for bad input.
 */
export function applyFields(
  datastore: Datastore,
  existing: string | undefined,
  fields: RecordFields,
  now: Date,
): string {
  validate(datastore, fields);
  const replacements = fieldLines(datastore, fields);
  replacements.set(datastore === 'addressbook' ? 'REV' : 'LAST-MODIFIED', [
    `${datastore === 'addressbook' ? 'REV' : 'LAST-MODIFIED'}:${utcStamp(now)}`,
  ]);
  const source =
    existing === undefined ? template(datastore, now) : unfoldLines(existing, 'rfc').lines.map((l) => l.text);
  const component = COMPONENT[datastore];
  const out: string[] = [];
  let inside = false;
  let depth = 0;
  for (const text of source) {
    const parsed = parseContentLine({ text, line: 0 });
    const name = parsed.ok ? parsed.value.name : '';
    const value = parsed.ok ? parsed.value.rawValue.toUpperCase() : '';
    if (name === 'BEGIN' && inside) depth++;
    if (name === 'BEGIN' && !inside && value === component) inside = true;
    if (name === 'END' && inside && depth === 0 && value === component) {
      for (const lines of replacements.values()) out.push(...lines);
      replacements.clear();
      inside = false;
    } else if (name === 'END' && inside) depth--;
    const pending = inside && depth === 0 ? replacements.get(name) : undefined;
    if (pending !== undefined) {
      out.push(...pending);
      replacements.delete(name);
      continue;
    }
    out.push(text);
  }
  return out.map(foldLine).join('\r\n') + '\r\n';
}
