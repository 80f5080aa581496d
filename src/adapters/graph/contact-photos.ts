/**
 * Contact photos between the model and Outlook (docs/decisions/0171-contact-photos.md).
 *
 * Writing: after a contact write succeeded, a contact with a photo gets it by `PUT …/photo/$value` — binary,
 * base64 inside a $batch — paced and batched like every other write. If that fails the contact is in Outlook
 * but not as the CRM has it: the op fails *with the contact's id* (the port's "written in part"), so the
 * engine links it, never sends its Outlook content back (that would clear the CRM's photo), and rewrites it
 * on the CRM's next delivery.
 *
 * Reading: Graph has no "has photo" flag, and a photo costs a request per contact. The contact's carry
 * property marks the ones we gave a photo; only those are read, so a contact without a CRM photo costs
 * nothing more. A marked contact whose photo is gone (404) was cleared by the user: it reads without one.
 */
import { carriedPhotoType, markCarriedPhoto } from '../../core/formats/index.js';
import { BASE64_MAGIC } from '../../core/formats/vcard/type-tables.js';
import type { Contact, OutlookItemId, Photo } from '../../core/model/index.js';
import type { OutlookStoreIssue, WriteOp, WriteResult } from '../../core/sync/outlook-store.js';
import type { BatchItemResult, BatchRequest } from './batch.js';
import { BinaryBody } from './binary-body.js';
import type { GraphClient } from './client.js';
import { GraphError, toStoreIssue } from './errors.js';
import { encode, type GraphJson } from './store-support.js';

const photoUrl = (collection: string, id: string) => `${collection}/${encode(id)}/photo/$value`;

/** A contact's POST/PATCH body, its carry marking the photo the PUT after it will write. */
export function withPhotoMark(body: Record<string, unknown>, item: Contact): Record<string, unknown> {
  if (!item.photo || item.photo.base64 === '') return body;
  const props = Array.isArray(body.singleValueExtendedProperties)
    ? (body.singleValueExtendedProperties as Array<{ id: string; value: string }>)
    : undefined;
  return { ...body, singleValueExtendedProperties: markCarriedPhoto(props, item.photo.mediaType) };
}

/** Why a contact's photo did not reach Outlook, as the port's issue. */
function photoIssue(error: unknown): OutlookStoreIssue {
  if (error instanceof GraphError) return toStoreIssue(error);
  return { code: 'UNEXPECTED', message: 'the contact photo could not be written' };
}

/**
 * Puts the photos of the contacts `results` says were written. Returns the results with a contact whose photo
 * failed turned into a failure that names its id (see above); never throws for a photo.
 */
export async function writeContactPhotos(
  client: GraphClient,
  collection: string,
  ops: readonly WriteOp[],
  results: readonly WriteResult[],
  signal: AbortSignal | undefined,
): Promise<WriteResult[]> {
  const out = [...results];
  const targets: Array<{ index: number; id: OutlookItemId; request: BatchRequest }> = [];
  for (const [index, op] of ops.entries()) {
    const result = results[index];
    if (op.op === 'delete' || op.item.kind !== 'contact' || !result?.ok) continue;
    const photo = (op.item as Contact).photo;
    if (!photo || photo.base64 === '') continue;
    const body = new BinaryBody(photo.mediaType, photo.base64);
    targets.push({
      index,
      id: result.id,
      request: { method: 'PUT', url: photoUrl(collection, result.id), body },
    });
  }
  if (targets.length === 0) return out;
  const failed = (index: number, id: OutlookItemId, issue: OutlookStoreIssue): WriteResult => ({
    ok: false,
    op: (ops[index] as WriteOp).op,
    error: issue,
    id,
  });
  let answers: readonly BatchItemResult[];
  try {
    answers = await client.batch(
      targets.map((t) => t.request),
      signal ? { signal } : {},
    );
  } catch (error) {
    // Offline or cancelled after the contacts were written: they exist, their photos don't.
    for (const t of targets) out[t.index] = failed(t.index, t.id, photoIssue(error));
    return out;
  }
  for (const [position, t] of targets.entries()) {
    const error = answers[position]?.error;
    if (error !== undefined) out[t.index] = failed(t.index, t.id, toStoreIssue(error));
  }
  return out;
}

/** A GET's photo body: base64 inside a $batch, bytes (as a BinaryBody) on its own. */
function photoFrom(body: unknown, markedType: string): Photo | undefined {
  const base64 = body instanceof BinaryBody ? body.base64 : typeof body === 'string' ? body : undefined;
  if (base64 === undefined || base64 === '') return undefined;
  const sniffed = BASE64_MAGIC.find(([prefix]) => base64.startsWith(prefix))?.[1];
  return { mediaType: sniffed ?? markedType, base64 };
}

export interface PhotoRead {
  /** Photos of marked contacts by id; a marked contact without one now is absent. */
  readonly photos: Map<string, Photo>;
  /** Marked contacts whose photo could not be read: not to be passed on without it. */
  readonly failed: Map<string, OutlookStoreIssue>;
}

/**
 * Reads the photos of those contacts marked as having one (one batched GET each, none for the others);
 * `justWritten` gives the ones the store has just written itself (written-photos.ts), which are not read.
 */
export async function readContactPhotos(
  client: GraphClient,
  collection: string,
  entries: ReadonlyArray<{ id: string; json: GraphJson }>,
  signal: AbortSignal | undefined,
  justWritten: (id: string) => Photo | undefined = () => undefined,
): Promise<PhotoRead> {
  const read: PhotoRead = { photos: new Map(), failed: new Map() };
  const marked = entries.flatMap(({ id, json }) => {
    const type = carriedPhotoType(json);
    const known = type === undefined ? undefined : justWritten(id);
    if (known) read.photos.set(id, known);
    return type === undefined || known ? [] : [{ id, type }];
  });
  if (marked.length === 0) return read;
  const answers = await client.batch(
    // Accept: the client asks for JSON by default; this answer is an image.
    marked.map(({ id }) => ({
      method: 'GET' as const,
      url: photoUrl(collection, id),
      headers: { Accept: 'image/*' },
    })),
    signal ? { signal } : {},
  );
  for (const [position, { id, type }] of marked.entries()) {
    const answer = answers[position] as BatchItemResult;
    if (answer.error?.code === 'NOT_FOUND') continue;
    if (answer.error) read.failed.set(id, toStoreIssue(answer.error));
    else {
      const photo = photoFrom(answer.body, type);
      if (photo) read.photos.set(id, photo);
    }
  }
  return read;
}
