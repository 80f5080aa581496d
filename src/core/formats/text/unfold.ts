import type { FormatIssue } from '../../model/index.js';
import { formatIssue } from './issues.js';
import { MAX_LOGICAL_LINE_CHARS, type LineSyntax } from './syntax.js';

/** One logical line after unfolding, with the 1-based physical line it started on. */
export interface LogicalLine {
  readonly text: string;
  readonly line: number;
}

export interface UnfoldResult {
  readonly lines: readonly LogicalLine[];
  readonly issues: readonly FormatIssue[];
}

/** The part before the first ':' outside double quotes, or the whole line if it has none. Linear scan. */
function headerOf(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) quoted = !quoted;
    else if (ch === 0x3a && !quoted) return text.slice(0, i);
  }
  return text;
}

/** True when the property header declares QUOTED-PRINTABLE (as `ENCODING=QUOTED-PRINTABLE` or bare, 2.1 style). */
export function headerIsQuotedPrintable(header: string): boolean {
  return header.toUpperCase().includes('QUOTED-PRINTABLE');
}

class LineAssembler {
  readonly lines: LogicalLine[] = [];
  readonly issues: FormatIssue[] = [];
  private parts: string[] = [];
  private length = 0;
  private startLine = 0;
  private tooLarge = false;
  private qp = false;

  get open(): boolean {
    return this.parts.length > 0 || this.tooLarge;
  }

  /** Whether the open line is a QP value whose last physical line ended with a soft break '='. */
  get endsWithSoftBreak(): boolean {
    if (!this.qp || this.parts.length === 0) return false;
    const last = this.parts[this.parts.length - 1]!;
    return last.endsWith('=');
  }

  start(text: string, line: number): void {
    this.flush();
    this.startLine = line;
    this.append(text);
    this.qp = headerIsQuotedPrintable(headerOf(text));
  }

  append(text: string): void {
    if (this.tooLarge) return;
    if (this.length + text.length > MAX_LOGICAL_LINE_CHARS) {
      // Stop collecting: memory stays bounded, and the item fails rather than being cut.
      this.tooLarge = true;
      this.parts = [];
      this.issues.push(
        formatIssue('TOO_LARGE', `value longer than ${MAX_LOGICAL_LINE_CHARS} characters`, this.startLine),
      );
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** Drops the trailing soft-break '=' of the last part before the next physical line is appended. */
  removeSoftBreak(): void {
    const last = this.parts.length - 1;
    this.parts[last] = this.parts[last]!.slice(0, -1);
    this.length -= 1;
  }

  flush(): void {
    if (this.parts.length > 0 && !this.tooLarge) {
      this.lines.push({ text: this.parts.join(''), line: this.startLine });
    }
    this.parts = [];
    this.length = 0;
    this.tooLarge = false;
    this.qp = false;
  }
}

/**
 * Splits text into logical lines: joins QUOTED-PRINTABLE soft line breaks (a QP line ending in '=' continues on
 * the next physical line, which has no leading space), then folded lines (a physical line starting with space or
 * tab continues the previous one). `rfc` removes the one folding whitespace character; `versit` keeps it, since
 * vCard 2.1 folds *before* existing whitespace. Blank lines are skipped (2.1 ends base64 with one).
 * Reports NUL_BYTE, TOO_LARGE, BAD_FOLDING (continuation with nothing to continue) and BAD_QUOTED_PRINTABLE
 * (soft break at end of input). Linear in the input length.
 */
export function unfoldLines(text: string, syntax: LineSyntax): UnfoldResult {
  // A byte-order mark (Windows exports) is not part of the first property name.
  const physical = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
  const out = new LineAssembler();
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    const lineNo = i + 1;
    if (raw.includes('\u0000')) {
      out.issues.push(formatIssue('NUL_BYTE', 'NUL byte in line', lineNo));
    }
    if (out.open && out.endsWithSoftBreak) {
      out.removeSoftBreak();
      out.append(raw);
      continue;
    }
    if (raw.length === 0) {
      out.flush();
      continue;
    }
    const first = raw.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (!out.open) {
        if (raw.trim().length > 0) {
          out.issues.push(formatIssue('BAD_FOLDING', 'continuation line without a line to continue', lineNo));
        }
        continue;
      }
      out.append(syntax === 'rfc' ? raw.slice(1) : raw);
      continue;
    }
    out.start(raw, lineNo);
  }
  if (out.endsWithSoftBreak) {
    out.issues.push(
      formatIssue('BAD_QUOTED_PRINTABLE', 'soft line break at the end of the input', physical.length),
    );
    out.removeSoftBreak();
  }
  out.flush();
  return { lines: out.lines, issues: out.issues };
}
