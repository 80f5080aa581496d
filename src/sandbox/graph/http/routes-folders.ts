/** Contact folders, calendars and To Do lists. */
import { badRequest } from '../errors.js';
import { validateExtendedProperty } from '../store/navigation.js';
import type { FolderKind, StoredFolder } from '../store/types.js';
import type { MailboxStore } from '../store/mailbox-store.js';
import { collectionResponse, contextUrl } from './collection.js';
import { renderFolder, renderUser } from './render.js';
import { jsonResponse, noContent } from './request.js';
import { route, type Route, type RouteContext } from './router.js';

const WELL_KNOWN: Record<FolderKind, string> = {
  contacts: 'contacts',
  calendar: 'calendar',
  todo: 'defaultlist',
};

/** A folder by id, or by its well-known name ('contacts', 'calendar'). */
export function resolveFolder(store: MailboxStore, kind: FolderKind, id: string | undefined): StoredFolder {
  if (id === undefined || id.toLowerCase() === WELL_KNOWN[kind]) return store.defaultFolder(kind);
  return store.getFolder(kind, id);
}

const NAME_FIELD: Record<FolderKind, string> = {
  contacts: 'displayName',
  calendar: 'name',
  todo: 'displayName',
};
const ALLOWED_FIELDS: Record<FolderKind, readonly string[]> = {
  contacts: ['displayName', 'parentFolderId', 'singleValueExtendedProperties'],
  calendar: ['name', 'color', 'singleValueExtendedProperties'],
  todo: ['displayName'],
};

function readFolderBody(
  kind: FolderKind,
  body: unknown,
): { name?: unknown; props: Record<string, unknown>; extended: unknown[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('RequestBodyRead', 'The request body must be a JSON object.', { kind });
  const props: Record<string, unknown> = {};
  let extended: unknown[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.') || key === 'id') continue;
    if (!ALLOWED_FIELDS[kind].includes(key)) {
      throw badRequest('RequestBodyRead', `The property '${key}' does not exist on this folder type.`, {
        kind,
        property: key,
      });
    }
    if (key === 'singleValueExtendedProperties') extended = Array.isArray(value) ? value : [];
    else if (key === 'color') props.color = value;
  }
  return { name: (body as Record<string, unknown>)[NAME_FIELD[kind]], props, extended };
}

function folderRoutes(kind: FolderKind, base: string, fragment: string, hideDefault: boolean): Route[] {
  const list = (ctx: RouteContext) =>
    collectionResponse(ctx, {
      entries: ctx.store.listFolders(kind).filter((f) => !(hideDefault && f.isDefault)),
      filterView: (f) => renderFolder(f, ctx.store.user),
      render: (f) => renderFolder(f, ctx.store.user),
      contextUrl: contextUrl(fragment),
    });
  const create = (ctx: RouteContext) => {
    const { name, props, extended } = readFolderBody(kind, ctx.req.body);
    const checked = extended.map(validateExtendedProperty);
    const folder = ctx.store.createFolder(kind, name, props, checked);
    return jsonResponse(201, {
      '@odata.context': contextUrl(`${fragment}/$entity`),
      ...renderFolder(folder, ctx.store.user),
    });
  };
  const get = (ctx: RouteContext) =>
    jsonResponse(200, renderFolder(resolveFolder(ctx.store, kind, ctx.params.folderId), ctx.store.user));
  const patch = (ctx: RouteContext) => {
    const folder = resolveFolder(ctx.store, kind, ctx.params.folderId);
    const { name, props } = readFolderBody(kind, ctx.req.body);
    if (name !== undefined) ctx.store.renameFolder(kind, folder.id, name);
    Object.assign(folder.props, props);
    return jsonResponse(200, renderFolder(folder, ctx.store.user));
  };
  const remove = (ctx: RouteContext) => {
    ctx.store.deleteFolder(kind, resolveFolder(ctx.store, kind, ctx.params.folderId).id);
    return noContent();
  };
  return [
    route('GET', base, list),
    route('POST', base, create),
    route('GET', `${base}/:folderId`, get),
    route('PATCH', `${base}/:folderId`, patch),
    route('DELETE', `${base}/:folderId`, remove),
  ];
}

export function meRoutes(): Route[] {
  return [
    route('GET', '/me', (ctx) => jsonResponse(200, renderUser(ctx.store.user))),
    route('GET', '/me/mailboxSettings', (ctx) =>
      jsonResponse(200, {
        timeZone: ctx.store.user.timeZone,
        language: { locale: ctx.store.user.preferredLanguage, displayName: ctx.store.user.preferredLanguage },
        dateFormat: 'dd.MM.yyyy',
        timeFormat: 'HH:mm',
      }),
    ),
    route('GET', '/me/calendar', (ctx) =>
      jsonResponse(200, renderFolder(ctx.store.defaultFolder('calendar'), ctx.store.user)),
    ),
  ];
}

export function allFolderRoutes(): Route[] {
  return [
    // Graph leaves the default Contacts folder out of /me/contactFolders (reference A1, decision 0041).
    ...folderRoutes('contacts', '/me/contactFolders', 'users/contactFolders', true),
    ...folderRoutes('calendar', '/me/calendars', 'users/calendars', false),
    ...folderRoutes('todo', '/me/todo/lists', 'users/todo/lists', false),
  ];
}
