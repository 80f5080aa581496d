import type { DateOnly } from './datetime.js';

/** Neutral contact: the fields both Outlook (Graph contact) and vCard can carry. */
export type PhoneKind = 'mobile' | 'home' | 'business' | 'homeFax' | 'businessFax' | 'pager' | 'other';
export type EmailKind = 'home' | 'work' | 'other';
export type AddressKind = 'home' | 'business' | 'other';

export interface PersonName {
  readonly given?: string;
  readonly family?: string;
  readonly middle?: string;
  readonly prefix?: string; // Dr., Prof.
  readonly suffix?: string;
}

export interface Phone {
  readonly kind: PhoneKind;
  readonly number: string;
}

export interface Email {
  readonly kind: EmailKind;
  readonly address: string;
  readonly name?: string;
}

export interface PostalAddress {
  readonly kind: AddressKind;
  readonly street?: string;
  readonly city?: string;
  readonly region?: string;
  readonly postalCode?: string;
  readonly country?: string;
  readonly poBox?: string;
  readonly extended?: string;
}

export interface Photo {
  /** e.g. 'image/jpeg' */
  readonly mediaType: string;
  /** Base64, kept byte-for-byte. */
  readonly base64: string;
}

export interface Contact {
  readonly kind: 'contact';
  readonly name: PersonName;
  /** Display name (vCard FN / Graph displayName). */
  readonly displayName?: string;
  readonly nickname?: string;
  readonly company?: string;
  readonly department?: string;
  readonly jobTitle?: string;
  readonly phones: readonly Phone[];
  readonly emails: readonly Email[];
  readonly addresses: readonly PostalAddress[];
  readonly urls: readonly string[];
  readonly birthday?: DateOnly;
  readonly note?: string;
  readonly categories: readonly string[];
  readonly photo?: Photo;
  /** Properties one side has and the other can't hold, kept verbatim (name → raw value). */
  readonly extra: Readonly<Record<string, string>>;
  /** Last modification time as UTC ISO instant, when known (for "newest wins"). */
  readonly modifiedAt?: string;
}

export function emptyContact(): Contact {
  return {
    kind: 'contact',
    name: {},
    phones: [],
    emails: [],
    addresses: [],
    urls: [],
    categories: [],
    extra: {},
  };
}
