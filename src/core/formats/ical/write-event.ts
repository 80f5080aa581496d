/** CalendarEvent → VEVENT components (master plus one per changed occurrence) as property trees. */
import type { CalendarEvent, EventException, EventTiming } from '../../model/index.js';
import { issue, prop, type CalComp, type CalProp } from './cal-tree.js';
import { SENSITIVITY_TO_CLASS, SHOWAS_TO_BUSYSTATUS } from './dialects.js';
import { eventAlarm } from './alarms.js';
import { writeTime, type TimeValue } from './times.js';
import {
  categoriesProps,
  extraProps,
  modifiedProps,
  peopleProps,
  ruleProps,
  textProps,
  type WriteContext,
} from './write-parts.js';

function timingProps(timing: EventTiming, ctx: WriteContext): CalProp[] {
  if (!timing.allDay) {
    return [
      writeTime('DTSTART', timing.start, ctx.version, ctx.zones),
      writeTime('DTEND', timing.end, ctx.version, ctx.zones),
    ];
  }
  const props = [
    writeTime('DTSTART', timing.startDate, ctx.version, ctx.zones),
    writeTime('DTEND', timing.endDate, ctx.version, ctx.zones),
  ];
  // 1.0 has no DATE type: floating midnight to midnight (Synthesis) plus Outlook's all-day flag.
  if (ctx.version === '1.0') props.push(prop('X-MICROSOFT-CDO-ALLDAYEVENT', 'TRUE'));
  return props;
}

function startOf(timing: EventTiming): TimeValue {
  return timing.allDay ? timing.startDate : timing.start;
}

function exdateProps(exceptions: readonly EventException[], ctx: WriteContext): CalProp[] {
  const cancelled = exceptions.filter((x) => x.cancelled);
  if (cancelled.length === 0) return [];
  const written = cancelled.map((x) => writeTime('EXDATE', x.originalStart, ctx.version, ctx.zones));
  return [{ ...written[0]!, values: written.map((w) => w.values[0]!) }];
}

function showAsProps(e: CalendarEvent): CalProp[] {
  if (!e.showAs || e.showAs === 'unknown') return [];
  return [
    prop('TRANSP', e.showAs === 'free' ? 'TRANSPARENT' : 'OPAQUE'),
    prop('X-MICROSOFT-CDO-BUSYSTATUS', SHOWAS_TO_BUSYSTATUS[e.showAs]!),
  ];
}

function overrideComp(e: CalendarEvent, x: EventException, ctx: WriteContext): CalComp {
  const timing = x.timing ?? e.timing;
  return {
    name: 'VEVENT',
    props: [
      ...textProps('UID', e.uid),
      writeTime('RECURRENCE-ID', x.originalStart, ctx.version, ctx.zones),
      ...timingProps(timing, ctx),
      ...textProps('SUMMARY', x.subject ?? e.subject),
      ...textProps('LOCATION', x.location),
      ...textProps('DESCRIPTION', x.body),
    ],
    children: [],
  };
}

/** The VEVENTs of one event: the master first, then its changed occurrences. */
export function writeEvent(e: CalendarEvent, ctx: WriteContext): CalComp[] {
  const start = startOf(e.timing);
  if (e.sensitivity === 'personal') {
    ctx.warnings.push(
      issue('FIELD_NOT_REPRESENTABLE', "sensitivity 'personal' sent as CLASS:PRIVATE", { name: 'CLASS' }),
    );
  }
  const alarm =
    e.reminderMinutesBefore === undefined
      ? { props: [], children: [] }
      : eventAlarm(e.reminderMinutesBefore, start, ctx, e.subject || 'Reminder');
  const master: CalComp = {
    name: 'VEVENT',
    props: [
      ...textProps('UID', e.uid),
      ...textProps('SUMMARY', e.subject),
      ...textProps('LOCATION', e.location),
      ...textProps('DESCRIPTION', e.body),
      ...timingProps(e.timing, ctx),
      ...ruleProps(e.recurrence, start, e.extra, ctx),
      ...exdateProps(e.exceptions, ctx),
      prop('CLASS', SENSITIVITY_TO_CLASS[e.sensitivity]),
      ...categoriesProps(e.categories),
      ...showAsProps(e),
      ...peopleProps(e, ctx),
      ...alarm.props,
      ...modifiedProps(e.modifiedAt),
      ...extraProps(e.extra, ctx),
    ],
    children: alarm.children,
  };
  return [master, ...e.exceptions.filter((x) => !x.cancelled).map((x) => overrideComp(e, x, ctx))];
}
