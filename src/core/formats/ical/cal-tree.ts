/**
 * The generic property tree both calendar dialects are read into and written from (CONVENTIONS.md
 * rule 6: line codec → property tree → dialect table → model). Values are decoded text; date and
 * time values are in the model's ISO-like form ('2025-03-10T09:00:00Z', '2025-03-10').
 */
import type { FormatIssue, FormatIssueCode } from '../../model/index.js';

export type CalValueType = 'text' | 'date-time' | 'date' | 'duration' | 'recur' | 'cal-address' | 'integer';

export interface CalProp {
  /** Upper-case property name. */
  readonly name: string;
  /** Parameters by upper-case name (first value). */
  readonly params: Readonly<Record<string, string>>;
  /** Decoded values: several for list properties (CATEGORIES, EXDATE). */
  readonly values: readonly string[];
  /** Value type for writing iCalendar 2.0 (a CalValueType, or an ical.js type name kept from reading). */
  readonly type?: CalValueType | (string & {});
  /** 1-based input line, when read from text. */
  readonly line?: number;
}

export interface CalComp {
  /** Upper-case component name (VEVENT, VTODO, VALARM). */
  readonly name: string;
  readonly props: readonly CalProp[];
  readonly children: readonly CalComp[];
  readonly line?: number;
}

export type CalendarVersion = '1.0' | '2.0';

/** A parsed calendar object: its items and the VCALENDAR-level properties (TZ, DAYLIGHT). */
export interface CalDocument {
  readonly version: CalendarVersion;
  readonly calendarProps: readonly CalProp[];
  readonly items: readonly CalComp[];
  /** VTIMEZONE components (2.0), by TZID. */
  readonly timezones: ReadonlyMap<string, CalComp>;
}

export function firstProp(comp: CalComp, name: string): CalProp | undefined {
  return comp.props.find((p) => p.name === name);
}

export function allProps(comp: CalComp, name: string): CalProp[] {
  return comp.props.filter((p) => p.name === name);
}

export function firstValue(comp: CalComp, name: string): string | undefined {
  return firstProp(comp, name)?.values[0];
}

export function issue(
  code: FormatIssueCode,
  message: string,
  at?: { line?: number; name?: string },
): FormatIssue {
  const result: { code: FormatIssueCode; message: string; line?: number; property?: string } = {
    code,
    message,
  };
  if (at?.line !== undefined) result.line = at.line;
  if (at?.name !== undefined) result.property = at.name;
  return result;
}

/** Thrown inside a reader to end the item with a typed error; caught at the API boundary only. */
export class ItemError extends Error {
  constructor(readonly issue: FormatIssue) {
    super(issue.message);
  }
}

export function prop(
  name: string,
  values: string | readonly string[],
  type: CalValueType = 'text',
  params: Record<string, string> = {},
): CalProp {
  return { name, params, values: typeof values === 'string' ? [values] : values, type };
}
