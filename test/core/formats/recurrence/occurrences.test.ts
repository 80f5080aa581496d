/**
 * "Every recurrence pattern Graph supports maps to RRULE and back in both iCalendar 2.0 and
 * vCalendar 1.0, across a DST change": each series below crosses a DST change; its first
 * occurrences are pinned as local wall-clock times. 2.0 text is expanded by ical.js (with our
 * VTIMEZONE); 1.0 text is read back to the model, written as 2.0 and expanded the same way.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseCalendarItem, serializeEvent } from '../../../../src/core/formats/index.js';
import { dateOnly, type CalendarEvent, type Recurrence } from '../../../../src/core/model/index.js';
import { withRangeAsOccurrences } from '../ical/calendar-fixtures.js';

function eventOf(
  startLocal: string,
  tz: string,
  recurrence: Omit<Recurrence, 'range' | 'timeZone'> & { range: Recurrence['range'] },
): CalendarEvent {
  const endLocal = `${startLocal.slice(0, 11)}${String(Number(startLocal.slice(11, 13)) + 1).padStart(2, '0')}${startLocal.slice(13)}`;
  return {
    kind: 'event',
    uid: 'pin-1',
    subject: 'Serie',
    timing: {
      allDay: false,
      start: { kind: 'zoned', local: startLocal, tz },
      end: { kind: 'zoned', local: endLocal, tz },
    },
    recurrence: { ...recurrence, timeZone: tz },
    exceptions: [],
    sensitivity: 'normal',
    categories: [],
    attendees: [],
    extra: {},
  };
}

/** The first `n` occurrences of the (only) series in iCalendar 2.0 text, as 'local|utc' strings. */
function expand(text: string, n: number): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const vevent = calendar.getAllSubcomponents('vevent').find((c) => !c.hasProperty('recurrence-id'))!;
  const iterator = new ICAL.Event(vevent).iterator();
  const out: string[] = [];
  for (let next = iterator.next(); next && out.length < n; next = iterator.next()) {
    out.push(
      `${next.toString().slice(0, 16)}|${next.convertToZone(ICAL.Timezone.utcTimezone).toString().slice(11, 16)}Z`,
    );
  }
  return out;
}

