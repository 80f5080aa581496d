/**
 * Scores a pair of contacts 0–100 with named reasons. Strong identifiers (e-mail, phone) and the
 * name must agree; a shared office e-mail with a different name, or the same name at another
 * company (a namesake), must not be linked.
 */
import type { ContactFeatures } from './contact-features.js';
import { jaroWinkler } from './similarity.js';

export type ContactReason =
  | 'same-email'
  | 'same-mobile'
  | 'same-phone'
  | 'same-name'
  | 'similar-name'
  | 'swapped-name'
  | 'same-company'
  | 'different-company'
  | 'different-name'
  | 'different-contact-data';

export interface Scored<R extends string> {
  readonly score: number;
  readonly reasons: readonly R[];
}

/** Weights in one table, so tuning is data, not code (see docs/decisions on matching). */
export const CONTACT_WEIGHTS = {
  email: 50,
  mobile: 45,
  phone: 30,
  nameSame: 45,
  nameSimilar: 35,
  company: 35,
  differentCompany: -40,
  differentName: -45,
  differentContactData: -25,
} as const;

export function scoreContacts(a: ContactFeatures, b: ContactFeatures): Scored<ContactReason> {
  const reasons: ContactReason[] = [];
  let score = 0;
  const w = CONTACT_WEIGHTS;

  const sharedEmail = intersects(a.emails, b.emails);
  if (sharedEmail) {
    score += w.email;
    reasons.push('same-email');
  }
  const phone = sharedPhone(a, b);
  if (phone !== undefined) {
    score += phone === 'mobile' ? w.mobile : w.phone;
    reasons.push(phone === 'mobile' ? 'same-mobile' : 'same-phone');
  }

  const name = nameSimilarity(a, b);
  if (name.sim >= 0.96) {
    score += w.nameSame;
    reasons.push(name.swapped ? 'swapped-name' : 'same-name');
  } else if (name.sim >= 0.88) {
    score += w.nameSimilar;
    reasons.push(name.swapped ? 'swapped-name' : 'similar-name');
  } else if (name.sim < 0.75 && name.comparable) {
    score += w.differentName;
    reasons.push('different-name');
  }

  if (a.company && b.company) {
    if (a.company === b.company || jaroWinkler(a.company, b.company) >= 0.93) {
      score += w.company;
      reasons.push('same-company');
    } else {
      score += w.differentCompany;
      reasons.push('different-company');
    }
  }

  const emailsDiffer = a.emails.size > 0 && b.emails.size > 0 && !sharedEmail;
  const phonesDiffer = a.phones.size > 0 && b.phones.size > 0 && phone === undefined;
  if (emailsDiffer && phonesDiffer) {
    score += w.differentContactData;
    reasons.push('different-contact-data');
  }
  return { score: Math.max(0, Math.min(100, score)), reasons };
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

function sharedPhone(a: ContactFeatures, b: ContactFeatures): 'mobile' | 'phone' | undefined {
  let found: 'mobile' | 'phone' | undefined;
  for (const [num, mobile] of a.phones) {
    const other = b.phones.get(num);
    if (other === undefined) continue;
    if (mobile || other) return 'mobile';
    found = 'phone';
  }
  return found;
}

/** Similarity of the names, trying given/family swapped ("Weiß Jürgen" vs "Jürgen Weiß"). */
function nameSimilarity(
  a: ContactFeatures,
  b: ContactFeatures,
): { sim: number; swapped: boolean; comparable: boolean } {
  if (!a.family || !b.family) return { sim: 0, swapped: false, comparable: false };
  const straight = pairSimilarity(a.given, a.family, b.given, b.family);
  const swapped = pairSimilarity(a.given, a.family, b.family, b.given);
  return swapped > straight + 0.02
    ? { sim: swapped, swapped: true, comparable: true }
    : { sim: straight, swapped: false, comparable: true };
}

function pairSimilarity(g1: string, f1: string, g2: string, f2: string): number {
  const family = jaroWinkler(f1, f2);
  if (!g1 || !g2) return family * 0.97; // one side lacks a given name: the family name alone is weaker evidence
  // "J." or "Jürgen" vs "Juergen": an initial that fits counts as a near match.
  const given = g1.length === 1 || g2.length === 1 ? (g1[0] === g2[0] ? 0.9 : 0) : jaroWinkler(g1, g2);
  return family * 0.6 + given * 0.4;
}
