/** Delta queries: contacts per folder, To Do tasks per list, calendarView per calendar. */
import { badRequest, GraphError } from '../errors.js';
import { readDeltaPage, startDeltaRound, type ResolvedDeltaEntry } from '../store/delta.js';
import type { DeltaScope } from '../store/delta-tokens.js';
import type { ItemKind } from '../store/types.js';
import { contextUrl } from './collection.js';
import { parseQueryOptions } from './odata.js';
import { renderOccurrence, renderRemoved, type RenderContext } from './render.js';
import { jsonResponse, GRAPH_ROOT, type GraphResponse } from './request.js';
import { readWindow } from './routes-calendar.js';
import { resolveFolder } from './routes-folders.js';
import { renderStored } from './routes-items.js';
import { route, type Route, type RouteContext } from './router.js';

const KIND_OF_SCOPE: Record<DeltaScope['type'], ItemKind> = {
  contacts: 'contact',
  tasks: 'task',
  calendarView: 'event',
};

function tokenParam(ctx: RouteContext, name: string): string | undefined {
  for (const [k, v] of ctx.req.url.searchParams) if (k.toLowerCase() === name) return v;
  return undefined;
}

function checkInitialOptions(ctx: RouteContext, type: DeltaScope['type']): void {
  const has = (name: string) => [...ctx.req.url.searchParams.keys()].some((k) => k.toLowerCase() === name);
  if (type === 'calendarView') {
    // Observed on Graph: $expand on calendarView delta fails with a 500; the others are refused.
    if (has('$expand'))
      throw new GraphError(500, 'ErrorInternalServerError', 'An internal server error occurred.', {
        option: '$expand',
      });
    for (const option of ['$select', '$filter', '$orderby', '$search']) {
      if (has(option))
        throw badRequest(
          'ErrorInvalidUrlQuery',
          `The query parameter '${option}' is not supported with change tracking over the 'CalendarView' resource.`,
          { option },
        );
    }
  } else if (type === 'contacts') {
    for (const option of ['$filter', '$orderby', '$expand', '$search']) {
      if (has(option))
        throw badRequest(
          'ErrorInvalidUrlQuery',
          `The query parameter '${option}' is not supported with change tracking over the 'Contacts' resource.`,
          { option },
        );
    }
  }
}

function renderEntry(entry: ResolvedDeltaEntry, ctx: RouteContext, render: RenderContext, kind: ItemKind) {
  if (entry.kind === 'removed') {
    return renderRemoved(ctx.prefs.immutableIds ? entry.immutableId : entry.restId, kind);
  }
  if (entry.kind === 'occurrence') return renderOccurrence(entry.master, entry.occurrence, render);
  return renderStored(entry.item, { ...ctx, render });
}

function deltaHandler(type: DeltaScope['type']) {
  return (ctx: RouteContext): GraphResponse => {
    const skip = tokenParam(ctx, '$skiptoken');
    const delta = tokenParam(ctx, '$deltatoken');
    let token = skip ?? delta;
    const kind = KIND_OF_SCOPE[type];
    if (token === undefined) {
      checkInitialOptions(ctx, type);
      const folderKind = type === 'contacts' ? 'contacts' : type === 'tasks' ? 'todo' : 'calendar';
      const folder = resolveFolder(ctx.store, folderKind, ctx.params.folderId);
      const scope: DeltaScope =
        type === 'calendarView'
          ? { type, folderId: folder.id, ...readWindow(ctx) }
          : { type, folderId: folder.id };
      const expand = tokenParam(ctx, '$expand');
      token = startDeltaRound(ctx.store, scope, {
        ...(ctx.query.select ? { select: ctx.query.select } : {}),
        ...(expand !== undefined ? { expand } : {}),
      });
    }
    const page = readDeltaPage(ctx.store, token, ctx.prefs.maxPageSize);
    const expandQuery = page.query.expand
      ? parseQueryOptions(new URL(`${GRAPH_ROOT}/x?$expand=${encodeURIComponent(page.query.expand)}`)).expand
      : [];
    const render: RenderContext = {
      ...ctx.render,
      expand: expandQuery,
      ...(page.query.select ? { select: [...page.query.select] } : {}),
    };
    const path = ctx.req.url.pathname;
    const body: Record<string, unknown> = {
      '@odata.context': contextUrl(`Collection(${kind})`),
      value: page.entries.map((e) => renderEntry(e, ctx, render, kind)),
    };
    if (page.nextToken)
      body['@odata.nextLink'] = `https://graph.microsoft.com${path}?$skiptoken=${page.nextToken}`;
    else body['@odata.deltaLink'] = `https://graph.microsoft.com${path}?$deltatoken=${page.deltaToken}`;
    const headers: Record<string, string> = {};
    if (ctx.prefs.maxPageSize !== undefined)
      headers['Preference-Applied'] = `odata.maxpagesize=${ctx.prefs.maxPageSize}`;
    return jsonResponse(200, body, headers);
  };
}

export function deltaRoutes(): Route[] {
  return [
    route('GET', '/me/contactFolders/:folderId/contacts/delta', deltaHandler('contacts')),
    route('GET', '/me/todo/lists/:folderId/tasks/delta', deltaHandler('tasks')),
    route('GET', '/me/calendars/:folderId/calendarView/delta', deltaHandler('calendarView')),
    route('GET', '/me/calendar/calendarView/delta', deltaHandler('calendarView')),
    route('GET', '/me/calendarView/delta', deltaHandler('calendarView')),
  ];
}