function setup() {
  const berlin = 'Europe/Berlin';
  const d = (s: string) => dateOnly(s);
  const numbered = (start: string, n: number) => ({
    type: 'numbered' as const,
    startDate: d(start),
    numberOfOccurrences: n,
  });
  // Thursday 27 March 2025 09:00 Berlin; DST starts Sunday 30 March (UTC+1 → UTC+2).
  const cases: Array<[string, CalendarEvent, string[]]> = [
    [
      'daily, every 2 days',
      eventOf('2025-03-27T09:00:00', berlin, {
        pattern: { type: 'daily', interval: 2 },
        range: numbered('2025-03-27', 4),
      }),
      [
        '2025-03-27T09:00|08:00Z',
        '2025-03-29T09:00|08:00Z',
        '2025-03-31T09:00|07:00Z',
        '2025-04-02T09:00|07:00Z',
      ],
    ],
    [
      'weekly Mon+Thu',
      eventOf('2025-03-27T09:00:00', berlin, {
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: ['monday', 'thursday'],
          firstDayOfWeek: 'monday',
        },
        range: numbered('2025-03-27', 5),
      }),
      [
        '2025-03-27T09:00|08:00Z',
        '2025-03-31T09:00|07:00Z',
        '2025-04-03T09:00|07:00Z',
        '2025-04-07T09:00|07:00Z',
        '2025-04-10T09:00|07:00Z',
      ],
    ],
    [
      'weekly every 2 weeks until a date',
      eventOf('2025-03-27T09:00:00', berlin, {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['thursday'], firstDayOfWeek: 'monday' },
        range: { type: 'endDate', startDate: d('2025-03-27'), endDate: d('2025-04-24') },
      }),
      ['2025-03-27T09:00|08:00Z', '2025-04-10T09:00|07:00Z', '2025-04-24T09:00|07:00Z'],
    ],
    [
      'absoluteMonthly on the 27th',
      eventOf('2025-03-27T09:00:00', berlin, {
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 27 },
        range: numbered('2025-03-27', 3),
      }),
      ['2025-03-27T09:00|08:00Z', '2025-04-27T09:00|07:00Z', '2025-05-27T09:00|07:00Z'],
    ],
    [
      'relativeMonthly last Thursday',
      eventOf('2025-03-27T09:00:00', berlin, {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'last' },
        range: { type: 'noEnd', startDate: d('2025-03-27') },
      }),
      ['2025-03-27T09:00|08:00Z', '2025-04-24T09:00|07:00Z', '2025-05-29T09:00|07:00Z'],
    ],
    [
      'relativeMonthly first weekday',
      eventOf('2025-03-03T09:00:00', berlin, {
        pattern: {
          type: 'relativeMonthly',
          interval: 1,
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          index: 'first',
        },
        range: numbered('2025-03-03', 3),
      }),
      ['2025-03-03T09:00|08:00Z', '2025-04-01T09:00|07:00Z', '2025-05-01T09:00|07:00Z'],
    ],
    [
      'absoluteYearly 27 March',
      eventOf('2025-03-27T09:00:00', berlin, {
        pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 27, month: 3 },
        range: numbered('2025-03-27', 3),
      }),
      ['2025-03-27T09:00|08:00Z', '2026-03-27T09:00|08:00Z', '2027-03-27T09:00|08:00Z'],
    ],
    [
      'relativeYearly last Sunday of March (the DST day itself)',
      eventOf('2025-03-30T09:00:00', berlin, {
        pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['sunday'], index: 'last', month: 3 },
        range: numbered('2025-03-30', 3),
      }),
      ['2025-03-30T09:00|07:00Z', '2026-03-29T09:00|07:00Z', '2027-03-28T09:00|07:00Z'],
    ],
    [
      'weekly Monday in New York across the November change',
      eventOf('2025-10-27T09:00:00', 'America/New_York', {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
        range: numbered('2025-10-27', 3),
      }),
      ['2025-10-27T09:00|13:00Z', '2025-11-03T09:00|14:00Z', '2025-11-10T09:00|14:00Z'],
    ],
  ];
  return { cases };
}

describe('recurrence patterns across DST, pinned occurrences', () => {
  const { cases } = setup();

  it.each(cases)('%s: iCalendar 2.0', (_name, event, pinned) => {
    const text = serializeEvent(event, '2.0').text;
    expect(expand(text, pinned.length + 1).slice(0, pinned.length)).toEqual(pinned);
    const back = parseCalendarItem(text);
    expect(back.ok && back.value).toEqual(event);
  });

  it.each(cases)('%s: vCalendar 1.0', (_name, event, pinned) => {
    const written = serializeEvent(event, '1.0');
    const back = parseCalendarItem(written.text);
    if (!back.ok) throw new Error(back.error.code);
    const expected = event.recurrence!.pattern.type === 'weekly' ? withMondayWeekStart(event) : event;
    // A numbered weekly series on several days comes back as its end date (decision 0150).
    expect(withRangeAsOccurrences(back.value)).toEqual(withRangeAsOccurrences(expected));
    expect(expand(serializeEvent(back.value as CalendarEvent, '2.0').text, pinned.length)).toEqual(pinned);
  });

  it('numbered series end exactly after N occurrences', () => {
    const [, event, pinned] = cases[0]!;
    expect(expand(serializeEvent(event, '2.0').text, 10)).toEqual(pinned);
  });
});

/** vCal 1.0 has no WKST: weekly rules come back with Monday as first day (ISO 8601, RFC 5545 default). */
function withMondayWeekStart(e: CalendarEvent): CalendarEvent {
  const r = e.recurrence!;
  return r.pattern.type === 'weekly'
    ? { ...e, recurrence: { ...r, pattern: { ...r.pattern, firstDayOfWeek: 'monday' } } }
    : e;
}
