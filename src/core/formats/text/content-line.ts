import type { FormatIssue } from '../../model/index.js';
import { formatIssue } from './issues.js';
import type { LogicalLine } from './unfold.js';

/**
 * One property line, still encoded: `group.NAME;PARAM=a,b;BARE:rawValue`.
 * Names and parameter names are upper-cased; parameter values keep their case (quotes removed).
 */
export interface ContentLine {
  readonly name: string;
  readonly group?: string;
  /** `NAME=value[,value]` parameters, by upper-case name. */
  readonly params: Readonly<Record<string, readonly string[]>>;
  /** vCard 2.1 / vCalendar 1.0 parameters without a name (`TEL;CELL;HOME:`), upper-cased, in order. */
  readonly bareParams: readonly string[];
  /** The value as written after the first unquoted ':' (not yet QP-decoded, charset-decoded or unescaped). */
  readonly rawValue: string;
  /** 1-based line in the input where the property starts. */
  readonly line: number;
}

export type ContentLineResult = { ok: true; value: ContentLine } | { ok: false; issue: FormatIssue };

const NAME_RE = /^[A-Za-z0-9-]+$/;

/** Splits `s` at `sep` outside double quotes. Linear. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** Index of the first ':' outside double quotes, or -1. */
function valueColon(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) quoted = !quoted;
    else if (ch === 0x3a && !quoted) return i;
  }
  return -1;
}

function parseParams(
  segments: readonly string[],
): { params: Record<string, string[]>; bareParams: string[] } | undefined {
  const params: Record<string, string[]> = {};
  const bareParams: string[] = [];
  for (const segment of segments) {
    const trimmed = segment.trim();
    if (trimmed === '') continue; // `TEL;;HOME:` from sloppy writers: nothing to keep.
    const eq = trimmed.indexOf('=');
    if (eq < 0) {
      if (!NAME_RE.test(trimmed)) return undefined;
      bareParams.push(trimmed.toUpperCase());
      continue;
    }
    const name = trimmed.slice(0, eq).trim().toUpperCase();
    if (!NAME_RE.test(name)) return undefined;
    const values = splitOutsideQuotes(trimmed.slice(eq + 1), ',').map((v) => unquote(v.trim()));
    (params[name] ??= []).push(...values);
  }
  return { params, bareParams };
}

/** Parses one logical line into its parts. A line without ':' or with a bad name gives MALFORMED_LINE. */
export function parseContentLine(logical: LogicalLine): ContentLineResult {
  const { text, line } = logical;
  const colon = valueColon(text);
  if (colon < 0) return { ok: false, issue: formatIssue('MALFORMED_LINE', 'no ":" in property line', line) };
  const header = text.slice(0, colon);
  const segments = splitOutsideQuotes(header, ';');
  const fullName = segments[0]!.trim();
  const dot = fullName.lastIndexOf('.');
  const group = dot >= 0 ? fullName.slice(0, dot) : undefined;
  const name = (dot >= 0 ? fullName.slice(dot + 1) : fullName).toUpperCase();
  if (!NAME_RE.test(name) || (group !== undefined && !NAME_RE.test(group.replace(/\./g, '-')))) {
    return { ok: false, issue: formatIssue('MALFORMED_LINE', 'invalid property name', line) };
  }
  const parsed = parseParams(segments.slice(1));
  if (!parsed) return { ok: false, issue: formatIssue('MALFORMED_LINE', 'invalid parameter', line, name) };
  const base = {
    name,
    params: parsed.params,
    bareParams: parsed.bareParams,
    rawValue: text.slice(colon + 1),
    line,
  };
  return { ok: true, value: group === undefined ? base : { ...base, group } };
}

/** First value of a named parameter, if present. */
export function paramValue(line: ContentLine, name: string): string | undefined {
  return line.params[name]?.[0];
}

/**
 * All type words of a property, upper-cased: `TYPE=` values (3.0, also comma lists) plus bare 2.1 parameters.
 * `TEL;TYPE=work,voice` and `TEL;WORK;VOICE` both give ['WORK', 'VOICE'].
 */
export function typesOf(line: ContentLine): string[] {
  const types = (line.params['TYPE'] ?? []).map((t) => t.toUpperCase());
  return [...types, ...line.bareParams];
}
