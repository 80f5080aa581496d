/**
 * A small OData $filter parser and evaluator for what this product (and Graph on Outlook items)
 * uses: comparisons (eq ne gt ge lt le), and/or/not, parentheses, startswith/endswith/contains,
 * and lambdas over collections such as
 * `singleValueExtendedProperties/Any(ep: ep/id eq 'String {…} Name CrmId' and ep/value eq '42')`.
 * Strings compare case-insensitively, as Exchange does — except the Name part of an extended
 * property id, which Graph matches case-sensitively.
 */
import { badRequest } from '../errors.js';

type Literal = string | number | boolean | null;
export type FilterNode =
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'compare'; op: string; left: Operand; right: Operand }
  | { type: 'func'; name: string; path: string; value: string }
  | { type: 'any'; path: string; variable: string; predicate: FilterNode };
type Operand = { kind: 'path'; path: string } | { kind: 'literal'; value: Literal };

const TOKEN_RE =
  /\s*(?:('(?:[^']|'')*')|(\()|(\))|(,)|(:)|(-?\d+(?:\.\d+)?(?![\w-]))|([A-Za-z_@$][\w@$./-]*))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN_RE.lastIndex = 0;
  while (TOKEN_RE.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN_RE.lastIndex))) break;
    const at = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(text);
    if (!m) throw badRequest('BadRequest', 'Invalid filter clause.', { filter: text, position: at });
    tokens.push(m[0].trim());
  }
  return tokens;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains']);

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: string[],
    private readonly text: string,
  ) {}

  fail(): never {
    throw badRequest('BadRequest', 'Invalid filter clause.', {
      filter: this.text,
      token: this.tokens[this.i] ?? '<end>',
    });
  }
  peek(): string | undefined {
    return this.tokens[this.i];
  }
  take(expected?: string): string {
    const t = this.tokens[this.i++];
    if (t === undefined || (expected !== undefined && t.toLowerCase() !== expected)) this.fail();
    return t;
  }

  parse(): FilterNode {
    const node = this.or();
    if (this.i !== this.tokens.length) this.fail();
    return node;
  }
  or(): FilterNode {
    let left = this.and();
    while (this.peek()?.toLowerCase() === 'or') {
      this.take();
      left = { type: 'or', left, right: this.and() };
    }
    return left;
  }
  and(): FilterNode {
    let left = this.unary();
    while (this.peek()?.toLowerCase() === 'and') {
      this.take();
      left = { type: 'and', left, right: this.unary() };
    }
    return left;
  }
  unary(): FilterNode {
    const t = this.peek();
    if (t === undefined) this.fail();
    if (t.toLowerCase() === 'not') {
      this.take();
      return { type: 'not', operand: this.unary() };
    }
    if (t === '(') {
      this.take();
      const inner = this.or();
      this.take(')');
      return inner;
    }
    if (FUNCTIONS.has(t.toLowerCase()) && this.tokens[this.i + 1] === '(') {
      const name = this.take().toLowerCase();
      this.take('(');
      const path = this.take();
      this.take(',');
      const value = this.literal(this.take());
      this.take(')');
      if (typeof value !== 'string') this.fail();
      return { type: 'func', name, path, value };
    }
    const anyMatch = /^(.+)\/any$/i.exec(t);
    if (anyMatch && this.tokens[this.i + 1] === '(') {
      this.take();
      this.take('(');
      const variable = this.take();
      this.take(':');
      const predicate = this.or();
      this.take(')');
      return { type: 'any', path: anyMatch[1]!, variable, predicate };
    }
    const left = this.operand();
    const op = this.take().toLowerCase();
    if (!COMPARISONS.has(op)) this.fail();
    return { type: 'compare', op, left, right: this.operand() };
  }
  operand(): Operand {
    const t = this.take();
    if (t.startsWith("'") || /^-?\d/.test(t) || ['true', 'false', 'null'].includes(t.toLowerCase())) {
      return { kind: 'literal', value: this.literal(t) };
    }
    return { kind: 'path', path: t };
  }
  literal(t: string): Literal {
    if (t.startsWith("'")) return t.slice(1, -1).replaceAll("''", "'");
    if (/^-?\d/.test(t)) return Number(t);
    const lower = t.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    this.fail();
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text), text).parse();
}

