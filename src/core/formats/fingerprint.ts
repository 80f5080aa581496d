import { md5 } from 'js-md5';
import type { SyncItem } from '../model/index.js';

/**
 * Content fingerprint of an item over its normalised model, used to tell a real change from the echo of our own
 * write (DESIGN.md §3 step 2). Generic over contacts, events and tasks: it walks the model, so a new field is
 * covered without touching this file. docs/decisions/0013-fingerprint.md explains each rule:
 * - `modifiedAt` is ignored, and so are `extra` keys that are stamps, not content (REV, DTSTAMP, …);
 * - strings are NFC-normalised, line ends become '\n', whitespace at both ends is dropped;
 * - empty strings, empty lists and empty objects count as absent;
 * - every list is order-insensitive (phones, e-mails, categories, attendees, exceptions, days of week);
 * - repeated `extra` keys (`X-A`, `X-A#2`) count as one key with an unordered set of values;
 * - e-mail addresses compare case-insensitively.
 */
export const FINGERPRINT_VERSION = 'fp1';

const IGNORED_FIELDS: ReadonlySet<string> = new Set(['modifiedAt']);
const IGNORED_EXTRA_KEYS: ReadonlySet<string> = new Set([
  'REV',
  'PRODID',
  'DTSTAMP',
  'LAST-MODIFIED',
  'CREATED',
  'SEQUENCE',
  'X-MS-OLK-LASTMODIFIEDTIME',
]);

/** Field-specific folding, by the path of keys from the item (list indexes left out). */
const PATH_RULES: Readonly<Record<string, (s: string) => string>> = {
  'emails.address': (s) => s.toLowerCase(),
  'attendees.email': (s) => s.toLowerCase(),
  'organizer.email': (s) => s.toLowerCase(),
};

type Canonical = string | number | boolean | null | Canonical[] | { [key: string]: Canonical };

function canonicalString(s: string, path: string): string | undefined {
  const normalised = s.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return undefined;
  return PATH_RULES[path]?.(normalised) ?? normalised;
}

function canonicalExtra(extra: Readonly<Record<string, unknown>>): Canonical | undefined {
  const grouped = new Map<string, Canonical[]>();
  for (const [key, value] of Object.entries(extra)) {
    const bare = key.replace(/#\d+$/, '');
    if (IGNORED_EXTRA_KEYS.has(bare.slice(bare.lastIndexOf('.') + 1))) continue;
    const v = canonical(value, 'extra');
    if (v !== undefined) grouped.set(bare, [...(grouped.get(bare) ?? []), v]);
  }
  return canonical(Object.fromEntries(grouped), 'extra.*');
}

function canonical(value: unknown, path: string): Canonical | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return canonicalString(value, path);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v, path)).filter((v): v is Canonical => v !== undefined);
    if (items.length === 0) return undefined;
    return items
      .map((v) => JSON.stringify(v))
      .sort()
      .map((s) => JSON.parse(s) as Canonical);
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Canonical } = {};
    for (const key of Object.keys(value).sort()) {
      if (path === '' && IGNORED_FIELDS.has(key)) continue;
      const child = (value as Record<string, unknown>)[key];
      const childPath = path === '' ? key : `${path}.${key}`;
      const v =
        path === '' && key === 'extra'
          ? canonicalExtra(child as Record<string, unknown>)
          : canonical(child, childPath);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return undefined; // functions, symbols, bigint: not part of a model
}

/** The canonical JSON text the fingerprint is taken over (exported for diagnostics and tests). */
export function canonicalItemText(item: SyncItem): string {
  return JSON.stringify(canonical(item, '') ?? null);
}

/** `fp1:` + MD5 hex of the canonical text. Pure and deterministic across runtimes. */
export function fingerprint(item: SyncItem): string {
  return `${FINGERPRINT_VERSION}:${md5(canonicalItemText(item))}`;
}
