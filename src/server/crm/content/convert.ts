/**
 * Format conversion between what a client sends or wants (its DevInf Rx-Pref) and what the CRM
 * stores (vCard 3.0, iCalendar 2.0), through the core's format layer. When a conversion is not
 * possible the item travels as it is, under its own content type: a client that listed both
 * formats in its DevInf can read either, and nothing is lost on the way.
 */
import { DATASTORE_FORMATS, type ContentType, type Datastore } from '../datastores.js';

/** Converts item text between the two formats of a datastore; undefined when it can't. */
export type FormatConverter = (
  datastore: Datastore,
  content: string,
  from: ContentType,
  to: ContentType,
) => string | undefined;

export const passThroughConverter: FormatConverter = () => undefined;

const sameType = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The content type a media type names in this datastore (version from the datastore table). */
export function knownContentType(datastore: Datastore, mediaType: string): ContentType | undefined {
  const { canonical, alternative } = DATASTORE_FORMATS[datastore];
  if (sameType(mediaType, canonical.type)) return canonical;
  if (sameType(mediaType, alternative.type)) return alternative;
  return undefined;
}

/** Incoming item → stored form: canonical when convertible, else kept as sent. */
export function toStoredForm(
  convert: FormatConverter,
  datastore: Datastore,
  content: string,
  mediaType: string | undefined,
): { content: string; contentType: string } {
  const canonical = DATASTORE_FORMATS[datastore].canonical;
  const from = mediaType === undefined ? canonical : knownContentType(datastore, mediaType);
  if (from === undefined || from === canonical) return { content, contentType: mediaType ?? canonical.type };
  const converted = convert(datastore, content, from, canonical);
  return converted === undefined
    ? { content, contentType: from.type }
    : { content: converted, contentType: canonical.type };
}

/** Stored record → the form the client asked for, or as stored when that is not possible. */
export function toClientForm(
  convert: FormatConverter,
  datastore: Datastore,
  content: string,
  storedType: string,
  wanted: ContentType,
): { content: string; type: string } {
  if (sameType(storedType, wanted.type)) return { content, type: wanted.type };
  const from = knownContentType(datastore, storedType);
  const converted = from === undefined ? undefined : convert(datastore, content, from, wanted);
  return converted === undefined ? { content, type: storedType } : { content: converted, type: wanted.type };
}
