/**
 * CTCap: exactly the properties our neutral model stores (src/core/model), per content type and
 * per kind of datastore. A libsynthesis server clears on update every field a client claims to
 * store but leaves out, and keeps the ones the client does not declare (§0 rule 2), so this list
 * must never claim more than Outlook can hold and we send back.
 *
 * PHOTO is declared: a libsynthesis server sends no property a client leaves out, so without it no CRM
 * photo would reach Outlook. In return every contact we send carries its photo: we write it to Outlook and
 * read it back for the contacts we gave one (decision 0171). X- properties are not declared: the ones the
 * CRM sent ride in the Outlook contact's carry and go back as they came (decision 0170).
 */
import type { CTCapProperty } from './types.js';

export type DatastoreKind = 'contacts' | 'events' | 'tasks';

const p = (
  name: string,
  valEnums: readonly string[] = [],
  params: CTCapProperty['params'] = [],
): CTCapProperty => ({
  name,
  valEnums,
  params,
});
const typeParam = (...values: string[]) => [{ name: 'TYPE', valEnums: values }];

const VCARD_COMMON: readonly CTCapProperty[] = [
  p('N'),
  p('FN'),
  p('NICKNAME'),
  p('ORG'),
  p('TITLE'),
  p('TEL', [], typeParam('HOME', 'WORK', 'CELL', 'FAX', 'PAGER', 'VOICE', 'PREF')),
  p('EMAIL', [], typeParam('HOME', 'WORK', 'INTERNET', 'PREF')),
  p('ADR', [], typeParam('HOME', 'WORK')),
  p('URL'),
  p('BDAY'),
  p('NOTE'),
  p('CATEGORIES'),
  p('PHOTO', [], typeParam('JPEG', 'PNG', 'GIF')),
  p('UID'),
  p('REV'),
];

const ICAL_FRAME: readonly CTCapProperty[] = [
  p('BEGIN', ['VCALENDAR', 'VEVENT', 'VTODO', 'VALARM', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT']),
  p('END', ['VCALENDAR', 'VEVENT', 'VTODO', 'VALARM', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT']),
  p('TZID'),
  p('TZOFFSETFROM'),
  p('TZOFFSETTO'),
  p('UID'),
  p('SUMMARY'),
  p('DESCRIPTION'),
  p('CLASS', ['PUBLIC', 'PRIVATE', 'CONFIDENTIAL']),
  p('CATEGORIES'),
  p('DTSTART'),
  p('RRULE'),
  p('LAST-MODIFIED'),
];

const EVENT_PROPS: readonly CTCapProperty[] = [
  p('DTEND'),
  p('LOCATION'),
  p('EXDATE'),
  p('RECURRENCE-ID'),
  p('TRANSP', ['OPAQUE', 'TRANSPARENT']),
  p('ATTENDEE'),
  p('ORGANIZER'),
  p('TRIGGER'),
  p('ACTION'),
];

const TASK_PROPS: readonly CTCapProperty[] = [
  p('DUE'),
  p('STATUS', ['NEEDS-ACTION', 'IN-PROCESS', 'COMPLETED', 'CANCELLED']),
  p('PRIORITY'),
  p('PERCENT-COMPLETE'),
  p('COMPLETED'),
  p('TRIGGER'),
  p('ACTION'),
];

/** vCalendar 1.0 names where they differ (alarms, event end). */
const VCAL10_EVENT: readonly CTCapProperty[] = [
  p('DTEND'),
  p('LOCATION'),
  p('EXDATE'),
  p('TRANSP'),
  p('ATTENDEE'),
  p('AALARM'),
  p('DALARM'),
];
const VCAL10_TASK: readonly CTCapProperty[] = [
  p('DUE'),
  p('STATUS'),
  p('PRIORITY'),
  p('COMPLETED'),
  p('AALARM'),
  p('DALARM'),
];

export function ctCapProperties(
  kind: DatastoreKind,
  ctType: string,
  verCT: string,
): readonly CTCapProperty[] {
  if (kind === 'contacts') {
    return [p('BEGIN', ['VCARD']), p('END', ['VCARD']), p('VERSION', [verCT]), ...VCARD_COMMON];
  }
  const v10 = ctType === 'text/x-vcalendar';
  const frame = v10
    ? [
        p('BEGIN', ['VCALENDAR', 'VEVENT', 'VTODO']),
        p('END', ['VCALENDAR', 'VEVENT', 'VTODO']),
        p('VERSION', ['1.0']),
        p('TZ'),
        p('DAYLIGHT'),
        ...ICAL_FRAME.slice(5),
      ]
    : [...ICAL_FRAME.slice(0, 2), p('VERSION', ['2.0']), ...ICAL_FRAME.slice(2)];
  if (kind === 'events') return [...frame, ...(v10 ? VCAL10_EVENT : EVENT_PROPS)];
  return [...frame, ...(v10 ? VCAL10_TASK : TASK_PROPS)];
}
