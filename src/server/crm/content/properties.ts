/**
 * Property-level access to stored vCard 3.0 / iCalendar 2.0 text, on top of the core's line
 * layer (unfold + content lines). The CRM page reads and edits a few main fields this way and
 * leaves every other property of a record as it is.
 */
import { parseContentLine, type ContentLine } from '../../../core/formats/text/content-line.js';
import { unfoldLines } from '../../../core/formats/text/unfold.js';

export interface Property {
  readonly name: string;
  readonly line: ContentLine;
  /** The value with RFC text escapes undone (for text properties). */
  readonly text: string;
}

export function unescapeText(raw: string): string {
  return raw.replace(/\\([\\;,nN])/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** All well-formed property lines of an item (malformed lines are skipped: this is for display). */
export function readProperties(content: string): Property[] {
  const out: Property[] = [];
  for (const logical of unfoldLines(content, 'rfc').lines) {
    const parsed = parseContentLine(logical);
    if (parsed.ok)
      out.push({ name: parsed.value.name, line: parsed.value, text: unescapeText(parsed.value.rawValue) });
  }
  return out;
}

/** The properties inside the first component named `component` (VEVENT, VTODO, VCARD). */
export function componentProperties(content: string, component: string): Property[] {
  const all = readProperties(content);
  const out: Property[] = [];
  let depth = 0;
  let inside = false;
  for (const p of all) {
    if (p.name === 'BEGIN') {
      if (inside) depth++;
      else if (p.text.toUpperCase() === component) inside = true;
      continue;
    }
    if (p.name === 'END' && inside) {
      if (depth === 0) break;
      depth--;
      continue;
    }
    if (inside && depth === 0) out.push(p);
  }
  return out;
}

export function firstText(props: readonly Property[], name: string): string | undefined {
  return props.find((p) => p.name === name)?.text;
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (bytes + size > 75) {
      parts.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
