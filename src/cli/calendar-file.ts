/**
 * .ics files with many items: split into one calendar object per item (a master with its changed
 * occurrences, sharing the file's time zones) so one bad item spoils nothing, and join items back into one
 * file for export. Works on raw lines: folded lines start with a blank and never look like BEGIN/END.
 */
export interface CalendarChunk {
  readonly kind: 'event' | 'task';
  /** 1-based line of the item's first BEGIN in the file. */
  readonly startLine: number;
  /** A calendar object with just this item and the file's VTIMEZONEs. */
  readonly text: string;
  /** Line in the file for a line of `text` (1-based both). */
  readonly fileLine: (line: number) => number;
}

interface Component {
  readonly name: string;
  readonly lines: { text: string; line: number }[];
  uid?: string;
}

function readComponents(text: string): { header: string[]; components: Component[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header: string[] = [];
  const components: Component[] = [];
  let depth = 0;
  let current: Component | undefined;
  lines.forEach((raw, i) => {
    const upper = raw.toUpperCase();
    const begin = /^BEGIN:/.test(upper);
    const end = /^END:/.test(upper);
    if (depth === 0) {
      if (begin) depth = 1;
      return;
    }
    if (depth === 1 && !current) {
      if (begin) {
        current = { name: upper.slice(6).trim(), lines: [] };
        depth = 2;
        current.lines.push({ text: raw, line: i + 1 });
      } else if (end) depth = 0;
      else if (raw.trim() !== '') header.push(raw);
      return;
    }
    current!.lines.push({ text: raw, line: i + 1 });
    if (depth === 2 && /^UID[;:]/.test(upper)) current!.uid = raw.slice(raw.indexOf(':') + 1).trim();
    if (begin) depth++;
    if (end) depth--;
    if (depth === 1) {
      components.push(current!);
      current = undefined;
    }
  });
  return { header, components };
}

export function splitCalendarFile(text: string): CalendarChunk[] {
  const { header, components } = readComponents(text);
  const zones = components.filter((c) => c.name === 'VTIMEZONE').flatMap((c) => c.lines);
  const groups = new Map<string, Component[]>();
  components
    .filter((c) => c.name === 'VEVENT' || c.name === 'VTODO')
    .forEach((c, i) => {
      const key = c.uid ? `${c.name}:${c.uid}` : `#${i}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    });
  return [...groups.values()].map((group) => {
    const body = group.flatMap((c) => c.lines);
    const prefix = ['BEGIN:VCALENDAR', ...header, ...zones.map((z) => z.text)];
    const offset = prefix.length;
    const text = [...prefix, ...body.map((b) => b.text), 'END:VCALENDAR', ''].join('\r\n');
    const startLine = body[0]!.line;
    return {
      kind: group[0]!.name === 'VTODO' ? 'task' : 'event',
      startLine,
      text,
      fileLine: (line: number) => body[line - offset - 1]?.line ?? startLine,
    };
  });
}

/** One iCalendar file from single-item calendar objects: header once, each VTIMEZONE once, then the items. */
export function joinCalendars(texts: readonly string[]): string {
  const header: string[] = [];
  const zones = new Map<string, string[]>();
  const items: string[] = [];
  for (const text of texts) {
    const parsed = readComponents(text);
    if (header.length === 0) header.push(...parsed.header);
    for (const c of parsed.components) {
      const lines = c.lines.map((l) => l.text);
      if (c.name !== 'VTIMEZONE') items.push(...lines);
      else {
        const tzid = lines.find((l) => /^TZID[;:]/i.test(l)) ?? String(zones.size);
        if (!zones.has(tzid)) zones.set(tzid, lines);
      }
    }
  }
  return ['BEGIN:VCALENDAR', ...header, ...[...zones.values()].flat(), ...items, 'END:VCALENDAR', ''].join(
    '\r\n',
  );
}
