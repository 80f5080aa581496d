import type { FormatIssue } from '../../model/index.js';
import type { ContentLine } from './content-line.js';
import { formatIssue } from './issues.js';

/** A BEGIN:X … END:X block: its own properties in order, nested components, and where it starts and ends. */
export interface Component {
  readonly name: string;
  readonly properties: readonly ContentLine[];
  readonly children: readonly Component[];
  readonly startLine: number;
  readonly endLine: number;
}

interface OpenComponent {
  name: string;
  properties: ContentLine[];
  children: Component[];
  startLine: number;
}

export interface ComponentTree {
  /** Top-level components in input order. */
  readonly components: readonly Component[];
  /** Properties outside any component (ignored by callers, kept for diagnostics). */
  readonly stray: readonly ContentLine[];
  readonly issues: readonly FormatIssue[];
}

/**
 * Nests content lines by BEGIN/END. An END that does not match the innermost open component gives
 * MALFORMED_LINE (and closes nothing); components still open at the end give UNTERMINATED_COMPONENT at their
 * BEGIN line and are not returned (no half items). Iterative, so deep nesting cannot overflow the stack.
 */
export function buildComponentTree(lines: readonly ContentLine[]): ComponentTree {
  const roots: Component[] = [];
  const stray: ContentLine[] = [];
  const issues: FormatIssue[] = [];
  const stack: OpenComponent[] = [];
  for (const line of lines) {
    if (line.name === 'BEGIN') {
      stack.push({
        name: line.rawValue.trim().toUpperCase(),
        properties: [],
        children: [],
        startLine: line.line,
      });
      continue;
    }
    if (line.name === 'END') {
      const name = line.rawValue.trim().toUpperCase();
      const open = stack[stack.length - 1];
      if (!open || open.name !== name) {
        issues.push(formatIssue('MALFORMED_LINE', `END:${name} without matching BEGIN`, line.line, 'END'));
        continue;
      }
      stack.pop();
      const done: Component = { ...open, endLine: line.line };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(done);
      else roots.push(done);
      continue;
    }
    const open = stack[stack.length - 1];
    if (open) open.properties.push(line);
    else stray.push(line);
  }
  for (const open of stack) {
    issues.push(
      formatIssue('UNTERMINATED_COMPONENT', `BEGIN:${open.name} without END`, open.startLine, open.name),
    );
  }
  return { components: roots, stray, issues };
}
