// The formats entry point: a plain list of re-exports (formats part 1: text layer, vCard, Graph contact,
// fingerprint; part 2: calendar formats).
export * from './text/index.js';
export * from './vcard/index.js';
export { contactFromGraph, contactToGraph, birthdayFromGraph } from './graph/contact.js';
export type {
  GraphContact,
  GraphContactWrite,
  GraphEmailAddress,
  GraphPhysicalAddress,
} from './graph/contact-types.js';
export { GRAPH_CONTACT_LIMITS } from './graph/contact-types.js';
export { CONTACT_CARRY_PROPERTY_ID, carriedPhotoType, markCarriedPhoto } from './graph/contact-carry.js';
export { fingerprint, canonicalItemText, FINGERPRINT_VERSION } from './fingerprint.js';
export * from './ical/index.js';
export {
  parseIcalRrule,
  formatIcalRrule,
  parseVcalRrule,
  formatVcalRrule,
  vcalUnsupportedReason,
  seriesStartOf,
  type SeriesStart,
  type RuleParse,
} from './recurrence/index.js';
export {
  offsetMinutesAt,
  epochToZonedLocal,
  zonedLocalToEpoch,
  isKnownIanaZone,
  ianaFromZoneName,
  windowsFromIana,
  transitionsInYear,
  vtimezoneLines,
  vcalZoneProperties,
  guessZoneFromVcal,
  type ZoneTransition,
} from './timezone/index.js';
export { eventFromGraph, eventToGraph, type GraphEventConversion } from './graph/event.js';
export type { GraphWriteOptions } from './graph/event-write.js';
export { EVENT_CARRY_PROPERTY_ID, type EventCarry } from './graph/event-carry.js';
export { htmlToText } from './graph/event-body.js';
export type {
  GraphEvent,
  GraphEventWrite,
  GraphOccurrenceChange,
  GraphDateTimeTimeZone,
  GraphPatternedRecurrence,
  GraphItemBody,
  GraphAttendee,
} from './graph/event-types.js';
export { taskFromGraph, taskToGraph, type TaskGraphOptions, type GraphTaskConversion } from './graph/task.js';
export {
  TASK_CARRY_EXTENSION,
  type GraphTodoTask,
  type GraphTodoTaskWrite,
  type GraphOpenExtension,
} from './graph/task-types.js';
