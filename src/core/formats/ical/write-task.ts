/** Task → VTODO as a property tree. */
import type { Task } from '../../model/index.js';
import { issue, prop, type CalComp } from './cal-tree.js';
import { DIALECTS, TASK_STATUS_HINT } from './dialects.js';
import { taskAlarm } from './alarms.js';
import { writeTime } from './times.js';
import {
  categoriesProps,
  extraProps,
  modifiedProps,
  ruleProps,
  textProps,
  type WriteContext,
} from './write-parts.js';

export function writeTask(t: Task, ctx: WriteContext): CalComp {
  const dialect = DIALECTS[ctx.version];
  const word = dialect.taskStatusOut[t.status];
  // A status the dialect has no word for travels as the nearest word plus our hint.
  const hint = dialect.taskStatusIn[word] === t.status ? [] : [prop(TASK_STATUS_HINT, t.status)];
  const anchor = t.start ?? t.due;
  if (t.recurrence && !anchor) {
    ctx.warnings.push(
      issue('FIELD_NOT_REPRESENTABLE', 'a recurring task needs DTSTART or DUE; recurrence not written', {
        name: 'RRULE',
      }),
    );
  }
  const alarm = t.reminder ? taskAlarm(t.reminder, ctx, t.title || 'Reminder') : { props: [], children: [] };
  return {
    name: 'VTODO',
    props: [
      ...textProps('UID', t.uid),
      ...textProps('SUMMARY', t.title),
      ...textProps('DESCRIPTION', t.body),
      ...(t.start ? [writeTime('DTSTART', t.start, ctx.version, ctx.zones)] : []),
      ...(t.due ? [writeTime('DUE', t.due, ctx.version, ctx.zones)] : []),
      prop('STATUS', word),
      ...hint,
      ...(t.percentComplete !== undefined
        ? [prop('PERCENT-COMPLETE', String(t.percentComplete), 'integer')]
        : []),
      prop('PRIORITY', String(dialect.importanceToPriority[t.importance]), 'integer'),
      ...(t.completedAt ? [prop('COMPLETED', t.completedAt, 'date-time')] : []),
      ...(anchor ? ruleProps(t.recurrence, anchor, t.extra, ctx) : []),
      prop('CLASS', t.sensitivity === 'private' ? 'PRIVATE' : 'PUBLIC'),
      ...categoriesProps(t.categories),
      ...alarm.props,
      ...modifiedProps(t.modifiedAt),
      ...extraProps(t.extra, ctx),
    ],
    children: alarm.children,
  };
}
