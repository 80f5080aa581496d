/**
 * Where vCalendar 1.0 and iCalendar 2.0 differ in meaning, as data (CONVENTIONS.md rule 6). The
 * readers and writers are shared; they look up these tables by version.
 */
import type { Sensitivity, ShowAs, TaskImportance, TaskStatus } from '../../model/index.js';
import {
  formatIcalRrule,
  formatVcalRrule,
  parseIcalRrule,
  parseVcalRrule,
  vcalUnsupportedReason,
  type RuleParse,
  type SeriesStart,
} from '../recurrence/index.js';
import type { Recurrence } from '../../model/index.js';
import type { CalendarVersion } from './cal-tree.js';

export interface CalendarDialect {
  readonly version: CalendarVersion;
  /** STATUS word → task status (read; lenient about space vs hyphen). */
  readonly taskStatusIn: Readonly<Record<string, TaskStatus>>;
  /** Task status → STATUS word; statuses without a word are written as the nearest plus X-OUTLOOK-TASK-STATUS. */
  readonly taskStatusOut: Readonly<Record<TaskStatus, string>>;
  readonly priorityToImportance: (priority: number) => TaskImportance;
  readonly importanceToPriority: Readonly<Record<TaskImportance, number>>;
  readonly parseRule: (value: string, start: SeriesStart) => RuleParse;
  /** The rule text, or undefined when this dialect cannot express the pattern. */
  readonly formatRule: (recurrence: Recurrence, start: SeriesStart) => string | undefined;
  /** Property that carries the other dialect's rule verbatim. */
  readonly foreignRuleProperty: string;
  readonly ownRuleExtraKey: string;
  readonly listSeparator: ',' | ';';
}

const STATUS_IN: Readonly<Record<string, TaskStatus>> = {
  'NEEDS ACTION': 'notStarted',
  'NEEDS-ACTION': 'notStarted',
  'IN PROCESS': 'inProgress',
  'IN-PROCESS': 'inProgress',
  COMPLETED: 'completed',
  DELEGATED: 'waitingOnOthers',
  DECLINED: 'deferred',
  CANCELLED: 'deferred',
  ACCEPTED: 'notStarted',
  CONFIRMED: 'notStarted',
  SENT: 'notStarted',
  TENTATIVE: 'notStarted',
};

export const ICAL20: CalendarDialect = {
  version: '2.0',
  taskStatusIn: STATUS_IN,
  taskStatusOut: {
    notStarted: 'NEEDS-ACTION',
    inProgress: 'IN-PROCESS',
    completed: 'COMPLETED',
    waitingOnOthers: 'IN-PROCESS',
    deferred: 'NEEDS-ACTION',
  },
  // RFC 5545: 1–4 high, 5 normal (0 undefined), 6–9 low (SyncEvolution's table).
  priorityToImportance: (p) => (p >= 1 && p <= 4 ? 'high' : p >= 6 && p <= 9 ? 'low' : 'normal'),
  importanceToPriority: { high: 1, normal: 5, low: 9 },
  parseRule: parseIcalRrule,
  formatRule: formatIcalRrule,
  foreignRuleProperty: 'X-VCAL-RRULE',
  ownRuleExtraKey: 'X-ICAL-RRULE',
  listSeparator: ',',
};

export const VCAL10: CalendarDialect = {
  version: '1.0',
  taskStatusIn: STATUS_IN,
  taskStatusOut: {
    notStarted: 'NEEDS ACTION',
    inProgress: 'IN PROCESS',
    completed: 'COMPLETED',
    waitingOnOthers: 'DELEGATED',
    deferred: 'DECLINED',
  },
  // In practice 1 high, 2 normal, 3 low; larger values are producers using the 2.0 scale.
  priorityToImportance: (p) =>
    p === 1 ? 'high' : p === 3 ? 'low' : p > 3 ? ICAL20.priorityToImportance(p) : 'normal',
  importanceToPriority: { high: 1, normal: 2, low: 3 },
  parseRule: parseVcalRrule,
  formatRule: (recurrence, start) =>
    vcalUnsupportedReason(recurrence, start) ? undefined : formatVcalRrule(recurrence, start),
  foreignRuleProperty: 'X-ICAL-RRULE',
  ownRuleExtraKey: 'X-VCAL-RRULE',
  listSeparator: ';',
};

export const DIALECTS: Readonly<Record<CalendarVersion, CalendarDialect>> = { '1.0': VCAL10, '2.0': ICAL20 };

export const CLASS_TO_SENSITIVITY: Readonly<Record<string, Sensitivity>> = {
  PUBLIC: 'normal',
  PRIVATE: 'private',
  CONFIDENTIAL: 'confidential',
};

/** 'personal' has no CLASS of its own; PRIVATE is the nearest (reported by the writer). */
export const SENSITIVITY_TO_CLASS: Readonly<Record<Sensitivity, string>> = {
  normal: 'PUBLIC',
  personal: 'PRIVATE',
  private: 'PRIVATE',
  confidential: 'CONFIDENTIAL',
};

/** X-MICROSOFT-CDO-BUSYSTATUS ⇄ showAs (Outlook's own exports carry it next to TRANSP). */
export const BUSYSTATUS_TO_SHOWAS: Readonly<Record<string, ShowAs>> = {
  FREE: 'free',
  TENTATIVE: 'tentative',
  BUSY: 'busy',
  OOF: 'oof',
  WORKINGELSEWHERE: 'workingElsewhere',
};

export const SHOWAS_TO_BUSYSTATUS: Readonly<Record<ShowAs, string | undefined>> = {
  free: 'FREE',
  tentative: 'TENTATIVE',
  busy: 'BUSY',
  oof: 'OOF',
  workingElsewhere: 'WORKINGELSEWHERE',
  unknown: undefined,
};

/** Model hint for statuses and sensitivities a dialect has no word for. */
export const TASK_STATUS_HINT = 'X-OUTLOOK-TASK-STATUS';
