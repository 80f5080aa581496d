/** Items of every kind: list, $count, get, create, patch, delete, open extensions, linkedResources. */
import { parseOccurrenceId } from '../ids.js';
import { eventSpan } from '../store/events.js';
import {
  addExtension,
  addLinkedResource,
  extensionId,
  findExtension,
  removeExtension,
  removeLinkedResource,
  replaceExtension,
  updateLinkedResource,
  validateExtension,
} from '../store/navigation.js';
import { notFound } from '../errors.js';
import { cancelOccurrence, getOccurrence, updateOccurrence } from '../store/occurrences.js';
import { FOLDER_KIND_OF, type ItemKind, type StoredItem } from '../store/types.js';
import { collectionResponse, contextUrl } from './collection.js';
import { renderItem, renderOccurrence } from './render.js';
import { jsonResponse, noContent, type GraphResponse } from './request.js';
import { resolveFolder } from './routes-folders.js';
import { route, type Route, type RouteContext } from './router.js';

const ENTITY: Record<ItemKind, string> = { contact: 'contacts', event: 'events', task: 'tasks' };

/** What $filter sees: the fields plus extended properties and extensions (not rendered unless expanded). */
export function filterView(item: StoredItem, ctx: RouteContext): Record<string, unknown> {
  return {
    ...item.fields,
    id: ctx.prefs.immutableIds ? item.immutableId : item.restId,
    parentFolderId: item.folderId,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    singleValueExtendedProperties: item.extendedProperties,
    extensions: item.extensions.map((e) => ({ ...e, id: extensionId(item, e) })),
    linkedResources: item.linkedResources,
  };
}

export function renderStored(item: StoredItem, ctx: RouteContext): Record<string, unknown> {
  return renderItem(item, ctx.render, item.kind === 'event' ? eventSpan(item.fields) : undefined);
}

function folderOf(ctx: RouteContext, kind: ItemKind) {
  return resolveFolder(ctx.store, FOLDER_KIND_OF[kind], ctx.params.folderId);
}

/** The item addressed by the URL; a folder in the URL must be the item's folder. */
function addressed(ctx: RouteContext, kind: ItemKind): StoredItem {
  const folderId = ctx.params.folderId === undefined ? undefined : folderOf(ctx, kind).id;
  return ctx.store.getItem(kind, ctx.params.itemId!, folderId);
}

function occurrenceTarget(ctx: RouteContext, kind: ItemKind) {
  const occ = kind === 'event' ? parseOccurrenceId(ctx.params.itemId!) : undefined;
  if (!occ) return undefined;
  const master = ctx.store.findItem(occ.masterId);
  if (!master || master.kind !== 'event') throw notFound('event', ctx.params.itemId!);
  return { master, key: occ.key };
}

function itemHandlers(kind: ItemKind) {
  return {
    list: (ctx: RouteContext) => {
      const folder = folderOf(ctx, kind);
      return collectionResponse(ctx, {
        entries: ctx.store.listItems(folder.id),
        filterView: (item) => filterView(item, ctx),
        render: (item) => renderStored(item, ctx),
        contextUrl: contextUrl(`users/${ENTITY[kind]}`),
      });
    },
    count: (ctx: RouteContext): GraphResponse => {
      const folder = folderOf(ctx, kind);
      return {
        status: 200,
        headers: { 'Content-Type': 'text/plain' },
        body: String(ctx.store.countItems(folder.id)),
      };
    },
    create: (ctx: RouteContext) => {
      const item = ctx.store.createItem(kind, folderOf(ctx, kind).id, ctx.req.body);
      return jsonResponse(201, {
        '@odata.context': contextUrl(`users/${ENTITY[kind]}/$entity`),
        ...renderStored(item, ctx),
      });
    },
    get: (ctx: RouteContext) => {
      const occ = occurrenceTarget(ctx, kind);
      if (occ)
        return jsonResponse(
          200,
          renderOccurrence(occ.master, getOccurrence(occ.master, occ.key), ctx.render),
        );
      return jsonResponse(200, renderStored(addressed(ctx, kind), ctx));
    },
    patch: (ctx: RouteContext) => {
      const occ = occurrenceTarget(ctx, kind);
      if (occ)
        return jsonResponse(
          200,
          renderOccurrence(
            occ.master,
            updateOccurrence(ctx.store, occ.master, occ.key, ctx.req.body),
            ctx.render,
          ),
        );
      const item = addressed(ctx, kind);
      return jsonResponse(200, renderStored(ctx.store.updateItem(kind, item.immutableId, ctx.req.body), ctx));
    },
    remove: (ctx: RouteContext) => {
      const occ = occurrenceTarget(ctx, kind);
      if (occ) cancelOccurrence(ctx.store, occ.master, occ.key);
      else ctx.store.deleteItem(kind, addressed(ctx, kind).immutableId);
      return noContent();
    },
  };
}

