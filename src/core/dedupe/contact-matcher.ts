/** Contacts: blocking keys and the matcher over contact features. */
import type { Contact } from '../model/index.js';
import { contactFeatures, type ContactFeatures } from './contact-features.js';
import { scoreContacts, type ContactReason } from './contact-score.js';
import type { Matcher } from './matcher.js';
import type { CountryCode } from './normalize.js';

export function contactKeys(f: ContactFeatures): string[] {
  const keys: string[] = [];
  for (const e of f.emails) keys.push(`e:${e}`);
  for (const p of f.phones.keys()) keys.push(`p:${p}`);
  // Phonetic family name + given initial, and the same with the names swapped (one namespace,
  // so a swapped record meets the original). A typo that changes the phonetic code is caught
  // by the given-name key as long as the given name is intact, and vice versa.
  if (f.familyCode) keys.push(`n:${f.familyCode}:${f.given[0] ?? ''}`);
  if (f.givenCode && f.family) keys.push(`n:${f.givenCode}:${f.family[0]}`);
  if (f.company && f.family) keys.push(`c:${f.company}:${f.family[0]}`);
  return keys;
}

export function contactMatcher(
  defaultCountry: CountryCode,
): Matcher<Contact, ContactFeatures, ContactReason> {
  return {
    features: (c) => contactFeatures(c, defaultCountry),
    keys: contactKeys,
    score: scoreContacts,
  };
}
