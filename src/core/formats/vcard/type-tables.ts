import type { AddressKind, EmailKind, PhoneKind } from '../../model/index.js';

/**
 * Type words ⇄ model kinds. Reading: the first rule whose words are all present wins (so `FAX;HOME` is a home
 * fax before `HOME` is a home phone). Writing: the words for a kind. Same words in 2.1 and 3.0; only how they
 * are written differs (dialects.ts).
 */
interface KindRule<K> {
  readonly words: readonly string[];
  readonly kind: K;
}

export const PHONE_KIND_RULES: readonly KindRule<PhoneKind>[] = [
  { words: ['FAX', 'HOME'], kind: 'homeFax' },
  { words: ['FAX'], kind: 'businessFax' },
  { words: ['PAGER'], kind: 'pager' },
  { words: ['CELL'], kind: 'mobile' },
  { words: ['WORK'], kind: 'business' },
  { words: ['HOME'], kind: 'home' },
];

export const PHONE_KIND_WORDS: Readonly<Record<PhoneKind, readonly string[]>> = {
  mobile: ['CELL', 'VOICE'],
  home: ['HOME', 'VOICE'],
  business: ['WORK', 'VOICE'],
  homeFax: ['HOME', 'FAX'],
  businessFax: ['WORK', 'FAX'],
  pager: ['PAGER'],
  other: ['VOICE'],
};

export const EMAIL_KIND_RULES: readonly KindRule<EmailKind>[] = [
  { words: ['WORK'], kind: 'work' },
  { words: ['HOME'], kind: 'home' },
];

export const EMAIL_KIND_WORDS: Readonly<Record<EmailKind, readonly string[]>> = {
  work: ['INTERNET', 'WORK'],
  home: ['INTERNET', 'HOME'],
  other: ['INTERNET'],
};

export const ADDRESS_KIND_RULES: readonly KindRule<AddressKind>[] = [
  { words: ['WORK'], kind: 'business' },
  { words: ['HOME'], kind: 'home' },
];

export const ADDRESS_KIND_WORDS: Readonly<Record<AddressKind, readonly string[]>> = {
  business: ['WORK'],
  home: ['HOME'],
  other: [],
};

export function kindFromTypes<K>(types: readonly string[], rules: readonly KindRule<K>[], fallback: K): K {
  const set = new Set(types);
  return rules.find((r) => r.words.every((w) => set.has(w)))?.kind ?? fallback;
}

/** PHOTO TYPE word ⇄ media type. Funambol sends `TYPE=image/jpeg`, which the reader accepts too. */
export const PHOTO_TYPE_TO_MEDIA: Readonly<Record<string, string>> = {
  JPEG: 'image/jpeg',
  JPG: 'image/jpeg',
  PNG: 'image/png',
  GIF: 'image/gif',
  BMP: 'image/bmp',
  TIFF: 'image/tiff',
};

export const MEDIA_TO_PHOTO_TYPE: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/bmp': 'BMP',
  'image/tiff': 'TIFF',
};

/** Magic prefixes of base64 images, for a PHOTO without TYPE. */
export const BASE64_MAGIC: readonly (readonly [string, string])[] = [
  ['/9j/', 'image/jpeg'],
  ['iVBORw0KGgo', 'image/png'],
  ['R0lGOD', 'image/gif'],
  ['Qk', 'image/bmp'],
];
