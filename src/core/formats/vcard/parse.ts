import type { Contact, FormatIssue, ParseResult } from '../../model/index.js';
import { formatIssue, isFatal, readContentText, splitTopLevelBlocks, type Component } from '../text/index.js';
import { READ_DIALECT_BY_VERSION, VCARD_DIALECTS, type VCardDialect } from './dialects.js';
import { emptyDraft, freezeDraft, type ContactDraft } from './draft.js';
import { readProperty } from './read-properties.js';

const VERSION_LINE = /^[ \t]*VERSION[ \t]*:[ \t]*([0-9.]+)/im;

/** The dialect to read with, from a cheap pre-scan (unfolding already depends on it: 2.1 keeps fold blanks). */
function detectDialect(text: string, warnings: FormatIssue[]): VCardDialect {
  const version = VERSION_LINE.exec(text)?.[1];
  const known = version === undefined ? undefined : READ_DIALECT_BY_VERSION[version];
  if (version === undefined) {
    warnings.push(formatIssue('MISSING_REQUIRED', 'no VERSION; read as vCard 2.1', undefined, 'VERSION'));
  } else if (known === undefined) {
    warnings.push(
      formatIssue('MALFORMED_LINE', `unknown vCard VERSION ${version}; read as 3.0`, undefined, 'VERSION'),
    );
  }
  return VCARD_DIALECTS[known ?? (version === undefined ? '2.1' : '3.0')];
}

function hasIdentity(d: ContactDraft): boolean {
  return (
    Object.values(d.name).some(Boolean) ||
    Boolean(d.displayName || d.company || d.nickname) ||
    d.emails.length > 0 ||
    d.phones.length > 0
  );
}

function readCard(card: Component, dialect: VCardDialect): ContactDraft {
  const draft = emptyDraft();
  for (const line of card.properties) readProperty(line, dialect, draft);
  for (const nested of card.children) {
    draft.warnings.push(
      formatIssue('FIELD_NOT_REPRESENTABLE', `nested ${nested.name} ignored`, nested.startLine, nested.name),
    );
  }
  return draft;
}

function parseVCardUnguarded(text: string): ParseResult<Contact> {
  const warnings: FormatIssue[] = [];
  const dialect = detectDialect(text, warnings);
  const tree = readContentText(text, dialect.syntax);
  const fatal = tree.issues.find(isFatal);
  warnings.push(...tree.issues.filter((i) => !isFatal(i)));
  if (fatal) return { ok: false, error: fatal, warnings };
  const cards = tree.components.filter((c) => c.name === 'VCARD');
  const card = cards[0];
  if (!card)
    return { ok: false, error: formatIssue('MISSING_COMPONENT', 'no BEGIN:VCARD … END:VCARD'), warnings };
  if (cards.length > 1) {
    const second = cards[1]!.startLine;
    warnings.push(formatIssue('MALFORMED_LINE', 'more than one vCard; use splitVCards', second, 'VCARD'));
  }
  const draft = readCard(card, dialect);
  warnings.push(...draft.warnings);
  if (!hasIdentity(draft)) {
    const error = formatIssue(
      'MISSING_REQUIRED',
      'vCard has no name, organisation, e-mail or phone',
      card.startLine,
    );
    return { ok: false, error, warnings };
  }
  return { ok: true, value: freezeDraft(draft), warnings };
}

/**
 * Parses one vCard (2.1, 3.0; 4.0 read like 3.0) into a Contact. Never throws: bad input gives a typed error
 * with its line, and a card is returned only whole (warnings say what was kept in `extra` or dropped).
 */
export function parseVCard(text: string): ParseResult<Contact> {
  try {
    return parseVCardUnguarded(text);
  } catch (cause) {
    // Last line of defence for the "never throws untyped" contract; a bug, reported as a typed error.
    const detail = cause instanceof Error ? cause.name : 'unknown';
    return { ok: false, error: formatIssue('MALFORMED_LINE', `unreadable vCard (${detail})`), warnings: [] };
  }
}

export interface VCardBlock {
  /** One card's text, BEGIN:VCARD to END:VCARD. */
  readonly text: string;
  /** 1-based line of its BEGIN in the whole file. */
  readonly startLine: number;
}

/** Splits a .vcf file with many cards into one text per card, without parsing (one bad card spoils nothing). */
export function splitVCards(text: string): VCardBlock[] {
  return splitTopLevelBlocks(text, 'VCARD');
}

function shiftLine(issue: FormatIssue, offset: number): FormatIssue {
  return issue.line === undefined ? issue : { ...issue, line: issue.line + offset };
}

/** Parses every card of a .vcf file; issue lines are lines of the whole file. */
export function parseVCardFile(text: string): Array<{ startLine: number; result: ParseResult<Contact> }> {
  return splitVCards(text).map(({ text: cardText, startLine }) => {
    const r = parseVCard(cardText);
    const offset = startLine - 1;
    const warnings = r.warnings.map((w) => shiftLine(w, offset));
    const result: ParseResult<Contact> = r.ok
      ? { ok: true, value: r.value, warnings }
      : { ok: false, error: shiftLine(r.error, offset), warnings };
    return { startLine, result };
  });
}
