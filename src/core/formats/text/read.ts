import type { FormatIssue } from '../../model/index.js';
import { buildComponentTree, type ComponentTree } from './components.js';
import { parseContentLine, type ContentLine } from './content-line.js';
import type { LineSyntax } from './syntax.js';
import { unfoldLines } from './unfold.js';

/**
 * Text → component tree in one call: unfold (QP soft breaks, folding), parse content lines, nest BEGIN/END.
 * Malformed lines are reported and skipped; every issue carries its line. Callers decide which issues are fatal
 * for their item (see FATAL_TEXT_CODES).
 */
export function readContentText(text: string, syntax: LineSyntax): ComponentTree {
  const unfolded = unfoldLines(text, syntax);
  const issues: FormatIssue[] = [...unfolded.issues];
  const lines: ContentLine[] = [];
  for (const logical of unfolded.lines) {
    const parsed = parseContentLine(logical);
    if (parsed.ok) lines.push(parsed.value);
    else issues.push(parsed.issue);
  }
  const tree = buildComponentTree(lines);
  return { components: tree.components, stray: tree.stray, issues: [...issues, ...tree.issues] };
}

export interface TextBlock {
  /** The block's text, BEGIN to END inclusive, as in the input. */
  readonly text: string;
  /** 1-based line of its BEGIN in the input. */
  readonly startLine: number;
}

/**
 * Splits a file holding many top-level `BEGIN:<name>` … `END:<name>` blocks (a .vcf export) into one text per
 * block, without parsing them, so one bad item cannot spoil the others. Nested blocks of the same name (2.1
 * AGENT) stay inside their parent. A block without END runs to the end of the input (its parser then reports
 * UNTERMINATED_COMPONENT). Linear.
 */
export function splitTopLevelBlocks(text: string, name: string): TextBlock[] {
  const physical = text.split(/\r\n|\n|\r/);
  const begin = `BEGIN:${name.toUpperCase()}`;
  const end = `END:${name.toUpperCase()}`;
  const blocks: TextBlock[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < physical.length; i++) {
    const upper = physical[i]!.trim().toUpperCase();
    if (upper === begin) {
      if (depth === 0) start = i;
      depth++;
    } else if (upper === end && depth > 0) {
      depth--;
      if (depth === 0) {
        blocks.push({ text: physical.slice(start, i + 1).join('\r\n') + '\r\n', startLine: start + 1 });
        start = -1;
      }
    }
  }
  if (start >= 0) blocks.push({ text: physical.slice(start).join('\r\n'), startLine: start + 1 });
  return blocks;
}
