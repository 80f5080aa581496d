/**
 * VTIMEZONE for an IANA zone, derived from the host's tzdata (iCalendar 2.0 needs one per TZID).
 * Observances are written as yearly "nth weekday of month" rules, which is how Outlook, Synthesis
 * and ical.js all describe today's DST regimes; zones without DST get a single STANDARD block.
 */
import { compactLocal } from './local-time.js';
import { transitionLocalStart, transitionsInYear, yearlyRuleOf, type ZoneTransition } from './transitions.js';
import { formatOffset, offsetMinutesAt } from './zone-offsets.js';

function observance(kind: 'DAYLIGHT' | 'STANDARD', tr: ZoneTransition): string[] {
  const rule = yearlyRuleOf(tr);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${compactLocal(transitionLocalStart(tr))}`,
    `TZOFFSETFROM:${formatOffset(tr.offsetBefore, false)}`,
    `TZOFFSETTO:${formatOffset(tr.offsetAfter, false)}`,
    `RRULE:FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.weekdayIndex}${rule.weekday}`,
    `END:${kind}`,
  ];
}

/** Content lines (unfolded) of a VTIMEZONE for `tz`, valid from `fromYear` on. */
export function vtimezoneLines(tz: string, fromYear: number): string[] {
  // Observances start in the year before, so the first events of `fromYear` (before its first
  // transition) already have a defined offset.
  const transitions = transitionsInYear(tz, fromYear - 1);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  if (transitions.length === 2) {
    for (const tr of transitions)
      lines.push(...observance(tr.offsetAfter > tr.offsetBefore ? 'DAYLIGHT' : 'STANDARD', tr));
  } else {
    const offset = formatOffset(offsetMinutesAt(tz, Date.UTC(fromYear, 6, 1)), false);
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
