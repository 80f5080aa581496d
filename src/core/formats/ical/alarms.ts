/**
 * Reminders: VALARM (2.0) and AALARM/DALARM (1.0) ⇄ minutes before start (events) or an absolute
 * reminder time (tasks). 1.0 alarms carry `runTime;snoozeTime;repeatCount;text`; runTime is an
 * absolute time, or a duration in Synthesis' output.
 */
import type { FormatIssue } from '../../model/index.js';
import { isoUtc } from '../timezone/index.js';
import { allProps, firstProp, prop, type CalComp, type CalProp } from './cal-tree.js';
import {
  epochOf,
  readTime,
  writeTime,
  type TimeContext,
  type TimeValue,
  type ZoneCollector,
} from './times.js';

const DURATION_RE = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Signed minutes of an RFC 5545 duration ('-PT15M' → -15), or undefined. */
export function durationMinutes(text: string): number | undefined {
  const m = DURATION_RE.exec(text.trim().toUpperCase());
  if (!m || text.trim().length <= 2) return undefined;
  const [w, d, h, mi, s] = [m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const minutes = w * 10080 + d * 1440 + h * 60 + mi + Math.round(s / 60);
  return m[1] === '-' ? -minutes : minutes;
}

/** '-PT15M' for -15; whole days and hours where they fit (as Outlook writes). */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  if (abs === 0) return 'PT0S';
  if (abs % 1440 === 0) return `${sign}P${abs / 1440}D`;
  const h = Math.floor(abs / 60);
  const mi = abs % 60;
  return `${sign}PT${h ? `${h}H` : ''}${mi ? `${mi}M` : ''}`;
}

type Trigger = { kind: 'relative'; minutes: number; fromEnd: boolean } | { kind: 'absolute'; at: TimeValue };

function triggerOf(p: CalProp, ctx: TimeContext, issues: FormatIssue[], raw: string): Trigger | undefined {
  const rel = durationMinutes(raw);
  if (rel !== undefined)
    return { kind: 'relative', minutes: rel, fromEnd: (p.params['RELATED'] ?? '').toUpperCase() === 'END' };
  const at = readTime(p, ctx, issues, raw);
  return at ? { kind: 'absolute', at } : undefined;
}

/** The first alarm's trigger, from VALARM children (2.0) or AALARM/DALARM (1.0). */
export function firstTrigger(comp: CalComp, ctx: TimeContext, issues: FormatIssue[]): Trigger | undefined {
  if (ctx.version === '2.0') {
    for (const alarm of comp.children.filter((c) => c.name === 'VALARM')) {
      const t = firstProp(alarm, 'TRIGGER');
      if (t?.values[0]) return triggerOf(t, ctx, issues, t.values[0]);
    }
    return undefined;
  }
  for (const name of ['DALARM', 'AALARM', 'PALARM', 'MALARM']) {
    const p = allProps(comp, name).find((a) => (a.values[0] ?? '').split(';')[0]!.trim() !== '');
    if (p) return triggerOf(p, ctx, issues, p.values[0]!.split(';')[0]!.trim());
  }
  return undefined;
}

/** Minutes before `start` (and `end` for RELATED=END) for an event's reminder. */
export function reminderMinutes(
  trigger: Trigger | undefined,
  start: TimeValue,
  end: TimeValue,
): number | undefined {
  if (!trigger) return undefined;
  if (trigger.kind === 'relative') {
    const offsetFromStart = trigger.fromEnd ? (epochOf(end) - epochOf(start)) / 60_000 : 0;
    const before = -(trigger.minutes + offsetFromStart);
    return before === 0 ? 0 : before; // no -0
  }
  return Math.round((epochOf(start) - epochOf(trigger.at)) / 60_000);
}

/** Alarm properties/components for an event reminder, `minutes` before `start`. */
export function eventAlarm(
  minutes: number,
  start: TimeValue,
  ctx: { version: '1.0' | '2.0'; zones: ZoneCollector },
  text: string,
): { props: CalProp[]; children: CalComp[] } {
  if (ctx.version === '2.0') {
    const alarm: CalComp = {
      name: 'VALARM',
      props: [
        prop('ACTION', 'DISPLAY'),
        prop('TRIGGER', formatDuration(-minutes), 'duration'),
        prop('DESCRIPTION', text),
      ],
      children: [],
    };
    return { props: [], children: [alarm] };
  }
  // 1.0 phones want an absolute run time (UTC where the start has a zone).
  const runAt = epochOf(start) - minutes * 60_000;
  const run =
    typeof start === 'string' || start.kind === 'floating'
      ? new Date(runAt).toISOString().slice(0, 19)
      : isoUtc(runAt);
  const value = `${run.replace(/[-:]/g, '')};;0;${text}`;
  return { props: [prop('DALARM', value), prop('AALARM', value)], children: [] };
}

/** Alarm for a task reminder at an absolute time. */
export function taskAlarm(
  at: TimeValue,
  ctx: { version: '1.0' | '2.0'; zones: ZoneCollector },
  text: string,
): { props: CalProp[]; children: CalComp[] } {
  if (ctx.version === '2.0') {
    const utc =
      typeof at !== 'string' && at.kind === 'floating'
        ? prop('TRIGGER', at.local, 'date-time')
        : prop('TRIGGER', isoUtc(epochOf(at)), 'date-time');
    const alarm: CalComp = {
      name: 'VALARM',
      props: [prop('ACTION', 'DISPLAY'), utc, prop('DESCRIPTION', text)],
      children: [],
    };
    return { props: [], children: [alarm] };
  }
  // An AALARM in a zone is written in UTC and needs no TZ/DAYLIGHT; registering its zone would put
  // TZ/DAYLIGHT next to the task's floating date-only DUE, which readers then shift into that zone
  // (SyncEvolution's server gave 2025-02-15 back as 2025-02-14; decision 0151).
  const t = writeTime('DALARM', at, '1.0', { zones: new Map() });
  const value = `${t.values[0]!.replace(/[-:]/g, '')};;0;${text}`;
  return { props: [prop('DALARM', value), prop('AALARM', value)], children: [] };
}
