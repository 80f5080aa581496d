/**
 * The duplicate check's reasons in words, German and English (CONVENTIONS.md rule 9): one source for the
 * pane's review (src/ui/dedupe/texts-*.ts) and the CLI's `duplicates` listing, so both say the same.
 */
import type { ContactReason, EventReason, TaskReason } from '../../core/dedupe/index.js';

export type DuplicateReason = ContactReason | EventReason | TaskReason;
export type ReasonTexts = Readonly<Record<DuplicateReason, string>>;

export const REASON_TEXTS_EN: ReasonTexts = {
  'same-email': 'same e-mail',
  'same-mobile': 'same mobile number',
  'same-phone': 'same phone number',
  'same-name': 'same name',
  'similar-name': 'similar name',
  'swapped-name': 'first and last name swapped',
  'same-company': 'same company',
  'different-company': 'different company',
  'different-name': 'different name',
  'different-contact-data': 'different contact data',
  'same-uid': 'same UID',
  'same-subject': 'same subject',
  'similar-subject': 'similar subject',
  'same-start': 'same start',
  'same-end': 'same end',
  'different-start': 'different start',
  'different-subject': 'different subject',
  'same-title': 'same title',
  'similar-title': 'similar title',
  'same-due': 'same due date',
  'different-due': 'different due date',
  'different-title': 'different title',
};

export const REASON_TEXTS_DE: ReasonTexts = {
  'same-email': 'gleiche E-Mail',
  'same-mobile': 'gleiche Mobilnummer',
  'same-phone': 'gleiche Telefonnummer',
  'same-name': 'gleicher Name',
  'similar-name': 'ähnlicher Name',
  'swapped-name': 'Vor- und Nachname vertauscht',
  'same-company': 'gleiche Firma',
  'different-company': 'andere Firma',
  'different-name': 'anderer Name',
  'different-contact-data': 'andere Kontaktdaten',
  'same-uid': 'gleiche UID',
  'same-subject': 'gleicher Betreff',
  'similar-subject': 'ähnlicher Betreff',
  'same-start': 'gleicher Beginn',
  'same-end': 'gleiches Ende',
  'different-start': 'anderer Beginn',
  'different-subject': 'anderer Betreff',
  'same-title': 'gleicher Titel',
  'similar-title': 'ähnlicher Titel',
  'same-due': 'gleiches Fälligkeitsdatum',
  'different-due': 'anderes Fälligkeitsdatum',
  'different-title': 'anderer Titel',
};
