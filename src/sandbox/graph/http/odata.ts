/** OData system query options as Graph applies them to Outlook collections. */
import { badRequest } from '../errors.js';
import { parseFilter, type FilterNode } from './odata-filter.js';

export interface ExpandOption {
  /** 'singleValueExtendedProperties' | 'extensions' | 'linkedResources' (normalised casing). */
  property: string;
  filter?: FilterNode;
}

export interface QueryOptions {
  select?: string[];
  top?: number;
  skip: number;
  count: boolean;
  filter?: FilterNode;
  expand: ExpandOption[];
  orderBy?: { path: string; descending: boolean };
}

const KNOWN = new Set([
  '$select',
  '$top',
  '$skip',
  '$count',
  '$filter',
  '$expand',
  '$orderby',
  '$search',
  '$skiptoken',
  '$deltatoken',
  'startdatetime',
  'enddatetime',
]);

/** Splits on commas that are not inside parentheses or quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

const EXPANDABLE: Record<string, string> = {
  singlevalueextendedproperties: 'singleValueExtendedProperties',
  extensions: 'extensions',
  linkedresources: 'linkedResources',
};

function parseExpand(text: string): ExpandOption[] {
  return splitTopLevel(text).map((part) => {
    const m = /^([A-Za-z]+)(?:\((.*)\))?$/s.exec(part);
    const property = m ? EXPANDABLE[m[1]!.toLowerCase()] : undefined;
    if (!m || !property) {
      throw badRequest(
        'BadRequest',
        `Parsing OData Select and Expand failed: Could not find a property named '${part}'.`,
        { expand: part },
      );
    }
    const inner = m[2]?.trim();
    if (!inner) return { property };
    const filter = /^\$filter\s*=\s*(.+)$/is.exec(inner);
    if (!filter)
      throw badRequest('BadRequest', `Unsupported nested option in $expand: '${inner}'.`, { expand: part });
    return { property, filter: parseFilter(filter[1]!) };
  });
}

function nonNegativeInt(name: string, value: string): number {
  if (!/^\d+$/.test(value))
    throw badRequest('BadRequest', `Invalid value '${value}' for ${name}.`, { option: name, value });
  return Number(value);
}

/** Parses the query options of a request URL; unknown `$` options are a 400 as on Graph. */
export function parseQueryOptions(url: URL): QueryOptions {
  const get = (name: string) => {
    for (const [k, v] of url.searchParams) if (k.toLowerCase() === name) return v;
    return undefined;
  };
  for (const key of url.searchParams.keys()) {
    if (key.startsWith('$') && !KNOWN.has(key.toLowerCase())) {
      throw badRequest('BadRequest', `Query option '${key}' is not supported.`, { option: key });
    }
  }
  const options: QueryOptions = { skip: 0, count: false, expand: [] };
  const select = get('$select');
  if (select !== undefined)
    options.select = select
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const top = get('$top');
  if (top !== undefined) options.top = nonNegativeInt('$top', top);
  const skip = get('$skip');
  if (skip !== undefined) options.skip = nonNegativeInt('$skip', skip);
  const count = get('$count');
  if (count !== undefined) options.count = count.toLowerCase() === 'true';
  const filter = get('$filter');
  if (filter !== undefined) options.filter = parseFilter(filter);
  const expand = get('$expand');
  if (expand !== undefined) options.expand = parseExpand(expand);
  const orderBy = get('$orderby');
  if (orderBy !== undefined) {
    const [path, direction] = orderBy.trim().split(/\s+/);
    options.orderBy = { path: path!, descending: direction?.toLowerCase() === 'desc' };
  }
  return options;
}

/** Keeps only the selected properties (plus id and @odata.* annotations, which Graph always sends). */
export function applySelect(
  json: Record<string, unknown>,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  if (!select || select.length === 0) return json;
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === 'id' || key.startsWith('@') || wanted.has(key.toLowerCase())) out[key] = value;
  }
  return out;
}
