/** VTODO (either dialect, as a property tree) → Task. To Do holds due/start as days only. */
import type { DateOnly, DateTimeValue, FormatIssue, Task, TaskStatus } from '../../model/index.js';
import { datePart, isoUtc, timePart } from '../timezone/index.js';
import { firstProp, firstValue, issue, type CalComp } from './cal-tree.js';
import { DIALECTS, TASK_STATUS_HINT } from './dialects.js';
import { firstTrigger } from './alarms.js';
import { categoriesOf, extrasOf, recurrenceOf, sensitivityOf, textOf, utcInstantOf } from './read-parts.js';
import { epochOf, isDateOnlyValue, readTime, type TimeContext, type TimeValue } from './times.js';

const CONSUMED = new Set([
  'UID',
  'SUMMARY',
  'DESCRIPTION',
  'DUE',
  'DTSTART',
  'STATUS',
  'PERCENT-COMPLETE',
  'PRIORITY',
  'COMPLETED',
  'RRULE',
  'CLASS',
  'CATEGORIES',
  'LAST-MODIFIED',
  'AALARM',
  'DALARM',
  'PALARM',
  'MALARM',
  TASK_STATUS_HINT,
]);

const STATUSES: readonly TaskStatus[] = [
  'notStarted',
  'inProgress',
  'completed',
  'waitingOnOthers',
  'deferred',
];

/** A DUE/DTSTART as a day; a time other than midnight is reported, not silently dropped. */
function dayOf(
  comp: CalComp,
  name: string,
  ctx: TimeContext,
  issues: FormatIssue[],
): { day?: DateOnly; value?: TimeValue } {
  const p = firstProp(comp, name);
  if (!p?.values[0]) return {};
  const v = readTime(p, ctx, issues);
  if (!v) return {};
  if (isDateOnlyValue(v)) return { day: v, value: v };
  const local = v.kind === 'utc' ? v.iso : v.local;
  if (timePart(local) !== '00:00:00') {
    issues.push(
      issue('FIELD_NOT_REPRESENTABLE', `${name} time of day ${timePart(local)} dropped: tasks hold days`, p),
    );
  }
  return { day: datePart(local), value: v };
}

function statusOf(comp: CalComp, ctx: TimeContext, issues: FormatIssue[]): TaskStatus {
  const hint = firstValue(comp, TASK_STATUS_HINT) as TaskStatus | undefined;
  if (hint && STATUSES.includes(hint)) return hint;
  const word = (firstValue(comp, 'STATUS') ?? '').trim().toUpperCase();
  if (word === '') return firstValue(comp, 'COMPLETED') ? 'completed' : 'notStarted';
  const status = DIALECTS[ctx.version].taskStatusIn[word];
  if (!status)
    issues.push(
      issue(
        'FIELD_NOT_REPRESENTABLE',
        `task STATUS '${word}' read as not started`,
        firstProp(comp, 'STATUS'),
      ),
    );
  return status ?? 'notStarted';
}

function reminderOf(
  comp: CalComp,
  ctx: TimeContext,
  base: TimeValue | undefined,
  issues: FormatIssue[],
): DateTimeValue | undefined {
  const trigger = firstTrigger(comp, ctx, issues);
  if (!trigger) return undefined;
  if (trigger.kind === 'absolute') {
    const at = trigger.at;
    return isDateOnlyValue(at) ? { kind: 'floating', local: `${at}T00:00:00` } : at;
  }
  if (!base) {
    issues.push(
      issue('FIELD_NOT_REPRESENTABLE', 'relative task alarm without DUE/DTSTART dropped', { name: 'VALARM' }),
    );
    return undefined;
  }
  const at = epochOf(base) + trigger.minutes * 60_000;
  if (isDateOnlyValue(base) || base.kind === 'floating')
    return { kind: 'floating', local: new Date(at).toISOString().slice(0, 19) };
  return { kind: 'utc', iso: isoUtc(at) };
}

export function readTask(comp: CalComp, ctx: TimeContext, issues: FormatIssue[]): Task {
  const dialect = DIALECTS[ctx.version];
  const due = dayOf(comp, 'DUE', ctx, issues);
  const start = dayOf(comp, 'DTSTART', ctx, issues);
  const extra = extrasOf(comp, CONSUMED, issues);
  const anchor = start.value ?? due.value;
  const recurrence = anchor ? recurrenceOf(comp, dialect, anchor, extra, issues) : undefined;
  const percentText = firstValue(comp, 'PERCENT-COMPLETE');
  const percent =
    percentText !== undefined && /^\d{1,3}$/.test(percentText.trim())
      ? Math.min(100, Number(percentText))
      : undefined;
  const priority = Number(firstValue(comp, 'PRIORITY') ?? 0);
  const completedProp = firstProp(comp, 'COMPLETED');
  const completed = completedProp?.values[0] ? readTime(completedProp, ctx, issues) : undefined;
  const optional = {
    uid: textOf(comp, 'UID'),
    body: textOf(comp, 'DESCRIPTION'),
    due: due.day,
    start: start.day,
    percentComplete: percent,
    completedAt:
      completed === undefined
        ? undefined
        : isDateOnlyValue(completed)
          ? `${completed}T00:00:00Z`
          : isoUtc(epochOf(completed)),
    reminder: reminderOf(comp, ctx, due.value ?? start.value, issues),
    recurrence,
    modifiedAt: utcInstantOf(firstValue(comp, 'LAST-MODIFIED')),
  };
  return {
    kind: 'task',
    title: textOf(comp, 'SUMMARY') ?? '',
    status: statusOf(comp, ctx, issues),
    importance: dialect.priorityToImportance(Number.isFinite(priority) ? priority : 0),
    categories: categoriesOf(comp),
    sensitivity: sensitivityOf(comp) === 'normal' ? 'normal' : 'private',
    extra,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}
