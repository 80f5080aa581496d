/** Readers for the parts events and tasks share: text, categories, class, extras, people, recurrence. */
import type { Attendee, FormatIssue, Recurrence, Sensitivity } from '../../model/index.js';
import { seriesStartOf } from '../recurrence/index.js';
import { allProps, firstProp, firstValue, issue, ItemError, type CalComp, type CalProp } from './cal-tree.js';
import { CLASS_TO_SENSITIVITY, DIALECTS, type CalendarDialect } from './dialects.js';
import type { TimeValue } from './times.js';

/** Properties that carry nothing worth keeping (they change on every write or describe the file). */
const IGNORED = new Set([
  'DTSTAMP',
  'PRODID',
  'SEQUENCE',
  'CREATED',
  'VERSION',
  'X-LIC-LOCATION',
  'X-WR-CALNAME',
]);
/** Standard properties we have no model field for but keep verbatim in `extra`. */
const KEPT_STANDARD = new Set([
  'URL',
  'RESOURCES',
  'COMMENT',
  'CONTACT',
  'STATUS',
  'PRIORITY',
  'EXRULE',
  'RDATE',
]);

export function textOf(comp: CalComp, name: string): string | undefined {
  const value = firstValue(comp, name);
  return value === undefined || value === '' ? undefined : value;
}

export function categoriesOf(comp: CalComp): string[] {
  return allProps(comp, 'CATEGORIES')
    .flatMap((p) => p.values)
    .flatMap((v) => v.split(/[;,]/))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function sensitivityOf(comp: CalComp): Sensitivity {
  return CLASS_TO_SENSITIVITY[(firstValue(comp, 'CLASS') ?? '').toUpperCase()] ?? 'normal';
}

/** UTC instant 'YYYY-MM-DDTHH:mm:ssZ' of a LAST-MODIFIED / COMPLETED value, if well formed. */
export function utcInstantOf(value: string | undefined): string | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})Z?$/.exec(value ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : undefined;
}

/** Unmapped X- and kept standard properties → extra (first occurrence wins; repeats are reported). */
export function extrasOf(
  comp: CalComp,
  consumed: ReadonlySet<string>,
  issues: FormatIssue[],
): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const p of comp.props) {
    if (consumed.has(p.name) || IGNORED.has(p.name)) continue;
    if (!p.name.startsWith('X-') && !KEPT_STANDARD.has(p.name)) continue;
    if (p.name in extra) {
      issues.push(issue('FIELD_NOT_REPRESENTABLE', `repeated ${p.name}: only the first is kept`, p));
      continue;
    }
    extra[p.name] = p.values.join(',');
    if (p.name === 'EXRULE' || p.name === 'RDATE') {
      issues.push(issue('UNSUPPORTED_RECURRENCE', `${p.name} has no Outlook equivalent; kept verbatim`, p));
    }
  }
  return extra;
}

function emailOf(value: string): { email: string; name?: string } {
  const angle = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  if (angle) {
    const name = angle[1]!.trim();
    return name
      ? { email: angle[2]!.replace(/^mailto:/i, ''), name }
      : { email: angle[2]!.replace(/^mailto:/i, '') };
  }
  return { email: value.trim().replace(/^mailto:/i, '') };
}

const RESPONSE: Readonly<Record<string, Attendee['response']>> = {
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  'NEEDS-ACTION': 'none',
  'NEEDS ACTION': 'none',
};

function attendeeType(p: CalProp): Attendee['type'] {
  if ((p.params['CUTYPE'] ?? '').toUpperCase() === 'RESOURCE') return 'resource';
  const role = (p.params['ROLE'] ?? '').toUpperCase();
  const expect = (p.params['EXPECT'] ?? '').toUpperCase();
  if (role === 'OPT-PARTICIPANT' || expect === 'REQUEST') return 'optional';
  if (role === 'NON-PARTICIPANT' || expect === 'FYI') return 'resource';
  return 'required';
}

/** ATTENDEE/ORGANIZER (2.0: CN + mailto; 1.0: "Name <mail>" and ROLE=ORGANIZER). */
export function peopleOf(comp: CalComp): {
  attendees: Attendee[];
  organizer?: { email: string; name?: string };
} {
  const attendees: Attendee[] = [];
  let organizer: { email: string; name?: string } | undefined;
  const orgProp = firstProp(comp, 'ORGANIZER');
  if (orgProp?.values[0]) organizer = withCn(emailOf(orgProp.values[0]), orgProp);
  for (const p of allProps(comp, 'ATTENDEE')) {
    if (!p.values[0]) continue;
    const who = withCn(emailOf(p.values[0]), p);
    if ((p.params['ROLE'] ?? '').toUpperCase() === 'ORGANIZER') {
      organizer ??= who;
      continue;
    }
    const response = RESPONSE[(p.params['PARTSTAT'] ?? p.params['STATUS'] ?? '').toUpperCase()];
    attendees.push({ ...who, type: attendeeType(p), ...(response ? { response } : {}) });
  }
  return organizer ? { attendees, organizer } : { attendees };
}

function withCn(who: { email: string; name?: string }, p: CalProp): { email: string; name?: string } {
  const cn = p.params['CN'];
  return cn ? { email: who.email, name: cn } : who;
}

/**
 * The item's recurrence. An own-dialect RRULE that Graph cannot hold is kept verbatim under the
 * dialect's extra key with UNSUPPORTED_RECURRENCE; one that parses to nothing fails the item with
 * INVALID_RRULE. The other dialect's rule (X-ICAL-RRULE in 1.0, X-VCAL-RRULE in 2.0) is used when
 * there is no own rule.
 */
export function recurrenceOf(
  comp: CalComp,
  dialect: CalendarDialect,
  start: TimeValue,
  extra: Record<string, string>,
  issues: FormatIssue[],
): Recurrence | undefined {
  const rules = allProps(comp, 'RRULE').filter((p) => (p.values[0] ?? '').trim() !== '');
  const series = seriesStartOf(start);
  if (rules.length > 1) {
    extra[dialect.ownRuleExtraKey] = rules.map((r) => r.values[0]).join('\n');
    issues.push(issue('UNSUPPORTED_RECURRENCE', 'several RRULEs; kept verbatim', rules[1]));
    return undefined;
  }
  const own = rules[0];
  if (own) {
    const parsed = dialect.parseRule(own.values[0]!, series);
    if (parsed.ok) return parsed.recurrence;
    if (parsed.code === 'INVALID_RRULE') throw new ItemError(issue('INVALID_RRULE', parsed.reason, own));
    extra[dialect.ownRuleExtraKey] = own.values[0]!;
    issues.push(issue('UNSUPPORTED_RECURRENCE', `${parsed.reason}; kept verbatim`, own));
    return undefined;
  }
  const foreign = firstProp(comp, dialect.foreignRuleProperty);
  if (!foreign?.values[0]) return undefined;
  const other = DIALECTS[dialect.version === '1.0' ? '2.0' : '1.0'];
  const parsed = other.parseRule(foreign.values[0], series);
  if (parsed.ok) {
    delete extra[dialect.foreignRuleProperty];
    return parsed.recurrence;
  }
  return undefined;
}
