/**
 * Graph To Do task ⇄ Task. To Do holds due and start as days, no percent and no privacy: those
 * ride in an open extension (TASK_CARRY_EXTENSION) with the UID and extra properties.
 */
import type {
  DateOnly,
  DateTimeValue,
  FormatIssue,
  ParseResult,
  Task,
  TaskImportance,
  TaskStatus,
} from '../../model/index.js';
import { dateOnly } from '../../model/index.js';
import { epochToZonedLocal, utcIsoToMs } from '../timezone/index.js';
import { issue } from '../ical/cal-tree.js';
import { bodyText } from './event-body.js';
import {
  graphLocal,
  instantFromGraph,
  recurrenceFromGraph,
  recurrenceToGraph,
  timeFromGraph,
  timeToGraph,
  zoneNameForGraph,
} from './event-time.js';
import type { GraphDateTimeTimeZone } from './event-types.js';
import {
  TASK_CARRY_EXTENSION,
  type GraphOpenExtension,
  type GraphTodoTask,
  type GraphTodoTaskWrite,
} from './task-types.js';

const STATUSES: readonly TaskStatus[] = [
  'notStarted',
  'inProgress',
  'completed',
  'waitingOnOthers',
  'deferred',
];
const IMPORTANCES: readonly TaskImportance[] = ['low', 'normal', 'high'];

export interface TaskGraphOptions {
  /** The user's IANA zone: To Do day values are written at its midnight and read back in it. Default UTC. */
  readonly timeZone?: string;
}

interface TaskCarry {
  readonly uid?: string;
  readonly percentComplete?: number;
  readonly sensitivity?: 'private';
  readonly extra?: Readonly<Record<string, string>>;
}

/** A To Do day: Graph may answer in UTC, a day off for users east of UTC; read it in the user's zone. */
function dayFromGraph(g: GraphDateTimeTimeZone | null | undefined, zone: string): DateOnly | undefined {
  if (!g) return undefined;
  const local = graphLocal(g.dateTime);
  if (!local) return undefined;
  const utc = instantFromGraph(g);
  if (g.timeZone.toUpperCase() === 'UTC' && zone !== 'UTC' && utc && !local.endsWith('T00:00:00')) {
    return dateOnly(epochToZonedLocal(utcIsoToMs(utc), zone).slice(0, 10));
  }
  return dateOnly(local.slice(0, 10));
}

function dayToGraph(d: DateOnly | undefined, zone: string): GraphDateTimeTimeZone | null {
  return d ? { dateTime: `${d}T00:00:00`, timeZone: zoneNameForGraph(zone) } : null;
}

function readCarry(exts: readonly GraphOpenExtension[] | null | undefined): TaskCarry {
  const ext = exts?.find((x) => x.extensionName === TASK_CARRY_EXTENSION);
  if (!ext || typeof ext['data'] !== 'string') return {};
  try {
    return JSON.parse(ext['data']) as TaskCarry;
  } catch {
    return {};
  }
}

export function taskFromGraph(g: GraphTodoTask, options: TaskGraphOptions = {}): ParseResult<Task> {
  const warnings: FormatIssue[] = [];
  if (typeof g !== 'object' || g === null)
    return { ok: false, error: issue('MALFORMED_LINE', 'Graph task is not an object'), warnings };
  const zone = options.timeZone ?? 'UTC';
  const carry = readCarry(g.extensions);
  const due = dayFromGraph(g.dueDateTime, zone);
  const start = dayFromGraph(g.startDateTime, zone);
  const reminderInstant =
    g.isReminderOn && g.reminderDateTime ? instantFromGraph(g.reminderDateTime) : undefined;
  const reminder: DateTimeValue | undefined = reminderInstant
    ? { kind: 'utc', iso: reminderInstant }
    : g.isReminderOn && g.reminderDateTime
      ? timeFromGraph(g.reminderDateTime, undefined, 'reminderDateTime', warnings)
      : undefined;
  // Task series run on days; their zone is the user's, supplied again when writing.
  const series = g.recurrence ? recurrenceFromGraph(g.recurrence, undefined, warnings) : undefined;
  const recurrence = series ? { pattern: series.pattern, range: series.range } : undefined;
  const optional = {
    uid: carry.uid,
    body: bodyText(g.body),
    due,
    start,
    percentComplete: carry.percentComplete,
    completedAt: g.completedDateTime ? instantFromGraph(g.completedDateTime) : undefined,
    reminder,
    recurrence,
    modifiedAt: g.lastModifiedDateTime ? instantFromGraph(g.lastModifiedDateTime) : undefined,
  };
  const value: Task = {
    kind: 'task',
    title: g.title ?? '',
    status: STATUSES.find((s) => s === g.status) ?? 'notStarted',
    importance: IMPORTANCES.find((i) => i === g.importance) ?? 'normal',
    categories: [...(g.categories ?? [])],
    sensitivity: carry.sensitivity ?? 'normal',
    extra: { ...(carry.extra ?? {}) },
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
  return { ok: true, value, warnings };
}

export interface GraphTaskConversion {
  readonly value: GraphTodoTaskWrite;
  readonly warnings: readonly FormatIssue[];
}

export function taskToGraph(t: Task, options: TaskGraphOptions = {}): GraphTaskConversion {
  const w: FormatIssue[] = [];
  const zone = options.timeZone ?? 'UTC';
  if (t.recurrence && !t.due)
    w.push(
      issue('FIELD_NOT_REPRESENTABLE', 'To Do needs a due date for a recurring task', { name: 'recurrence' }),
    );
  const carry: TaskCarry = {
    ...(t.uid ? { uid: t.uid } : {}),
    ...(t.percentComplete !== undefined ? { percentComplete: t.percentComplete } : {}),
    ...(t.sensitivity === 'private' ? { sensitivity: 'private' as const } : {}),
    ...(Object.keys(t.extra).length ? { extra: t.extra } : {}),
  };
  const value: GraphTodoTaskWrite = {
    title: t.title,
    body: { contentType: 'text', content: t.body ?? '' },
    dueDateTime: dayToGraph(t.due, zone),
    startDateTime: dayToGraph(t.start, zone),
    completedDateTime: t.completedAt ? { dateTime: t.completedAt.slice(0, 19), timeZone: 'UTC' } : null,
    reminderDateTime: t.reminder ? timeToGraph(t.reminder, zone, w, 'reminder') : null,
    isReminderOn: t.reminder !== undefined,
    status: t.status,
    importance: t.importance,
    recurrence: t.recurrence
      ? recurrenceToGraph({ ...t.recurrence, timeZone: t.recurrence.timeZone ?? zone })
      : null,
    categories: [...t.categories],
    ...(Object.keys(carry).length
      ? {
          extensions: [
            {
              '@odata.type': '#microsoft.graph.openTypeExtension',
              extensionName: TASK_CARRY_EXTENSION,
              data: JSON.stringify(carry),
            },
          ],
        }
      : {}),
  };
  return { value, warnings: w };
}
