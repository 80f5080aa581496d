/** Route table: patterns like '/me/contactFolders/:folderId/contacts/delta', matched segment-wise. */
import type { MailboxStore } from '../store/mailbox-store.js';
import type { GraphEmulatorControl } from '../control.js';
import type { QueryOptions } from './odata.js';
import type { GraphRequest, GraphResponse, Preferences } from './request.js';
import type { RenderContext } from './render.js';

export interface RouteContext {
  readonly req: GraphRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly store: MailboxStore;
  readonly control: GraphEmulatorControl;
  readonly prefs: Preferences;
  readonly query: QueryOptions;
  readonly render: RenderContext;
}

export type RouteHandler = (ctx: RouteContext) => GraphResponse | Promise<GraphResponse>;

export interface Route {
  readonly method: string;
  /** The pattern, used as the endpoint name in counters ('GET /me/contacts/{id}'). */
  readonly pattern: string;
  readonly segments: readonly string[];
  readonly handler: RouteHandler;
}

export function route(method: string, pattern: string, handler: RouteHandler): Route {
  return { method, pattern, segments: pattern.split('/').filter(Boolean), handler };
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a path; `methodMismatch` tells a 405 from a 400 (unknown segment). */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): RouteMatch | { methodMismatch: boolean } {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  let methodMismatch = false;
  for (const r of routes) {
    if (r.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = r.segments.every((seg, i) => {
      if (seg.startsWith(':')) {
        params[seg.slice(1)] = segments[i]!;
        return true;
      }
      return seg.toLowerCase() === segments[i]!.toLowerCase();
    });
    if (!ok) continue;
    if (r.method !== method) {
      methodMismatch = true;
      continue;
    }
    return { route: r, params };
  }
  return { methodMismatch };
}

export const endpointName = (r: Route) => `${r.method} ${r.pattern.replace(/:[A-Za-z]+/g, '{id}')}`;
