/**
 * The country whose phone numbers need no prefix, for the duplicate check (docs/decisions/0121): taken from
 * the mailbox's time zone, not from the browser's language (an "en-US" browser in a Munich office would
 * read "0171 2345678" as an American number). Unknown zones fall back to Germany, the CRM's market.
 */
import type { CountryCode } from '../../core/dedupe/index.js';

const BY_TIME_ZONE: Readonly<Record<string, CountryCode>> = {
  'Europe/Berlin': 'DE',
  'Europe/Busingen': 'DE',
  'Europe/Vienna': 'AT',
  'Europe/Zurich': 'CH',
  'Europe/Vaduz': 'LI',
  'Europe/Luxembourg': 'LU',
  'Europe/Amsterdam': 'NL',
  'Europe/Brussels': 'BE',
  'Europe/Paris': 'FR',
  'Europe/Rome': 'IT',
  'Europe/Madrid': 'ES',
  'Europe/Lisbon': 'PT',
  'Europe/London': 'GB',
  'Europe/Dublin': 'IE',
  'Europe/Copenhagen': 'DK',
  'Europe/Stockholm': 'SE',
  'Europe/Oslo': 'NO',
  'Europe/Helsinki': 'FI',
  'Europe/Warsaw': 'PL',
  'Europe/Prague': 'CZ',
  'Europe/Budapest': 'HU',
};

export const DEFAULT_COUNTRY: CountryCode = 'DE';

export function countryForTimeZone(timeZone: string | undefined): CountryCode {
  return (timeZone && BY_TIME_ZONE[timeZone]) || DEFAULT_COUNTRY;
}
