/**
 * The emulator's front door: one `handle(request)` for HTTP requests and $batch items alike.
 * Each request is admitted (counted, faults and limits applied), delayed by the configured
 * latency, routed, and any GraphError becomes Graph's JSON error.
 */
import type { GraphEmulatorControl } from './control.js';
import { GraphError, badRequest, graphErrorBody } from './errors.js';
import type { MailboxStore } from './store/mailbox-store.js';
import { executeBatch } from './http/batch.js';
import { parseQueryOptions } from './http/odata.js';
import { jsonResponse, readPreferences, type GraphRequest, type GraphResponse } from './http/request.js';
import { calendarRoutes } from './http/routes-calendar.js';
import { deltaRoutes } from './http/routes-delta.js';
import { allFolderRoutes, meRoutes } from './http/routes-folders.js';
import { itemRoutes } from './http/routes-items.js';
import { contactPhotoRoutes } from './http/routes-photo.js';
import { endpointName, matchRoute, type Route, type RouteContext } from './http/router.js';

/** Literal routes (delta, $count, calendarView) come before the `:itemId` ones they would shadow. */
function allRoutes(): Route[] {
  return [
    ...meRoutes(),
    ...deltaRoutes(),
    ...calendarRoutes(),
    ...contactPhotoRoutes(),
    ...allFolderRoutes().filter((r) => !r.pattern.includes(':')),
    ...itemRoutes('contact', '/me/contactFolders/:folderId/contacts'),
    ...itemRoutes('contact', '/me/contacts'),
    ...itemRoutes('event', '/me/calendars/:folderId/events'),
    ...itemRoutes('event', '/me/calendar/events'),
    ...itemRoutes('event', '/me/events'),
    ...itemRoutes('task', '/me/todo/lists/:folderId/tasks'),
    ...allFolderRoutes().filter((r) => r.pattern.includes(':')),
  ];
}

export function errorResponse(error: unknown): GraphResponse {
  const graphError =
    error instanceof GraphError
      ? error
      : new GraphError(500, 'ErrorInternalServerError', 'An internal server error occurred.', {
          cause: String(error),
        });
  return jsonResponse(graphError.status, graphErrorBody(graphError), { ...graphError.headers });
}

export class GraphEmulator {
  private readonly routes = allRoutes();

  constructor(
    readonly store: MailboxStore,
    readonly control: GraphEmulatorControl,
  ) {}

  /** Handles one HTTP request to https://graph.microsoft.com/v1.0/… */
  async handle(req: GraphRequest): Promise<GraphResponse> {
    const path = this.servicePath(req.url);
    if (path === undefined)
      return errorResponse(
        badRequest('BadRequest', 'Only the v1.0 endpoint is emulated.', { path: req.url.pathname }),
      );
    if (req.method === 'POST' && /^\/\$batch\/?$/i.test(path)) {
      this.control.countBatch();
      try {
        await this.control.clock.sleep(this.control.faults.latencyMs);
        return await executeBatch(req, this.control, (item, batchItem) => this.execute(item, batchItem));
      } catch (error) {
        return errorResponse(error);
      }
    }
    return this.execute(req, false);
  }

  private servicePath(url: URL): string | undefined {
    const m = /^\/v1\.0(\/.*)?$/.exec(url.pathname);
    if (!m) return undefined;
    const path = m[1] ?? '/';
    // /users/{id or UPN}/… is the same mailbox as /me/… for the signed-in user.
    const user = /^\/users\/([^/]+)(\/.*)?$/i.exec(path);
    if (user) {
      const who = decodeURIComponent(user[1]!).toLowerCase();
      const me = this.store.user;
      if (
        who === me.id.toLowerCase() ||
        who === me.userPrincipalName.toLowerCase() ||
        who === me.mail.toLowerCase()
      ) {
        return `/me${user[2] ?? ''}`;
      }
    }
    return path;
  }

  private async execute(req: GraphRequest, batchItem: boolean): Promise<GraphResponse> {
    const path = this.servicePath(req.url) ?? req.url.pathname;
    const match = matchRoute(this.routes, req.method, path);
    if (!('route' in match)) {
      const segment = path.split('/').filter(Boolean).pop() ?? '';
      return match.methodMismatch
        ? errorResponse(
            new GraphError(
              405,
              'MethodNotAllowed',
              `The HTTP method '${req.method}' is not allowed for this resource.`,
              { path },
            ),
          )
        : errorResponse(
            badRequest('BadRequest', `Resource not found for the segment '${segment}'.`, { path }),
          );
    }
    let admission;
    try {
      admission = this.control.admit(req.method, path, endpointName(match.route), batchItem);
    } catch (error) {
      return errorResponse(error);
    }
    try {
      const { latencyMs, batchItemLatencyMs } = this.control.faults;
      await this.control.clock.sleep(batchItem ? (batchItemLatencyMs ?? latencyMs) : latencyMs);
      const prefs = readPreferences(req.headers);
      const query = parseQueryOptions(req.url);
      const ctx: RouteContext = {
        req,
        params: match.params,
        store: this.store,
        control: this.control,
        prefs,
        query,
        render: {
          prefs,
          expand: query.expand,
          user: this.store.user,
          ...(query.select ? { select: query.select } : {}),
        },
      };
      return await match.route.handler(ctx);
    } catch (error) {
      return errorResponse(error);
    } finally {
      admission.release();
    }
  }
}
