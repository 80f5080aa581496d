/**
 * A contact's photo as binary (`…/contacts/{id}/photo/$value`): GET (404 when there is none), PUT with an
 * image body, DELETE. Graph's JSON batching carries binary bodies base64-encoded, both ways, so the request
 * layer hands a photo body here as base64 (HTTP bytes are converted, batch items arrive so) and a photo
 * answer leaves as base64 that the HTTP layer turns back into bytes. Setting or removing a photo changes
 * the contact (new change key, seen by delta), as in Outlook, where the photo is an attachment of the item.
 */
import { GraphError, badRequest } from '../errors.js';
import type { StoredItem } from '../store/types.js';
import { base64ByteLength } from './binary.js';
import { noContent, type GraphResponse } from './request.js';
import { resolveFolder } from './routes-folders.js';
import { route, type Route, type RouteContext } from './router.js';

/** Graph's limit for a profile photo upload. */
export const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/bmp']);

export const isImageContentType = (value: string | undefined): boolean =>
  IMAGE_TYPES.has((value ?? '').split(';')[0]!.trim().toLowerCase());

const noPhoto = (id: string) =>
  new GraphError(404, 'ErrorItemNotFound', "The photo wasn't found.", { what: 'photo', id });

function contactOf(ctx: RouteContext): StoredItem {
  const folderId =
    ctx.params.folderId === undefined
      ? undefined
      : resolveFolder(ctx.store, 'contacts', ctx.params.folderId).id;
  return ctx.store.getItem('contact', ctx.params.itemId!, folderId);
}

function readPhotoBody(ctx: RouteContext): { contentType: string; base64: string } {
  const contentType = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!isImageContentType(contentType))
    throw badRequest('ErrorInvalidRequest', 'A photo must be sent as image/jpeg, image/png or image/gif.', {
      contentType,
    });
  const body = ctx.req.body;
  if (typeof body !== 'string' || body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body))
    throw badRequest('RequestBodyRead', 'The photo body is empty or not an image.', {});
  const bytes = base64ByteLength(body);
  if (bytes > MAX_PHOTO_BYTES)
    throw new GraphError(413, 'ErrorInvalidRequest', 'The photo is larger than 4 MB.', { bytes });
  return { contentType, base64: body };
}

function photoRoutes(itemPath: string): Route[] {
  const path = `${itemPath}/photo/$value`;
  return [
    route('GET', path, (ctx): GraphResponse => {
      const item = contactOf(ctx);
      if (!item.photo) throw noPhoto(ctx.params.itemId!);
      return { status: 200, headers: { 'Content-Type': item.photo.contentType }, body: item.photo.base64 };
    }),
    route('PUT', path, (ctx) => {
      const item = contactOf(ctx);
      item.photo = readPhotoBody(ctx);
      ctx.store.touch(item, false);
      return noContent();
    }),
    route('DELETE', path, (ctx) => {
      const item = contactOf(ctx);
      if (!item.photo) throw noPhoto(ctx.params.itemId!);
      delete item.photo;
      ctx.store.touch(item, false);
      return noContent();
    }),
  ];
}

/** Photo routes for both contact paths (in a folder, and the mailbox-wide one). */
export function contactPhotoRoutes(): Route[] {
  return [
    ...photoRoutes('/me/contactFolders/:folderId/contacts/:itemId'),
    ...photoRoutes('/me/contacts/:itemId'),
  ];
}
