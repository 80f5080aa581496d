/**
 * iCalendar 2.0 text ⇄ property tree, on ical.js (its parser decodes values and parameters, its
 * stringifier escapes and folds). The text layer runs first for what ical.js does not give us: the
 * input line of each property, the RRULE exactly as written, and typed errors for NUL bytes,
 * oversized lines and unterminated components.
 */
import ICAL from 'ical.js';
import type { FormatIssue } from '../../model/index.js';
import {
  escapeText,
  isFatal,
  readContentText,
  unescapeText,
  type Component as TextComponent,
} from '../text/index.js';
import { vtimezoneLines } from '../timezone/index.js';
import { issue, ItemError, type CalComp, type CalDocument, type CalProp } from './cal-tree.js';

type JCalProp = [string, Record<string, unknown>, string, ...unknown[]];
type JCalComp = [string, JCalProp[], JCalComp[]];

function stringValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(stringValue).join(';');
  if (v !== null && typeof v === 'object') return ICAL.Recur.fromData(v as object).toString();
  return String(v);
}

function toCalProp(j: JCalProp, source: TextComponent['properties'][number] | undefined): CalProp {
  const [name, params, type, ...values] = j;
  const upper = name.toUpperCase();
  const matched = source && source.name === upper ? source : undefined;
  const decoded =
    type === 'recur' && matched
      ? [matched.rawValue]
      : type === 'unknown'
        ? values.map((v) => unescapeText(stringValue(v), 'rfc'))
        : values.map(stringValue);
  const p: Record<string, string> = {};
  for (const [k, v] of Object.entries(params))
    p[k.toUpperCase()] = Array.isArray(v) ? v.join(',') : String(v);
  const base: CalProp = { name: upper, params: p, values: decoded, type: type === 'unknown' ? 'text' : type };
  return matched ? { ...base, line: matched.line } : base;
}

function toCalComp(j: JCalComp, source: TextComponent | undefined): CalComp {
  const [name, props, comps] = j;
  const matched = source && source.name === name.toUpperCase() ? source : undefined;
  const result: CalComp = {
    name: name.toUpperCase(),
    props: props.map((p, i) => toCalProp(p, matched?.properties[i])),
    children: comps.map((c, i) => toCalComp(c, matched?.children[i])),
  };
  return matched ? { ...result, line: matched.startLine } : result;
}

/** Parses iCalendar 2.0 text into a document; throws ItemError with a typed issue when unusable. */
export function readIcal(text: string, warnings: FormatIssue[]): CalDocument {
  const tree = readContentText(text, 'rfc');
  const fatal = tree.issues.find(isFatal);
  if (fatal) throw new ItemError(fatal);
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (e) {
    const firstBad = tree.issues.find((i) => i.code === 'MALFORMED_LINE');
    throw new ItemError(firstBad ?? issue('MALFORMED_LINE', `iCalendar syntax: ${(e as Error).message}`));
  }
  warnings.push(...tree.issues);
  const roots = (
    Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[])
  ) as JCalComp[];
  const calendar = roots.map((r, i) => toCalComp(r, tree.components[i])).find((c) => c.name === 'VCALENDAR');
  if (!calendar) throw new ItemError(issue('MISSING_COMPONENT', 'no VCALENDAR'));
  const timezones = new Map<string, CalComp>();
  for (const tz of calendar.children.filter((c) => c.name === 'VTIMEZONE')) {
    const id = tz.props.find((p) => p.name === 'TZID')?.values[0];
    if (id) timezones.set(id, tz);
  }
  const items = calendar.children.filter((c) => c.name === 'VEVENT' || c.name === 'VTODO');
  return { version: '2.0', calendarProps: calendar.props, items, timezones };
}

function toJCalComp(c: CalComp): JCalComp {
  return [c.name.toLowerCase(), c.props.map(toJCalProp), c.children.map(toJCalComp)];
}

/** Picks the jCal type: ours where we know it, the design default otherwise; X- properties go out pre-escaped. */
function toJCalProp(p: CalProp): JCalProp {
  const name = p.name.toLowerCase();
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.params)) if (k !== 'VALUE') params[k.toLowerCase()] = v;
  const known = (ICAL.design.icalendar.property as Record<string, { defaultType?: string } | undefined>)[
    name
  ];
  let type: string = p.type ?? 'text';
  let values: unknown[] = [...p.values];
  if (type === 'recur') {
    // An ordered part object: ical.js writes it back part by part, so rules stay as written.
    values = values.map((v) =>
      Object.fromEntries(
        String(v)
          .split(';')
          .filter(Boolean)
          .map((part) => {
            const eq = part.indexOf('=');
            return [part.slice(0, eq).toLowerCase(), part.slice(eq + 1)];
          }),
      ),
    );
  } else if (type === 'integer') values = values.map(Number);
  else if (type === 'text' && !known) {
    type = 'unknown';
    values = values.map((v) => escapeText(String(v), 'rfc'));
  } else if (type === 'text' && known?.defaultType && known.defaultType !== 'text') type = known.defaultType;
  return [name, params, type, ...values];
}

const vtimezoneCache = new Map<string, JCalComp>();

function vtimezone(tz: string, year: number): JCalComp {
  const key = `${tz}@${year}`;
  let comp = vtimezoneCache.get(key);
  if (!comp) {
    comp = ICAL.parse(vtimezoneLines(tz, year).join('\r\n') + '\r\n') as unknown as JCalComp;
    vtimezoneCache.set(key, comp);
  }
  return comp;
}

/** Writes items (with a VTIMEZONE for each zone used) as one VCALENDAR. */
export function writeIcal(items: readonly CalComp[], zones: ReadonlyMap<string, number>): string {
  const props: JCalProp[] = [
    ['version', {}, 'text', '2.0'],
    ['prodid', {}, 'text', '-//outlook-crm-sync//calendar//EN'],
  ];
  const tzComps = [...zones].map(([tz, year]) => vtimezone(tz, year));
  const jcal: JCalComp = ['vcalendar', props, [...tzComps, ...items.map(toJCalComp)]];
  return (
    ICAL.stringify(jcal as unknown as Parameters<typeof ICAL.stringify>[0]).replace(/\r?\n/g, '\r\n') + '\r\n'
  );
}

/** Converts a local time in an unknown TZID to UTC using the document's VTIMEZONE (ical.js). */
export function utcViaVtimezone(doc: CalDocument): (tzid: string, local: string) => string | undefined {
  const zones = new Map<string, ICAL.Timezone>();
  return (tzid, local) => {
    const comp = doc.timezones.get(tzid);
    if (!comp) return undefined;
    try {
      let zone = zones.get(tzid);
      if (!zone) {
        zone = new ICAL.Timezone(new ICAL.Component(toJCalComp(comp)));
        zones.set(tzid, zone);
      }
      const time = ICAL.Time.fromDateTimeString(local);
      time.zone = zone;
      return time.convertToZone(ICAL.Timezone.utcTimezone).toString().slice(0, 19) + 'Z';
    } catch {
      return undefined;
    }
  };
}
