/**
 * Windows ⇄ IANA zone names (Graph speaks Windows names such as "W. Europe Standard Time").
 * Table from windows-iana (CLDR windowsZones); the first IANA name is CLDR's golden zone.
 */
import { findIana, findWindows } from 'windows-iana';
import { isKnownIanaZone } from './zone-offsets.js';

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z', 'Coordinated Universal Time']);

export function isUtcZoneName(name: string): boolean {
  return UTC_NAMES.has(name);
}

const ianaCache = new Map<string, string | undefined>();

/** IANA name for a Windows zone name, or for an IANA name given as is; undefined if unknown. */
export function ianaFromZoneName(name: string): string | undefined {
  if (!ianaCache.has(name)) {
    if (ianaCache.size > 10_000) ianaCache.clear();
    ianaCache.set(name, resolveZoneName(name));
  }
  return ianaCache.get(name);
}

function resolveZoneName(name: string): string | undefined {
  const trimmed = name.trim();
  if (isUtcZoneName(trimmed)) return 'UTC';
  const fromWindows = findIana(trimmed)[0];
  if (fromWindows) return fromWindows;
  if (isKnownIanaZone(trimmed)) return trimmed;
  // TZIDs like "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin" or "/mozilla.org/…/Europe/Berlin".
  const tail = /([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(trimmed)?.[1];
  for (let candidate = tail; candidate; candidate = candidate.split('/').slice(1).join('/')) {
    if (candidate.includes('/') && isKnownIanaZone(candidate)) return candidate;
  }
  return undefined;
}

/** Windows zone name for an IANA zone (Graph accepts these everywhere); 'UTC' when unknown. */
export function windowsFromIana(iana: string): string | undefined {
  if (isUtcZoneName(iana)) return 'UTC';
  return findWindows(iana)[0];
}
