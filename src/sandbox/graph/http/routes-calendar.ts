/** calendarView, /instances and the window rules they share. */
import { badRequest } from '../errors.js';
import { eventSpan, expandOccurrences, type Occurrence } from '../store/events.js';
import type { StoredItem } from '../store/types.js';
import { collectionResponse, contextUrl } from './collection.js';
import { renderItem, renderOccurrence } from './render.js';
import { resolveFolder } from './routes-folders.js';
import { route, type Route, type RouteContext } from './router.js';

/** calendarView windows may span at most 1825 days (Graph: "Maximum number of days: 1825"). */
export const MAX_WINDOW_DAYS = 1825;
const DAY_MS = 86_400_000;

export interface CalendarWindow {
  startMs: number;
  endMs: number;
  startDateTime: string;
  endDateTime: string;
}

function parseInstant(value: string, name: string): number {
  // Without an offset Graph reads the value as UTC.
  const withZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms))
    throw badRequest('ErrorInvalidParameter', `The value '${value}' of parameter '${name}' is invalid.`, {
      parameter: name,
      value,
    });
  return ms;
}

export function readWindow(ctx: RouteContext): CalendarWindow {
  const get = (name: string) => {
    for (const [k, v] of ctx.req.url.searchParams) if (k.toLowerCase() === name.toLowerCase()) return v;
    return undefined;
  };
  const start = get('startDateTime');
  const end = get('endDateTime');
  if (!start || !end) {
    throw badRequest(
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      {
        missing: !start ? 'startDateTime' : 'endDateTime',
      },
    );
  }
  const startMs = parseInstant(start, 'startDateTime');
  const endMs = parseInstant(end, 'endDateTime');
  if (endMs <= startMs)
    throw badRequest('ErrorInvalidParameter', 'EndDateTime must be after StartDateTime.', {
      startDateTime: start,
      endDateTime: end,
    });
  if (endMs - startMs > MAX_WINDOW_DAYS * DAY_MS) {
    throw badRequest(
      'ErrorInvalidRequest',
      `The time window is too large. Maximum number of days: ${MAX_WINDOW_DAYS}`,
      {
        days: Math.ceil((endMs - startMs) / DAY_MS),
        max: MAX_WINDOW_DAYS,
      },
    );
  }
  return { startMs, endMs, startDateTime: start, endDateTime: end };
}

type ViewEntry =
  { master: StoredItem; occurrence: Occurrence } | { item: StoredItem; startMs: number; endMs: number };

/** Single events and expanded occurrences overlapping the window, sorted by start. */
export function windowEntries(items: readonly StoredItem[], window: CalendarWindow): ViewEntry[] {
  const entries: (ViewEntry & { sort: number })[] = [];
  for (const item of items) {
    if (item.fields.recurrence) {
      for (const occurrence of expandOccurrences(item, window.startMs, window.endMs)) {
        entries.push({ master: item, occurrence, sort: occurrence.startMs });
      }
    } else {
      const { startMs, endMs } = eventSpan(item.fields);
      if (
        startMs < window.endMs &&
        (endMs > window.startMs || (endMs === startMs && startMs >= window.startMs))
      ) {
        entries.push({ item, startMs, endMs, sort: startMs });
      }
    }
  }
  return entries.sort((a, b) => a.sort - b.sort);
}

function renderEntry(entry: ViewEntry, ctx: RouteContext) {
  return 'master' in entry
    ? renderOccurrence(entry.master, entry.occurrence, ctx.render)
    : renderItem(entry.item, ctx.render, entry);
}

function calendarView(ctx: RouteContext) {
  const window = readWindow(ctx);
  const folder = resolveFolder(ctx.store, 'calendar', ctx.params.folderId);
  return collectionResponse(ctx, {
    entries: windowEntries(ctx.store.listItems(folder.id), window),
    filterView: (e) => renderEntry(e, ctx),
    render: (e) => renderEntry(e, ctx),
    contextUrl: contextUrl('users/calendarView'),
  });
}

function instances(ctx: RouteContext) {
  const window = readWindow(ctx);
  const folderId =
    ctx.params.folderId === undefined
      ? undefined
      : resolveFolder(ctx.store, 'calendar', ctx.params.folderId).id;
  const master = ctx.store.getItem('event', ctx.params.itemId!, folderId);
  const entries: ViewEntry[] = master.fields.recurrence
    ? expandOccurrences(master, window.startMs, window.endMs).map((occurrence) => ({ master, occurrence }))
    : [];
  return collectionResponse(ctx, {
    entries,
    filterView: (e) => renderEntry(e, ctx),
    render: (e) => renderEntry(e, ctx),
    contextUrl: contextUrl('users/events'),
  });
}

export function calendarRoutes(): Route[] {
  return [
    route('GET', '/me/calendarView', calendarView),
    route('GET', '/me/calendar/calendarView', calendarView),
    route('GET', '/me/calendars/:folderId/calendarView', calendarView),
    route('GET', '/me/events/:itemId/instances', instances),
    route('GET', '/me/calendar/events/:itemId/instances', instances),
    route('GET', '/me/calendars/:folderId/events/:itemId/instances', instances),
  ];
}
