import type { LineSyntax } from '../text/index.js';

export type VCardVersion = '2.1' | '3.0';

/**
 * What differs between vCard 2.1 and 3.0, as data (CONVENTIONS.md rule 6; ../shared/reference/syncml.md §8.2).
 * The property readers and writers consult this table instead of branching on the version.
 */
export interface VCardDialect {
  readonly version: VCardVersion;
  readonly syntax: LineSyntax;
  /** How type words are written: bare (`TEL;CELL;VOICE:`) or as a TYPE list (`TEL;TYPE=CELL,VOICE:`). */
  readonly typeStyle: 'bare' | 'typeParam';
  /** ENCODING parameter value for base64 binaries. */
  readonly base64Encoding: 'BASE64' | 'b';
  /** BDAY output form: basic `19750517` (what Synthesis emits for 2.1) or extended `1975-05-17`. */
  readonly birthdayForm: 'basic' | 'extended';
  /** REV output form. */
  readonly revForm: 'basic' | 'extended';
  /** 3.0 requires FN; 2.1 makes it optional. */
  readonly requiresFormattedName: boolean;
  /** Separators accepted between CATEGORIES items on input (2.1 writers use both). */
  readonly categorySeparators: readonly (',' | ';')[];
  /** 2.1 ends a base64 value with a blank line (versit spec); harmless for readers, expected by some. */
  readonly blankLineAfterBase64: boolean;
}

export const VCARD_DIALECTS: Readonly<Record<VCardVersion, VCardDialect>> = {
  '2.1': {
    version: '2.1',
    syntax: 'versit',
    typeStyle: 'bare',
    base64Encoding: 'BASE64',
    birthdayForm: 'basic',
    revForm: 'basic',
    requiresFormattedName: false,
    categorySeparators: [',', ';'],
    blankLineAfterBase64: true,
  },
  '3.0': {
    version: '3.0',
    syntax: 'rfc',
    typeStyle: 'typeParam',
    base64Encoding: 'b',
    birthdayForm: 'extended',
    revForm: 'extended',
    requiresFormattedName: true,
    categorySeparators: [','],
    blankLineAfterBase64: false,
  },
};

/**
 * Reading: which dialect a VERSION value is read with. 4.0 is close enough to 3.0 for the fields we map
 * (TYPE lists, RFC syntax); its data-URI PHOTO is handled by the photo reader.
 */
export const READ_DIALECT_BY_VERSION: Readonly<Record<string, VCardVersion>> = {
  '2.1': '2.1',
  '3.0': '3.0',
  '4.0': '3.0',
};