function renderExtension(item: StoredItem, ext: Record<string, unknown> & { extensionName: string }) {
  return { '@odata.type': '#microsoft.graph.openTypeExtension', id: extensionId(item, ext), ...ext };
}

function extensionRoutes(kind: ItemKind, itemPath: string): Route[] {
  const base = `${itemPath}/extensions`;
  return [
    route('GET', base, (ctx) => {
      const item = addressed(ctx, kind);
      return jsonResponse(200, {
        '@odata.context': contextUrl('extensions'),
        value: item.extensions.map((e) => renderExtension(item, e)),
      });
    }),
    route('POST', base, (ctx) => {
      const item = addressed(ctx, kind);
      const ext = validateExtension(ctx.req.body);
      addExtension(item, ext);
      ctx.store.touch(item, false);
      return jsonResponse(201, renderExtension(item, ext));
    }),
    route('GET', `${base}/:extensionId`, (ctx) => {
      const item = addressed(ctx, kind);
      const ext = findExtension(item, ctx.params.extensionId!);
      if (!ext) throw notFound('extension', ctx.params.extensionId!);
      return jsonResponse(200, renderExtension(item, ext));
    }),
    route('PATCH', `${base}/:extensionId`, (ctx) => {
      const item = addressed(ctx, kind);
      const ext = replaceExtension(item, ctx.params.extensionId!, ctx.req.body);
      ctx.store.touch(item, false);
      return jsonResponse(200, renderExtension(item, ext));
    }),
    route('DELETE', `${base}/:extensionId`, (ctx) => {
      const item = addressed(ctx, kind);
      removeExtension(item, ctx.params.extensionId!);
      ctx.store.touch(item, false);
      return noContent();
    }),
  ];
}

function linkedResourceRoutes(itemPath: string): Route[] {
  const base = `${itemPath}/linkedResources`;
  return [
    route('GET', base, (ctx) =>
      jsonResponse(200, {
        '@odata.context': contextUrl('linkedResources'),
        value: addressed(ctx, 'task').linkedResources,
      }),
    ),
    route('POST', base, (ctx) => {
      const item = addressed(ctx, 'task');
      const lr = addLinkedResource(item, ctx.req.body);
      ctx.store.touch(item, false);
      return jsonResponse(201, lr);
    }),
    route('GET', `${base}/:linkedResourceId`, (ctx) => {
      const lr = addressed(ctx, 'task').linkedResources.find((l) => l.id === ctx.params.linkedResourceId);
      if (!lr) throw notFound('linkedResource', ctx.params.linkedResourceId!);
      return jsonResponse(200, lr);
    }),
    route('PATCH', `${base}/:linkedResourceId`, (ctx) => {
      const item = addressed(ctx, 'task');
      const lr = updateLinkedResource(item, ctx.params.linkedResourceId!, ctx.req.body);
      ctx.store.touch(item, false);
      return jsonResponse(200, lr);
    }),
    route('DELETE', `${base}/:linkedResourceId`, (ctx) => {
      const item = addressed(ctx, 'task');
      removeLinkedResource(item, ctx.params.linkedResourceId!);
      ctx.store.touch(item, false);
      return noContent();
    }),
  ];
}

/** Routes for one collection path, e.g. '/me/contactFolders/:folderId/contacts' or '/me/contacts'. */
export function itemRoutes(kind: ItemKind, collection: string): Route[] {
  const h = itemHandlers(kind);
  const itemPath = `${collection}/:itemId`;
  return [
    route('GET', collection, h.list),
    route('POST', collection, h.create),
    route('GET', `${collection}/$count`, h.count),
    ...extensionRoutes(kind, itemPath),
    ...(kind === 'task' ? linkedResourceRoutes(itemPath) : []),
    route('GET', itemPath, h.get),
    route('PATCH', itemPath, h.patch),
    route('DELETE', itemPath, h.remove),
  ];
}
