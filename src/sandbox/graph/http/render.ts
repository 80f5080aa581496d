/** Store records → Graph JSON, honouring Prefer (ids, time zone, body type), $expand and $select. */
import { occurrenceId } from '../ids.js';
import type { Occurrence } from '../store/events.js';
import { evaluateFilter } from './odata-filter.js';
import { extensionId } from '../store/navigation.js';
import { graphDateTime, isoUtc, renderInstant, toUtcMs, type DateTimeTimeZone } from '../store/time.js';
import type { MailboxUser, StoredFolder, StoredItem } from '../store/types.js';
import { applySelect, type ExpandOption } from './odata.js';
import type { Preferences } from './request.js';

type Json = Record<string, unknown>;

export interface RenderContext {
  prefs: Preferences;
  expand: readonly ExpandOption[];
  select?: readonly string[];
  user: MailboxUser;
}

const CONTACT_DEFAULTS: Json = {
  categories: [],
  birthday: null,
  fileAs: '',
  displayName: null,
  givenName: null,
  initials: null,
  middleName: null,
  nickName: null,
  surname: null,
  title: null,
  yomiGivenName: null,
  yomiSurname: null,
  yomiCompanyName: null,
  generation: null,
  imAddresses: [],
  jobTitle: null,
  companyName: null,
  department: null,
  officeLocation: null,
  profession: null,
  businessHomePage: null,
  assistantName: null,
  manager: null,
  homePhones: [],
  mobilePhone: null,
  businessPhones: [],
  spouseName: null,
  personalNotes: '',
  children: [],
  emailAddresses: [],
  homeAddress: {},
  businessAddress: {},
  otherAddress: {},
};

const EVENT_DEFAULTS: Json = {
  categories: [],
  transactionId: null,
  reminderMinutesBeforeStart: 15,
  isReminderOn: true,
  hasAttachments: false,
  subject: '',
  importance: 'normal',
  sensitivity: 'normal',
  isAllDay: false,
  isCancelled: false,
  isOrganizer: true,
  responseRequested: true,
  seriesMasterId: null,
  showAs: 'busy',
  isOnlineMeeting: false,
  onlineMeetingProvider: 'unknown',
  allowNewTimeProposals: true,
  hideAttendees: false,
  recurrence: null,
  attendees: [],
  locations: [],
  location: {
    displayName: '',
    locationType: 'default',
    uniqueIdType: 'unknown',
    address: {},
    coordinates: {},
  },
  body: { contentType: 'html', content: '' },
};

const TASK_DEFAULTS: Json = {
  importance: 'normal',
  isReminderOn: false,
  status: 'notStarted',
  categories: [],
  hasAttachments: false,
  body: { content: '', contentType: 'text' },
};

/** Defaults under the stored fields; a collection PATCHed to null reads back empty, as on Graph. */
function withDefaults(defaults: Json, fields: Json): Json {
  const out: Json = { ...defaults, ...fields };
  for (const [key, value] of Object.entries(defaults))
    if (Array.isArray(value) && out[key] === null) out[key] = [];
  return out;
}

const etag = (changeKey: string) => `W/"${changeKey}"`;

export function renderUser(user: MailboxUser): Json {
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
    id: user.id,
    displayName: user.displayName,
    mail: user.mail,
    userPrincipalName: user.userPrincipalName,
    preferredLanguage: user.preferredLanguage,
    businessPhones: [],
    givenName: null,
    surname: null,
    jobTitle: null,
    mobilePhone: null,
    officeLocation: null,
  };
}

