import type { Contact, Email, FormatIssue, Phone, Photo, PostalAddress } from '../../model/index.js';
import type { DateOnly } from '../../model/index.js';

/** A contact being assembled by a reader; frozen into a Contact only when the whole item parsed. */
export interface ContactDraft {
  name: { given?: string; family?: string; middle?: string; prefix?: string; suffix?: string };
  displayName?: string;
  nickname?: string;
  company?: string;
  department?: string;
  jobTitle?: string;
  phones: Phone[];
  emails: Email[];
  addresses: PostalAddress[];
  urls: string[];
  birthday?: DateOnly;
  note?: string;
  categories: string[];
  photo?: Photo;
  extra: Record<string, string>;
  modifiedAt?: string;
  warnings: FormatIssue[];
}

export function emptyDraft(): ContactDraft {
  return {
    name: {},
    phones: [],
    emails: [],
    addresses: [],
    urls: [],
    categories: [],
    extra: {},
    warnings: [],
  };
}

/** Drops undefined and empty-string fields so equal contacts compare equal however they were built. */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

export function freezeDraft(d: ContactDraft): Contact {
  const contact: Contact = {
    kind: 'contact',
    name: compact(d.name),
    displayName: d.displayName,
    nickname: d.nickname,
    company: d.company,
    department: d.department,
    jobTitle: d.jobTitle,
    phones: d.phones,
    emails: d.emails,
    addresses: d.addresses.map(compact),
    urls: d.urls,
    birthday: d.birthday,
    note: d.note,
    categories: d.categories,
    photo: d.photo,
    extra: d.extra,
    modifiedAt: d.modifiedAt,
  };
  return compact(contact);
}

/**
 * Adds a verbatim property to `extra`. Repeats get `#2`, `#3` … so nothing is overwritten
 * (docs/decisions/0011-contact-extra-keys.md); writers strip the suffix.
 */
export function addExtra(extra: Record<string, string>, key: string, value: string): void {
  if (!(key in extra)) {
    extra[key] = value;
    return;
  }
  let n = 2;
  while (`${key}#${n}` in extra) n++;
  extra[`${key}#${n}`] = value;
}

/** The property name an `extra` key stands for: `item1.X-ABLABEL#2` → group 'item1', name 'X-ABLABEL'. */
export function extraKeyToProperty(key: string): { group?: string; name: string } {
  const bare = key.replace(/#\d+$/, '');
  const dot = bare.lastIndexOf('.');
  return dot < 0 ? { name: bare } : { group: bare.slice(0, dot), name: bare.slice(dot + 1) };
}
