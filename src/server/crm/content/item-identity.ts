/**
 * How the CRM recognises "the same item" during a slow sync (twinning, DESIGN.md §5):
 * - a fingerprint over the item's meaningful properties: equal fingerprints = identical twins,
 *   nothing to change on either side;
 * - a match key like the Synthesis engine's "slowsync" fields (contacts: name; events: summary +
 *   start; tasks: summary + due): equal keys with different fingerprints = the same item edited
 *   on both sides, a conflict the CRM's policy settles.
 * Volatile properties (REV, DTSTAMP, UID, PRODID, ...) and empty ones never take part: clients
 * add, drop and regenerate them (../shared/syncml-peer/README.md quirk 11).
 */
import type { Datastore } from '../datastores.js';
import { componentProperties, type Property } from './properties.js';

const VOLATILE = new Set([
  'VERSION',
  'PRODID',
  'REV',
  'UID',
  'DTSTAMP',
  'LAST-MODIFIED',
  'CREATED',
  'SEQUENCE',
  'X-EVOLUTION-FILE-AS',
]);
const IGNORED_PARAMS = new Set(['CHARSET', 'ENCODING', 'VALUE']);
const COMPONENT: Readonly<Record<Datastore, string>> = {
  addressbook: 'VCARD',
  calendar: 'VEVENT',
  todo: 'VTODO',
};

function normaliseValue(p: Property): string {
  let v = p.text.trim();
  if (p.name === 'TEL') v = v.replace(/[\s()/.-]/g, '');
  if (p.name === 'EMAIL') v = v.toLowerCase();
  return v.replace(/;+$/, '');
}

function isEmptyValue(p: Property): boolean {
  return p.text.replace(/[;,\s]/g, '') === '';
}

function propertyFingerprint(p: Property): string {
  const params = Object.entries(p.line.params)
    .filter(([name]) => !IGNORED_PARAMS.has(name))
    .map(
      ([name, values]) =>
        `${name}=${values
          .map((v) => v.toUpperCase())
          .sort()
          .join(',')}`,
    );
  const bare = p.line.bareParams.map((b) => `TYPE=${b}`);
  return `${p.name};${[...params, ...bare].sort().join(';')}:${normaliseValue(p)}`;
}

function meaningful(datastore: Datastore, content: string): Property[] {
  return componentProperties(content, COMPONENT[datastore]).filter(
    (p) => !VOLATILE.has(p.name) && !p.name.startsWith('X-') && !isEmptyValue(p),
  );
}

export function itemFingerprint(datastore: Datastore, content: string): string {
  return meaningful(datastore, content).map(propertyFingerprint).sort().join('\n');
}

const lower = (s: string | undefined): string => (s ?? '').trim().toLowerCase();

/** The slow-sync match key, or undefined when the item has nothing to match on. */
export function itemMatchKey(datastore: Datastore, content: string): string | undefined {
  const props = componentProperties(content, COMPONENT[datastore]);
  const text = (name: string): string | undefined => props.find((p) => p.name === name)?.text;
  if (datastore === 'addressbook') {
    const [family = '', given = '', middle = ''] = (
      props.find((p) => p.name === 'N')?.line.rawValue ?? ''
    ).split(';');
    const name = [family, given, middle].map(lower).join('|');
    if (name.replace(/\|/g, '') !== '') return `n:${name}`;
    const fn = lower(text('FN'));
    return fn === '' ? undefined : `fn:${fn}`;
  }
  const summary = lower(text('SUMMARY'));
  const when = datastore === 'calendar' ? text('DTSTART') : text('DUE');
  if (summary === '' && when === undefined) return undefined;
  return `${summary}|${(when ?? '').replace(/[-:]/g, '').slice(0, datastore === 'calendar' ? 15 : 8)}`;
}
