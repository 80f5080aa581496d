/**
 * The calendar item API: text in either dialect ⇄ CalendarEvent / Task. The version is detected
 * from VERSION (1.0 goes to our versit codec, never to ical.js). Errors are typed, never thrown.
 */
import type { CalendarEvent, FormatIssue, ParseResult, Task } from '../../model/index.js';
import { readVcal, writeVcal, zoneOfVcal } from '../vcal/vcal-codec.js';
import { ianaFromZoneName } from '../timezone/index.js';
import { issue, ItemError, type CalComp, type CalDocument, type CalendarVersion } from './cal-tree.js';
import { readIcal, utcViaVtimezone, writeIcal } from './ical-codec.js';
import { readEvent } from './read-event.js';
import { readTask } from './read-task.js';
import type { TimeContext } from './times.js';
import { writeEvent } from './write-event.js';
import { writeTask } from './write-task.js';
import { newWriteContext, type WriteContext } from './write-parts.js';

export interface SerializedItem {
  readonly text: string;
  readonly warnings: readonly FormatIssue[];
}

/** 'VERSION:1.0' anywhere at the calendar level means vCalendar 1.0; everything else is 2.0. */
export function detectCalendarVersion(text: string): CalendarVersion {
  return /^VERSION:\s*1\.0\s*$/im.test(text) ? '1.0' : '2.0';
}

function timeContext(doc: CalDocument, warnings: FormatIssue[]): TimeContext {
  if (doc.version === '1.0') {
    const zone = zoneOfVcal(doc, warnings);
    return {
      version: '1.0',
      resolveTzid: ianaFromZoneName,
      utcViaVtimezone: () => undefined,
      ...(zone ? { vcalZone: zone } : {}),
    };
  }
  return { version: '2.0', resolveTzid: ianaFromZoneName, utcViaVtimezone: utcViaVtimezone(doc) };
}

interface PickedItems {
  readonly master: CalComp;
  readonly overrides: CalComp[];
  /** RECURRENCE-ID of a detached occurrence sent without its series (SyncEvolution does this). */
  readonly detachedFrom?: string;
}

function pickItems(doc: CalDocument, expected?: 'event' | 'task'): PickedItems {
  const name = expected === 'task' ? 'VTODO' : expected === 'event' ? 'VEVENT' : doc.items[0]?.name;
  const candidates = doc.items.filter((c) => c.name === name);
  const recurrenceId = (c: CalComp) => c.props.find((p) => p.name === 'RECURRENCE-ID')?.values[0];
  const master = candidates.find((c) => recurrenceId(c) === undefined);
  if (master)
    return {
      master,
      overrides: name === 'VEVENT' ? candidates.filter((c) => recurrenceId(c) !== undefined) : [],
    };
  const detached = candidates[0];
  if (!detached)
    throw new ItemError(issue('MISSING_COMPONENT', `no ${name ?? 'VEVENT or VTODO'} in the calendar object`));
  return { master: detached, overrides: [], detachedFrom: recurrenceId(detached) };
}

/** A detached occurrence without its series becomes a single item that remembers where it came from. */
function markDetached(
  value: CalendarEvent | Task,
  picked: PickedItems,
  warnings: FormatIssue[],
): CalendarEvent | Task {
  if (picked.detachedFrom === undefined) return value;
  warnings.push(
    issue('FIELD_NOT_REPRESENTABLE', 'occurrence without its series read as a single item', {
      line: picked.master.line,
      name: 'RECURRENCE-ID',
    }),
  );
  return { ...value, extra: { ...value.extra, 'X-RECURRENCE-ID': picked.detachedFrom } };
}

/** Parses one calendar item (an event with its changed occurrences, or a task). */
export function parseCalendarItem(
  text: string,
  expected?: 'event' | 'task',
): ParseResult<CalendarEvent | Task> {
  const warnings: FormatIssue[] = [];
  try {
    const version = detectCalendarVersion(text);
    const doc = version === '1.0' ? readVcal(text, warnings) : readIcal(text, warnings);
    const ctx = timeContext(doc, warnings);
    const picked = pickItems(doc, expected);
    const { master, overrides } = picked;
    const value =
      master.name === 'VTODO' ? readTask(master, ctx, warnings) : readEvent(master, overrides, ctx, warnings);
    return { ok: true, value: markDetached(value, picked, warnings), warnings };
  } catch (e) {
    if (e instanceof ItemError) return { ok: false, error: e.issue, warnings };
    // Anything else is a bug or a library failure on odd input: still a typed, item-level error.
    return {
      ok: false,
      error: issue('MALFORMED_LINE', `unreadable calendar item: ${(e as Error).message}`),
      warnings,
    };
  }
}

function serialize(items: CalComp[], ctx: WriteContext): SerializedItem {
  const text = ctx.version === '1.0' ? writeVcal(items, ctx.zones.zones) : writeIcal(items, ctx.zones.zones);
  return { text, warnings: ctx.warnings };
}

export function serializeEvent(e: CalendarEvent, version: CalendarVersion): SerializedItem {
  const ctx = newWriteContext(version);
  return serialize(writeEvent(e, ctx), ctx);
}

export function serializeTask(t: Task, version: CalendarVersion): SerializedItem {
  const ctx = newWriteContext(version);
  return serialize([writeTask(t, ctx)], ctx);
}
