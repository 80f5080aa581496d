/**
 * The writable fields of each Graph resource and their JSON types: one table, so that what a
 * resource accepts (schema.ts) and how each field is checked can't drift apart. Graph refuses a
 * value of the wrong type with 400 `RequestBodyRead`; so do we, so that nothing malformed is stored
 * and rendered later. `null` clears a field (PATCH) and is always accepted; start/end, the event's
 * recurrence and the To Do dates have their own, stricter checks.
 */
import { badRequest } from '../errors.js';
import type { ItemKind, JsonObject } from './types.js';

type FieldType =
  | 'string'
  | 'boolean'
  | 'int'
  | 'strings'
  | 'objects'
  | 'emails'
  | 'address'
  | 'itemBody'
  | 'location'
  | 'object'
  // Checked apart by a stricter rule (schema.ts, recurrence.ts, time.ts).
  | 'own'
  | readonly string[];

const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'] as const;
const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
export const IMPORTANCE = ['low', 'normal', 'high'] as const;
export const TASK_STATUS = ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'] as const;

const STRING_CONTACT_FIELDS = [
  'displayName',
  'givenName',
  'middleName',
  'surname',
  'title',
  'generation',
  'nickName',
  'initials',
  'fileAs',
  'yomiGivenName',
  'yomiSurname',
  'yomiCompanyName',
  'companyName',
  'department',
  'jobTitle',
  'profession',
  'officeLocation',
  'manager',
  'assistantName',
  'mobilePhone',
  'businessHomePage',
  'birthday',
  'spouseName',
  'personalNotes',
];

/** Every writable field by resource; a property not listed here doesn't exist on the resource. */
const TYPES: Record<ItemKind, Record<string, FieldType>> = {
  contact: {
    ...Object.fromEntries(STRING_CONTACT_FIELDS.map((f) => [f, 'string' as const])),
    emailAddresses: 'emails',
    businessPhones: 'strings',
    homePhones: 'strings',
    imAddresses: 'strings',
    children: 'strings',
    categories: 'strings',
    businessAddress: 'address',
    homeAddress: 'address',
    otherAddress: 'address',
  },
  event: {
    subject: 'string',
    body: 'itemBody',
    start: 'own',
    end: 'own',
    isAllDay: 'boolean',
    location: 'location',
    locations: 'objects',
    attendees: 'objects',
    recurrence: 'own',
    isReminderOn: 'boolean',
    reminderMinutesBeforeStart: 'int',
    sensitivity: SENSITIVITY,
    showAs: SHOW_AS,
    importance: IMPORTANCE,
    categories: 'strings',
    responseRequested: 'boolean',
    allowNewTimeProposals: 'boolean',
    isOnlineMeeting: 'boolean',
    onlineMeetingProvider: 'string',
    hideAttendees: 'boolean',
    transactionId: 'string',
  },
  task: {
    title: 'string',
    body: 'itemBody',
    importance: IMPORTANCE,
    status: TASK_STATUS,
    isReminderOn: 'boolean',
    reminderDateTime: 'own',
    startDateTime: 'own',
    dueDateTime: 'own',
    completedDateTime: 'own',
    categories: 'strings',
    recurrence: 'object',
  },
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const allStrings = (o: Record<string, unknown>, keys: readonly string[]) =>
  keys.every((k) => o[k] === undefined || o[k] === null || typeof o[k] === 'string');

function matches(type: FieldType, value: unknown): boolean {
  if (Array.isArray(type)) return typeof value === 'string' && type.includes(value);
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'int':
      return Number.isInteger(value);
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'objects':
      return Array.isArray(value) && value.every(isObject);
    case 'emails':
      return (
        Array.isArray(value) &&
        value.every((v) => isObject(v) && typeof v.address === 'string' && allStrings(v, ['name']))
      );
    case 'address':
      return (
        isObject(value) && allStrings(value, ['street', 'city', 'state', 'countryOrRegion', 'postalCode'])
      );
    case 'itemBody':
      return (
        isObject(value) &&
        allStrings(value, ['content']) &&
        ['text', 'html', undefined].includes(
          typeof value.contentType === 'string'
            ? value.contentType.toLowerCase()
            : (value.contentType as undefined),
        )
      );
    case 'location':
      return isObject(value) && allStrings(value, ['displayName', 'locationUri', 'locationType']);
    case 'object':
      return isObject(value);
    case 'own':
      return true;
  }
  return false;
}

export function isWritableField(kind: ItemKind, property: string): boolean {
  return Object.hasOwn(TYPES[kind], property);
}

export function checkFieldTypes(kind: ItemKind, fields: JsonObject): void {
  for (const [key, value] of Object.entries(fields)) {
    const type = TYPES[kind][key];
    if (type === undefined || value === null || matches(type, value)) continue;
    throw badRequest('RequestBodyRead', `Cannot convert the value of '${key}' to the expected type.`, {
      kind,
      property: key,
    });
  }
}
