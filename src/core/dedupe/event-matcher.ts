/**
 * Events match by UID, or by subject + start + end with times compared as instants (a 10:00
 * Europe/Berlin appointment is the 09:00Z one) and all-day events by date.
 */
import type { CalendarEvent, DateTimeValue, EventTiming } from '../model/index.js';
import { zonedLocalToEpoch } from '../formats/timezone/zone-offsets.js';
import type { Scored } from './contact-score.js';
import type { Matcher } from './matcher.js';
import { foldText } from './normalize.js';
import { textSimilarity } from './similarity.js';

export type EventReason =
  | 'same-uid'
  | 'same-subject'
  | 'similar-subject'
  | 'same-start'
  | 'same-end'
  | 'different-start'
  | 'different-subject';

export interface EventFeatures {
  readonly uid: string;
  readonly subject: string;
  /** Start/end as 'YYYY-MM-DD' for all-day events, else epoch milliseconds as text. */
  readonly start: string;
  readonly end: string;
  readonly day: string;
}

const floatingZone = 'UTC';

/** Epoch ms of a date-time; a floating time is read as UTC on both sides, so equal times still meet. */
export function instantOf(v: DateTimeValue): number {
  if (v.kind === 'utc') return Date.parse(v.iso);
  if (v.kind === 'zoned') return zonedLocalToEpoch(v.local, v.tz);
  return zonedLocalToEpoch(v.local, floatingZone);
}

function timingKeys(t: EventTiming): { start: string; end: string; day: string } {
  if (t.allDay) return { start: t.startDate, end: t.endDate, day: t.startDate };
  const s = instantOf(t.start);
  return { start: String(s), end: String(instantOf(t.end)), day: new Date(s).toISOString().slice(0, 10) };
}

export function eventFeatures(e: CalendarEvent): EventFeatures {
  return { uid: e.uid ?? '', subject: foldText(e.subject), ...timingKeys(e.timing) };
}

export function scoreEvents(a: EventFeatures, b: EventFeatures): Scored<EventReason> {
  if (a.uid && a.uid === b.uid) return { score: 100, reasons: ['same-uid'] };
  const reasons: EventReason[] = [];
  let score = 0;
  const sim = textSimilarity(a.subject, b.subject);
  if (sim >= 0.97) {
    score += 45;
    reasons.push('same-subject');
  } else if (sim >= 0.88) {
    score += 30;
    reasons.push('similar-subject');
  } else {
    score -= 40;
    reasons.push('different-subject');
  }
  if (a.start === b.start) {
    score += 35;
    reasons.push('same-start');
  } else {
    score -= 50;
    reasons.push('different-start');
  }
  if (a.end === b.end) {
    score += 20;
    reasons.push('same-end');
  }
  return { score: Math.max(0, Math.min(100, score)), reasons };
}

export const eventMatcher: Matcher<CalendarEvent, EventFeatures, EventReason> = {
  features: eventFeatures,
  keys: (f) => [...(f.uid ? [`u:${f.uid}`] : []), `s:${f.start}`, `d:${f.day}:${f.subject.slice(0, 12)}`],
  score: scoreEvents,
};
