/**
 * What a Graph contact cannot hold but the CRM's version of it has: `extra` properties with no Graph field
 * (the CRM's own X- ids, UID, a PHOTO URI, …). They ride as JSON in one named single-value extended property
 * on the contact, so the next vCard we build from the Outlook item carries them back and a server that stores
 * a Replace as the whole item loses nothing (docs/decisions/0170-crm-only-contact-data.md). The property is
 * the events' carry property (one name for everything we carry on MAPI items).
 *
 * It also marks a contact whose photo we wrote (`photo`: its media type). Graph has no "has photo" flag, and
 * reading `…/photo/$value` costs a request per contact, so the store reads photos only of marked contacts
 * (docs/decisions/0171-contact-photos.md); the bytes live in Outlook, not here.
 *
 * Bounded: a contact carries at most CONTACT_CARRY_MAX_CHARS of JSON. What does not fit is left out with a
 * FIELD_NOT_REPRESENTABLE warning, smallest values kept first; the server keeps them when it honours CTCap.
 */
import type { FormatIssue } from '../../model/index.js';
import { formatIssue } from '../text/index.js';
import { isGraphExtraKey } from './contact-fields.js';
import { EVENT_CARRY_PROPERTY_ID } from './event-carry.js';

export const CONTACT_CARRY_PROPERTY_ID = EVENT_CARRY_PROPERTY_ID;

/** Exchange keeps long string properties, but every read expands this one: keep it small. */
export const CONTACT_CARRY_MAX_CHARS = 16_384;

interface ContactCarry {
  readonly extra?: Readonly<Record<string, string>>;
  /** Media type of the photo we wrote to the contact, if any. */
  readonly photo?: string;
}

/** What a contact's carry property holds, read back. */
export interface ContactCarryContent {
  readonly extra: Record<string, string>;
  readonly photo?: string;
}

export interface GraphExtendedPropertyValue {
  readonly id: string;
  readonly value: string;
}

/**
 * The extras Graph has no field for, and the photo mark when given, as the carry property (undefined when
 * neither). The mapping itself never marks a photo: the store does, as it writes one (see markCarriedPhoto).
 */
export function contactCarryProperty(
  extra: Readonly<Record<string, string>>,
  photoMediaType: string | undefined,
  warnings: FormatIssue[],
): GraphExtendedPropertyValue | undefined {
  const candidates = Object.entries(extra)
    .filter(([key]) => !isGraphExtraKey(key))
    .sort(([ka, va], [kb, vb]) => ka.length + va.length - (kb.length + vb.length));
  const kept: Record<string, string> = {};
  for (const [key, value] of candidates) {
    const next = { ...kept, [key]: value };
    if (JSON.stringify({ extra: next, photo: photoMediaType }).length > CONTACT_CARRY_MAX_CHARS) {
      warnings.push(
        formatIssue('FIELD_NOT_REPRESENTABLE', `${key} is too long to keep in Outlook`, undefined, key),
      );
      continue;
    }
    kept[key] = value;
  }
  const hasExtra = Object.keys(kept).length > 0;
  if (!hasExtra && photoMediaType === undefined) return undefined;
  const carry: ContactCarry = {
    ...(hasExtra ? { extra: kept } : {}),
    ...(photoMediaType !== undefined ? { photo: photoMediaType } : {}),
  };
  return { id: CONTACT_CARRY_PROPERTY_ID, value: JSON.stringify(carry) };
}

/** What a Graph contact carries (nothing when it has no carry; a damaged value is reported and ignored). */
export function readContactCarry(props: unknown, warnings: FormatIssue[]): ContactCarryContent {
  if (!Array.isArray(props)) return { extra: {} };
  const raw = (props as Array<{ id?: unknown; value?: unknown }>).find(
    (p) => typeof p.id === 'string' && p.id.toLowerCase() === CONTACT_CARRY_PROPERTY_ID.toLowerCase(),
  )?.value;
  if (typeof raw !== 'string' || raw === '') return { extra: {} };
  const damaged = (): ContactCarryContent => {
    warnings.push(
      formatIssue('MALFORMED_LINE', 'sync carry property is not readable; ignored', undefined, 'carry'),
    );
    return { extra: {} };
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return damaged();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return damaged();
  const { extra = {}, photo } = parsed as ContactCarry;
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return damaged();
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(extra))
    if (typeof value === 'string' && !isGraphExtraKey(key)) out[key] = value;
  return typeof photo === 'string' && photo !== '' ? { extra: out, photo } : { extra: out };
}

/** A contact body's extended properties with the carry marking a photo of `mediaType` (extras kept). */
export function markCarriedPhoto(
  props: ReadonlyArray<GraphExtendedPropertyValue> | undefined,
  mediaType: string,
): GraphExtendedPropertyValue[] {
  const others = (props ?? []).filter((p) => p.id.toLowerCase() !== CONTACT_CARRY_PROPERTY_ID.toLowerCase());
  const { extra } = readContactCarry(props, []);
  const carry = contactCarryProperty(extra, mediaType, []);
  return carry ? [...others, carry] : others;
}

/** The media type of the photo we wrote to this Graph contact, if its carry says we did. */
export function carriedPhotoType(json: {
  readonly singleValueExtendedProperties?: unknown;
}): string | undefined {
  return readContactCarry(json.singleValueExtendedProperties, []).photo;
}
