/**
 * Which properties each Graph resource accepts on POST/PATCH, and the limits Exchange enforces.
 * An unknown property is a 400 `RequestBodyRead` as on Graph (this is how a misspelt field or
 * `singleValueExtendedProperties` on a To Do task shows up); read-only ones are ignored.
 */
import { badRequest } from '../errors.js';
import { checkFieldTypes, IMPORTANCE, isWritableField, TASK_STATUS } from './field-types.js';
import { validateRecurrence } from './recurrence.js';
import { parseLocal, requireZone } from './time.js';
import type { ItemKind, JsonObject } from './types.js';

const NAVIGATION = {
  contact: ['singleValueExtendedProperties', 'extensions'],
  event: ['singleValueExtendedProperties', 'extensions'],
  task: ['extensions', 'linkedResources'],
} as const satisfies Record<ItemKind, readonly string[]>;

const READ_ONLY = new Set([
  'id',
  'changeKey',
  'createdDateTime',
  'lastModifiedDateTime',
  'parentFolderId',
  'iCalUId',
  'type',
  'seriesMasterId',
  'originalStart',
  'bodyPreview',
  'organizer',
  'isOrganizer',
  'webLink',
  'isCancelled',
  'responseStatus',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'bodyLastModifiedDateTime',
  'hasAttachments',
]);

const RESOURCE_TYPE: Record<ItemKind, string> = {
  contact: 'microsoft.graph.contact',
  event: 'microsoft.graph.event',
  task: 'microsoft.graph.todoTask',
};

export interface SplitBody {
  fields: JsonObject;
  navigation: JsonObject;
}

/** Separates writable fields from navigation properties; rejects what the resource doesn't have. */
export function splitItemBody(kind: ItemKind, body: unknown): SplitBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('RequestBodyRead', 'The request body must be a JSON object.', { kind });
  }
  const fields: JsonObject = {};
  const navigation: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.') || READ_ONLY.has(key)) continue;
    if ((NAVIGATION[kind] as readonly string[]).includes(key)) navigation[key] = value;
    else if (isWritableField(kind, key)) fields[key] = value;
    else {
      throw badRequest(
        'RequestBodyRead',
        `The property '${key}' does not exist on type '${RESOURCE_TYPE[kind]}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
        { kind, property: key },
      );
    }
  }
  checkFieldTypes(kind, fields);
  return { fields, navigation };
}

/** Exchange's undocumented multi-value limits (reference A6). */
const MULTI_VALUE_LIMITS: Record<string, number> = { emailAddresses: 3, businessPhones: 2, homePhones: 2 };

export function validateContactFields(fields: JsonObject): void {
  for (const [key, max] of Object.entries(MULTI_VALUE_LIMITS)) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value))
      throw badRequest('RequestBodyRead', `'${key}' must be an array.`, { property: key });
    if (value.length > max) {
      throw badRequest(
        'ErrorInvalidProperty',
        `The multi value property '${key}' exceeds the max allowed value.`,
        {
          property: key,
          count: value.length,
          max,
        },
      );
    }
  }
  const emails = fields.emailAddresses as unknown[] | undefined;
  emails?.forEach((entry, index) => {
    const address = (entry as { address?: unknown } | null)?.address;
    if (typeof address !== 'string') {
      throw badRequest('RequestBodyRead', `emailAddresses[${index}].address must be a string.`, {
        property: 'emailAddresses',
        index,
      });
    }
  });
  if (
    fields.birthday !== undefined &&
    fields.birthday !== null &&
    Number.isNaN(Date.parse(String(fields.birthday)))
  ) {
    throw badRequest(
      'RequestBodyRead',
      `Cannot convert the literal '${String(fields.birthday)}' to 'Edm.DateTimeOffset'.`,
      { property: 'birthday' },
    );
  }
}

export function validateTaskFields(fields: JsonObject, creating: boolean): void {
  if (creating || 'title' in fields) {
    if (typeof fields.title !== 'string' || fields.title.trim() === '') {
      throw badRequest('ErrorInvalidRequest', 'A task needs a title.', { property: 'title' });
    }
  }
  for (const key of ['dueDateTime', 'startDateTime', 'reminderDateTime', 'completedDateTime']) {
    const value = fields[key] as { dateTime?: unknown; timeZone?: unknown } | null | undefined;
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || typeof value.dateTime !== 'string') {
      throw badRequest('RequestBodyRead', `${key} must be a dateTimeTimeZone { dateTime, timeZone }.`, {
        property: key,
      });
    }
    requireZone(value.timeZone, `${key}.timeZone`);
    parseLocal(value.dateTime, `${key}.dateTime`);
  }
  if (fields.recurrence !== undefined && fields.recurrence !== null) validateRecurrence(fields.recurrence);
  if (fields.status !== undefined && !(TASK_STATUS as readonly string[]).includes(String(fields.status))) {
    throw badRequest('RequestBodyRead', `Requested value '${String(fields.status)}' was not found.`, {
      property: 'status',
    });
  }
  if (
    fields.importance !== undefined &&
    !(IMPORTANCE as readonly string[]).includes(String(fields.importance))
  ) {
    throw badRequest('RequestBodyRead', `Requested value '${String(fields.importance)}' was not found.`, {
      property: 'importance',
    });
  }
}