type Scope = Record<string, unknown>;

function resolvePath(path: string, root: unknown, scope: Scope): unknown {
  const parts = path.split('/');
  let value: unknown =
    parts[0]! in scope ? scope[parts[0]!] : (root as Record<string, unknown> | null)?.[parts[0]!];
  if (!(parts[0]! in scope) && value === undefined && root && typeof root === 'object') {
    // Property names are case-insensitive in OData filters on Outlook resources.
    const key = Object.keys(root).find((k) => k.toLowerCase() === parts[0]!.toLowerCase());
    value = key ? (root as Record<string, unknown>)[key] : undefined;
  }
  for (const part of parts.slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    const obj = value as Record<string, unknown>;
    const key = part in obj ? part : Object.keys(obj).find((k) => k.toLowerCase() === part.toLowerCase());
    value = key === undefined ? undefined : obj[key];
  }
  return value;
}

/** `String {GUID} Name X`: type and GUID compare case-insensitively, the name exactly. */
function extendedIdEquals(a: string, b: string): boolean {
  const split = (s: string) => {
    const m = /^(.*?\}\s+Name\s+)(.*)$/i.exec(s.trim());
    return m ? [m[1]!.toLowerCase().replace(/\s+/g, ' '), m[2]!] : [s.trim().toLowerCase(), ''];
  };
  const [pa, na] = split(a);
  const [pb, nb] = split(b);
  return pa === pb && na === nb;
}

function compare(op: string, left: unknown, right: unknown, path: string): boolean {
  if (typeof left === 'string' && typeof right === 'string') {
    if (op === 'eq' || op === 'ne') {
      const equal =
        /\/id$/i.test(path) && /\}\s+Name\s+/i.test(right)
          ? extendedIdEquals(left, right)
          : left.toLowerCase() === right.toLowerCase();
      return op === 'eq' ? equal : !equal;
    }
    const l = left.toLowerCase();
    const r = right.toLowerCase();
    return op === 'gt' ? l > r : op === 'ge' ? l >= r : op === 'lt' ? l < r : l <= r;
  }
  if (op === 'eq') return left === right || (left === undefined && right === null);
  if (op === 'ne') return !(left === right || (left === undefined && right === null));
  if (typeof left !== typeof right || left === null || left === undefined) return false;
  const l = left as number;
  const r = right as number;
  return op === 'gt' ? l > r : op === 'ge' ? l >= r : op === 'lt' ? l < r : l <= r;
}

export function evaluateFilter(node: FilterNode, root: unknown, scope: Scope = {}): boolean {
  switch (node.type) {
    case 'and':
      return evaluateFilter(node.left, root, scope) && evaluateFilter(node.right, root, scope);
    case 'or':
      return evaluateFilter(node.left, root, scope) || evaluateFilter(node.right, root, scope);
    case 'not':
      return !evaluateFilter(node.operand, root, scope);
    case 'func': {
      const value = resolvePath(node.path, root, scope);
      if (typeof value !== 'string') return false;
      const v = value.toLowerCase();
      const x = node.value.toLowerCase();
      return node.name === 'startswith'
        ? v.startsWith(x)
        : node.name === 'endswith'
          ? v.endsWith(x)
          : v.includes(x);
    }
    case 'any': {
      const collection = resolvePath(node.path, root, scope);
      if (!Array.isArray(collection)) return false;
      return collection.some((element) =>
        evaluateFilter(node.predicate, root, { ...scope, [node.variable]: element }),
      );
    }
    case 'compare': {
      const value = (o: Operand) => (o.kind === 'literal' ? o.value : resolvePath(o.path, root, scope));
      const path = node.left.kind === 'path' ? node.left.path : '';
      return compare(node.op, value(node.left), value(node.right), path);
    }
  }
}
