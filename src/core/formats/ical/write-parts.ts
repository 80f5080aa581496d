/** Writers for the parts events and tasks share: recurrence, people, extras, common text fields. */
import type { Attendee, CalendarEvent, FormatIssue, Recurrence } from '../../model/index.js';
import { seriesStartOf } from '../recurrence/index.js';
import { issue, prop, type CalProp, type CalendarVersion } from './cal-tree.js';
import { DIALECTS, ICAL20 } from './dialects.js';
import type { TimeValue, ZoneCollector } from './times.js';

export interface WriteContext {
  readonly version: CalendarVersion;
  readonly zones: ZoneCollector;
  readonly warnings: FormatIssue[];
}

export function newWriteContext(version: CalendarVersion): WriteContext {
  return { version, zones: { zones: new Map() }, warnings: [] };
}

/** A text property, left out when empty. */
export function textProps(name: string, value: string | undefined): CalProp[] {
  return value === undefined || value === '' ? [] : [prop(name, value)];
}

/**
 * RRULE for the dialect; a pattern 1.0 cannot express goes out as X-ICAL-RRULE (2.0 syntax) with
 * UNSUPPORTED_RECURRENCE. Without a recurrence, a verbatim rule kept from this dialect is re-emitted.
 */
export function ruleProps(
  recurrence: Recurrence | undefined,
  start: TimeValue,
  extra: Readonly<Record<string, string>>,
  ctx: WriteContext,
): CalProp[] {
  const dialect = DIALECTS[ctx.version];
  if (!recurrence) {
    const verbatim = extra[dialect.ownRuleExtraKey];
    return verbatim ? verbatim.split('\n').map((r) => prop('RRULE', r, 'recur')) : [];
  }
  const series = seriesStartOf(start);
  const text = dialect.formatRule(recurrence, series);
  if (text !== undefined) return [prop('RRULE', text, 'recur')];
  ctx.warnings.push(
    issue(
      'UNSUPPORTED_RECURRENCE',
      `vCalendar 1.0 cannot express ${recurrence.pattern.type}; sent as X-ICAL-RRULE`,
      { name: 'RRULE' },
    ),
  );
  return [prop('X-ICAL-RRULE', ICAL20.formatRule(recurrence, series)!)];
}

/** Extra properties back out, except this dialect's verbatim rule (written as RRULE). */
export function extraProps(extra: Readonly<Record<string, string>>, ctx: WriteContext): CalProp[] {
  const own = DIALECTS[ctx.version].ownRuleExtraKey;
  return Object.entries(extra)
    .filter(([name]) => name !== own && /^[A-Z0-9-]+$/i.test(name))
    .map(([name, value]) =>
      prop(name.toUpperCase(), value, name.toUpperCase() === 'PRIORITY' ? 'integer' : 'text'),
    );
}

const ROLE_2: Readonly<Record<Attendee['type'], string>> = {
  required: 'REQ-PARTICIPANT',
  optional: 'OPT-PARTICIPANT',
  resource: 'NON-PARTICIPANT',
};
const EXPECT_1: Readonly<Record<Attendee['type'], string>> = {
  required: 'REQUIRE',
  optional: 'REQUEST',
  resource: 'FYI',
};
const PARTSTAT: Readonly<Record<NonNullable<Attendee['response']>, string>> = {
  none: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
};

function address1(who: { email: string; name?: string }): string {
  return who.name ? `${who.name} <${who.email}>` : who.email;
}

/** ATTENDEE/ORGANIZER as data (we never send invitations; these are descriptive only). */
export function peopleProps(e: CalendarEvent, ctx: WriteContext): CalProp[] {
  const out: CalProp[] = [];
  const v2 = ctx.version === '2.0';
  if (e.organizer) {
    const params: Record<string, string> = v2
      ? e.organizer.name
        ? { CN: e.organizer.name }
        : {}
      : { ROLE: 'ORGANIZER' };
    out.push(
      prop(
        v2 ? 'ORGANIZER' : 'ATTENDEE',
        v2 ? `mailto:${e.organizer.email}` : address1(e.organizer),
        'cal-address',
        params,
      ),
    );
  }
  for (const a of e.attendees) {
    const params: Record<string, string> = {};
    if (v2) {
      if (a.name) params['CN'] = a.name;
      if (a.type === 'resource') params['CUTYPE'] = 'RESOURCE';
      params['ROLE'] = ROLE_2[a.type];
      if (a.response) params['PARTSTAT'] = PARTSTAT[a.response];
    } else {
      params['ROLE'] = 'ATTENDEE';
      params['EXPECT'] = EXPECT_1[a.type];
      if (a.response) params['STATUS'] = PARTSTAT[a.response].replace('-', ' ');
    }
    out.push(prop('ATTENDEE', v2 ? `mailto:${a.email}` : address1(a), 'cal-address', params));
  }
  return out;
}

export function categoriesProps(categories: readonly string[]): CalProp[] {
  return categories.length ? [prop('CATEGORIES', categories)] : [];
}

export function modifiedProps(modifiedAt: string | undefined): CalProp[] {
  return modifiedAt ? [prop('LAST-MODIFIED', modifiedAt, 'date-time')] : [];
}
