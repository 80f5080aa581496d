/**
 * vCalendar 1.0 text ⇄ property tree, on the shared versit text layer (QUOTED-PRINTABLE, CHARSET,
 * 2.1-style folding and bare parameters). Never handed to ical.js, which drops 1.0 content silently.
 * TZ/DAYLIGHT become a guessed IANA zone on reading and are written from the zone used.
 */
import type { FormatIssue } from '../../model/index.js';
import {
  decodePropertyValue,
  escapeText,
  isFatal,
  readContentText,
  unescapeText,
  writeContentLine,
  type Component,
  type ContentLine,
} from '../text/index.js';
import { guessZoneFromVcal, parseDaylight, parseOffset, vcalZoneProperties } from '../timezone/index.js';
import { issue, ItemError, type CalComp, type CalDocument, type CalProp } from '../ical/cal-tree.js';

/** Values split at ';' (the 1.0 list separator; ',' is accepted too). */
const LIST_PROPS = new Set(['CATEGORIES', 'EXDATE', 'RDATE', 'RESOURCES']);
/** Values whose ';' are structure, written and read as is. */
const STRUCTURED = new Set([
  'AALARM',
  'DALARM',
  'PALARM',
  'MALARM',
  'DAYLIGHT',
  'RRULE',
  'EXRULE',
  'GEO',
  'X-ICAL-RRULE',
]);

function toCalProp(line: ContentLine, warnings: FormatIssue[]): CalProp {
  const raw = decodePropertyValue(line);
  warnings.push(...raw.issues);
  // QP line breaks arrive as CRLF; the model holds '\n' like iCalendar 2.0 does.
  const decoded = { ...raw, text: raw.text.replace(/\r\n?/g, '\n') };
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(line.params)) params[k] = v.join(',');
  let values: string[];
  if (LIST_PROPS.has(line.name))
    values = decoded.text.split(/(?<!\\)[;,]/).map((v) => unescapeText(v.trim(), 'versit'));
  else if (STRUCTURED.has(line.name)) values = [decoded.text];
  else values = [unescapeText(decoded.text, 'versit')];
  return { name: line.name, params, values, line: line.line };
}

function toCalComp(c: Component, warnings: FormatIssue[]): CalComp {
  return {
    name: c.name,
    props: c.properties.map((p) => toCalProp(p, warnings)),
    children: c.children.map((ch) => toCalComp(ch, warnings)),
    line: c.startLine,
  };
}

/** The IANA zone matching the calendar's TZ/DAYLIGHT, if any. */
export function zoneOfVcal(doc: CalDocument, warnings: FormatIssue[]): string | undefined {
  const tzProp =
    doc.calendarProps.find((p) => p.name === 'TZ') ??
    doc.items.flatMap((i) => i.props).find((p) => p.name === 'TZ');
  if (!tzProp?.values[0]) return undefined;
  const offset = parseOffset(tzProp.values[0]);
  if (offset === undefined) {
    warnings.push(issue('UNKNOWN_TIMEZONE', `bad TZ '${tzProp.values[0]}'; times kept in UTC`, tzProp));
    return undefined;
  }
  const all = [...doc.calendarProps, ...doc.items.flatMap((i) => i.props)];
  const daylight = all
    .filter((p) => p.name === 'DAYLIGHT')
    .flatMap((p) => {
      const d = parseDaylight(p.values[0] ?? '');
      return d ? [d] : [];
    });
  const year = daylight[0]
    ? new Date(daylight[0].startMs).getUTCFullYear()
    : Number(all.find((p) => p.name === 'DTSTART')?.values[0]?.slice(0, 4) ?? 2025);
  const zone = guessZoneFromVcal({ tzOffset: offset, daylight }, year);
  if (!zone)
    warnings.push(issue('UNKNOWN_TIMEZONE', 'no zone matches TZ/DAYLIGHT; times kept in UTC', tzProp));
  return zone;
}

/** Parses vCalendar 1.0 text; throws ItemError with a typed issue when unusable. */
export function readVcal(text: string, warnings: FormatIssue[]): CalDocument {
  const tree = readContentText(text, 'versit');
  const fatal = tree.issues.find(isFatal);
  if (fatal) throw new ItemError(fatal);
  warnings.push(...tree.issues);
  const calendar = tree.components.find((c) => c.name === 'VCALENDAR');
  if (!calendar) throw new ItemError(issue('MISSING_COMPONENT', 'no VCALENDAR'));
  const comp = toCalComp(calendar, warnings);
  const items = comp.children.filter((c) => c.name === 'VEVENT' || c.name === 'VTODO');
  return { version: '1.0', calendarProps: comp.props, items, timezones: new Map() };
}

function valueText(p: CalProp): string {
  const compactDates = p.type === 'date-time' || p.type === 'date';
  const values = compactDates ? p.values.map((v) => v.replace(/[-:]/g, '')) : p.values;
  if (LIST_PROPS.has(p.name)) return values.map((v) => escapeText(v, 'versit')).join(';');
  if (STRUCTURED.has(p.name) || compactDates) return values.join(';');
  return escapeText(values.join(','), 'versit');
}

/** One property line, through the shared versit writer (QP with soft breaks, never inside the header). */
function writeLine(p: CalProp): string {
  return writeContentLine({ name: p.name, params: Object.entries(p.params), value: valueText(p) }, 'versit');
}

function writeComp(c: CalComp, out: string[]): void {
  out.push(`BEGIN:${c.name}`);
  for (const p of c.props) out.push(writeLine(p));
  for (const child of c.children) writeComp(child, out);
  out.push(`END:${c.name}`);
}

/** Writes items as one vCalendar 1.0 object, with TZ/DAYLIGHT for the (first) zone used. */
export function writeVcal(items: readonly CalComp[], zones: ReadonlyMap<string, number>): string {
  const out = ['BEGIN:VCALENDAR', 'VERSION:1.0', 'PRODID:-//outlook-crm-sync//calendar//EN'];
  const first = [...zones][0];
  if (first) {
    const tz = vcalZoneProperties(first[0], [first[1]]);
    out.push(`TZ:${tz.tz}`, ...tz.daylight.map((d) => `DAYLIGHT:${d}`));
  }
  for (const item of items) writeComp(item, out);
  out.push('END:VCALENDAR');
  return out.join('\r\n') + '\r\n';
}