export function renderFolder(folder: StoredFolder, user: MailboxUser): Json {
  if (folder.kind === 'contacts') {
    return {
      id: folder.id,
      displayName: folder.displayName,
      parentFolderId: folder.parentFolderId ?? folder.id,
    };
  }
  if (folder.kind === 'calendar') {
    return {
      '@odata.etag': etag(folder.changeKey),
      id: folder.id,
      name: folder.displayName,
      changeKey: folder.changeKey,
      isDefaultCalendar: folder.isDefault,
      isRemovable: !folder.isDefault,
      canViewPrivateItems: true,
      isTallyingResponses: true,
      allowedOnlineMeetingProviders: [],
      defaultOnlineMeetingProvider: 'none',
      owner: { name: user.displayName, address: user.mail },
      canShare: true,
      canEdit: true,
      color: 'auto',
      hexColor: '',
      ...folder.props,
    };
  }
  return {
    '@odata.etag': etag(folder.changeKey),
    id: folder.id,
    displayName: folder.displayName,
    ...folder.props,
  };
}

function textToHtml(text: string): string {
  const escaped = text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\n', '<br>\r\n');
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${escaped}\r\n</body>\r\n</html>\r\n`;
}

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>\r?\n?/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&amp;', '&')
    .trim();
}

/** Outlook returns event bodies as HTML unless the client prefers text. */
function renderBody(body: unknown, wanted: 'text' | 'html'): { contentType: string; content: string } {
  const b = (body ?? { contentType: 'text', content: '' }) as { contentType?: string; content?: string };
  const type = (b.contentType ?? 'text').toLowerCase();
  const content = b.content ?? '';
  if (type === wanted) return { contentType: wanted, content };
  return wanted === 'html'
    ? { contentType: 'html', content: content ? textToHtml(content) : '' }
    : { contentType: 'text', content: htmlToText(content) };
}

function renderTime(
  value: DateTimeTimeZone,
  allDay: boolean,
  utcMs: number,
  prefs: Preferences,
): DateTimeTimeZone {
  // All-day events are floating dates: midnight in whatever zone the client reads them in.
  if (allDay) return { dateTime: graphDateTime(value.dateTime), timeZone: prefs.timeZone };
  return renderInstant(utcMs, prefs.timeZone);
}

function expansions(item: StoredItem, ctx: RenderContext): Json {
  const out: Json = {};
  for (const option of ctx.expand) {
    const matches = (entry: Json) => !option.filter || evaluateFilter(option.filter, entry);
    if (option.property === 'singleValueExtendedProperties') {
      const props = item.extendedProperties.map((p) => ({ ...p })).filter(matches);
      if (props.length > 0) out.singleValueExtendedProperties = props;
    } else if (option.property === 'extensions') {
      out.extensions = item.extensions
        .map((e) => ({ '@odata.type': '#microsoft.graph.openTypeExtension', id: extensionId(item, e), ...e }))
        .filter(
          (e) =>
            matches(e) ||
            (option.filter !== undefined && evaluateFilter(option.filter, { ...e, id: e.extensionName })),
        );
    } else if (option.property === 'linkedResources') {
      out.linkedResources = item.linkedResources.map((l) => ({ ...l })).filter(matches);
    }
  }
  return out;
}

export const visibleId = (item: StoredItem, prefs: Preferences) =>
  prefs.immutableIds ? item.immutableId : item.restId;

function renderEventFields(fields: Json, ctx: RenderContext, startMs: number, endMs: number): Json {
  const allDay = fields.isAllDay === true;
  const start = fields.start as DateTimeTimeZone;
  const end = fields.end as DateTimeTimeZone;
  const body = renderBody(fields.body, ctx.prefs.bodyContentType ?? 'html');
  return {
    ...EVENT_DEFAULTS,
    ...fields,
    originalStartTimeZone: start.timeZone,
    originalEndTimeZone: end.timeZone,
    bodyPreview: htmlToText(body.content).slice(0, 255),
    body,
    start: renderTime(start, allDay, startMs, ctx.prefs),
    end: renderTime(end, allDay, endMs, ctx.prefs),
    organizer: { emailAddress: { name: ctx.user.displayName, address: ctx.user.mail } },
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
  };
}

const TASK_TIMES = ['dueDateTime', 'startDateTime', 'reminderDateTime'] as const;

/**
 * To Do answers with instants, not the wall clock it was given: a due day written as midnight
 * Berlin comes back as 23:00 UTC the day before (reference A6, "can be a day off"), in the zone
 * of `Prefer: outlook.timezone` if sent. `completedDateTime` is UTC midnight of its day, always.
 */
function renderTaskTimes(fields: Json, prefs: Preferences): Json {
  const out: Json = {};
  for (const key of TASK_TIMES) {
    const value = fields[key] as DateTimeTimeZone | null | undefined;
    if (!value) continue;
    out[key] = renderInstant(toUtcMs(value, key), prefs.timeZone);
  }
  const completed = fields.completedDateTime as DateTimeTimeZone | null | undefined;
  if (completed)
    out.completedDateTime = {
      dateTime: graphDateTime(`${completed.dateTime.slice(0, 10)}T00:00:00`),
      timeZone: 'UTC',
    };
  return out;
}

export function renderItem(
  item: StoredItem,
  ctx: RenderContext,
  spans?: { startMs: number; endMs: number },
): Json {
  const id = visibleId(item, ctx.prefs);
  const meta = {
    '@odata.etag': etag(item.changeKey),
    id,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
  };
  let json: Json;
  if (item.kind === 'contact') {
    json = {
      ...meta,
      changeKey: item.changeKey,
      parentFolderId: item.folderId,
      ...withDefaults(CONTACT_DEFAULTS, item.fields),
    };
  } else if (item.kind === 'event') {
    const s = spans ?? { startMs: 0, endMs: 0 };
    json = {
      ...meta,
      changeKey: item.changeKey,
      ...renderEventFields(item.fields, ctx, s.startMs, s.endMs),
      type: item.fields.recurrence ? 'seriesMaster' : 'singleInstance',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    };
  } else {
    json = {
      ...meta,
      ...TASK_DEFAULTS,
      ...item.fields,
      ...renderTaskTimes(item.fields, ctx.prefs),
      bodyLastModifiedDateTime: item.lastModifiedDateTime,
    };
  }
  return applySelect({ ...json, ...expansions(item, ctx) }, ctx.select);
}

/** An occurrence or exception of a series, as calendarView and /instances show it. */
export function renderOccurrence(master: StoredItem, occ: Occurrence, ctx: RenderContext): Json {
  const masterId = visibleId(master, ctx.prefs);
  const fields = { ...master.fields, ...(occ.override?.fields ?? {}), recurrence: null };
  const base = renderEventFields(fields, ctx, occ.startMs, occ.endMs);
  if (!occ.override?.fields.start && master.fields.isAllDay === true) {
    const day = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.0000000`;
    base.start = { dateTime: day(occ.startMs), timeZone: ctx.prefs.timeZone };
    base.end = { dateTime: day(occ.endMs), timeZone: ctx.prefs.timeZone };
  }
  const json: Json = {
    '@odata.etag': etag(occ.override?.changeKey ?? master.changeKey),
    id: occurrenceId(masterId, occ.key),
    createdDateTime: master.createdDateTime,
    lastModifiedDateTime: occ.override?.lastModifiedDateTime ?? master.lastModifiedDateTime,
    changeKey: occ.override?.changeKey ?? master.changeKey,
    ...base,
    iCalUId: `${String(master.fields.iCalUId)}${occ.key}`,
    type: occ.override ? 'exception' : 'occurrence',
    seriesMasterId: masterId,
    originalStart: isoUtc(occ.originalStartMs),
  };
  return applySelect({ ...json, ...expansions(master, ctx) }, ctx.select);
}

export function renderRemoved(id: string, kind: StoredItem['kind']): Json {
  const type = kind === 'task' ? 'todoTask' : kind;
  return { '@odata.type': `#microsoft.graph.${type}`, id, '@removed': { reason: 'deleted' } };
}
