/** Paged collection responses as Graph sends them for Outlook lists ($top/$skip, nextLink, @odata.count). */
import { evaluateFilter } from './odata-filter.js';
import type { RouteContext } from './router.js';
import { jsonResponse, GRAPH_ROOT, type GraphResponse } from './request.js';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1_000;

export interface CollectionSource<T> {
  readonly entries: readonly T[];
  /** The object $filter is evaluated against. */
  readonly filterView: (entry: T) => Record<string, unknown>;
  readonly render: (entry: T) => Record<string, unknown>;
  readonly contextUrl: string;
}

function sortBy<T>(
  entries: T[],
  path: string,
  descending: boolean,
  view: (e: T) => Record<string, unknown>,
): T[] {
  const key = (e: T) => {
    let v: unknown = view(e);
    for (const part of path.split('/')) v = (v as Record<string, unknown> | undefined)?.[part];
    return typeof v === 'string' ? v.toLowerCase() : (v as number | undefined);
  };
  return entries.sort((a, b) => {
    const ka = key(a) ?? '';
    const kb = key(b) ?? '';
    const order = ka < kb ? -1 : ka > kb ? 1 : 0;
    return descending ? -order : order;
  });
}

export function collectionResponse<T>(ctx: RouteContext, source: CollectionSource<T>): GraphResponse {
  const { query } = ctx;
  let entries = [...source.entries];
  if (query.filter) entries = entries.filter((e) => evaluateFilter(query.filter!, source.filterView(e)));
  if (query.orderBy)
    entries = sortBy(entries, query.orderBy.path, query.orderBy.descending, source.filterView);
  const pageSize = Math.min(MAX_PAGE_SIZE, query.top ?? ctx.prefs.maxPageSize ?? DEFAULT_PAGE_SIZE);
  const page = entries.slice(query.skip, query.skip + pageSize);
  const body: Record<string, unknown> = { '@odata.context': source.contextUrl };
  if (query.count) body['@odata.count'] = entries.length;
  body.value = page.map(source.render);
  const end = query.skip + page.length;
  if (end < entries.length && page.length > 0) {
    const next = new URL(ctx.req.url.href);
    next.searchParams.set('$skip', String(end));
    body['@odata.nextLink'] = next.href;
  }
  return jsonResponse(200, body);
}

export const contextUrl = (fragment: string) => `${GRAPH_ROOT}/$metadata#${fragment}`;
