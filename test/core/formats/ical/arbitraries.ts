/** fast-check generators for calendar models that both dialects can hold. */
import fc from 'fast-check';
import { addDays } from '../../../../src/core/formats/timezone/index.js';
import {
  dateOnly,
  type Attendee,
  type CalendarEvent,
  type DateOnly,
  type DateTimeValue,
  type DayOfWeek,
  type EventException,
  type Recurrence,
  type RecurrencePattern,
  type Task,
} from '../../../../src/core/model/index.js';

const DAYS: DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const edgeChars = fc.constantFrom(...'abcXYZ019äöüÄÖÜß€é,;:\\"\'-./()'.split(''));
const textChars = fc.oneof(edgeChars, fc.constantFrom(' ', '\n'));
/** Text without leading/trailing blanks (readers may trim those); built, not filtered, so generation is cheap. */
export const text = fc
  .tuple(edgeChars, fc.string({ unit: textChars, maxLength: 38 }), fc.option(edgeChars, { nil: '' }))
  .map(([first, middle, last]) => (last === '' ? first : `${first}${middle}${last}`));
const word = fc.string({
  unit: fc.constantFrom(...'abcdefghÄÖÜäöüß'.split('')),
  minLength: 1,
  maxLength: 10,
});
const email = fc
  .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom('example.de', 'crm.example.com'))
  .map(([u, d]) => `${u}@${d}`);

export type ZoneKind =
  { kind: 'zoned'; tz: string } | { kind: 'utc' } | { kind: 'floating' } | { kind: 'allDay' };
export const zoneKind: fc.Arbitrary<ZoneKind> = fc.oneof(
  fc.constantFrom<ZoneKind>(
    { kind: 'zoned', tz: 'Europe/Berlin' },
    { kind: 'zoned', tz: 'America/New_York' },
    { kind: 'utc' },
    { kind: 'floating' },
    { kind: 'allDay' },
  ),
);

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays(dateOnly('2024-01-01'), n));
const time = fc
  .tuple(fc.integer({ min: 6, max: 20 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`);

function valueAt(z: ZoneKind, date: DateOnly, t: string): DateTimeValue {
  const local = `${date}T${t}`;
  if (z.kind === 'zoned') return { kind: 'zoned', local, tz: z.tz };
  if (z.kind === 'utc') return { kind: 'utc', iso: `${local}Z` };
  return { kind: 'floating', local };
}

function patternFor(start: DateOnly): fc.Arbitrary<RecurrencePattern> {
  const interval = fc.integer({ min: 1, max: 4 });
  const days = fc.subarray(DAYS, { minLength: 1 });
  const index = fc.constantFrom('first', 'second', 'third', 'fourth', 'last' as const);
  const month = Number(start.slice(5, 7));
  const dayOfMonth = Number(start.slice(8, 10));
  return fc.oneof(
    interval.map((i) => ({ type: 'daily' as const, interval: i })),
    fc.tuple(interval, days, fc.constantFrom(...DAYS)).map(([i, d, f]) => ({
      type: 'weekly' as const,
      interval: i,
      daysOfWeek: DAYS.filter((x) => d.includes(x)),
      firstDayOfWeek: f,
    })),
    interval.map((i) => ({ type: 'absoluteMonthly' as const, interval: i, dayOfMonth })),
    fc.tuple(interval, days, index).map(([i, d, x]) => ({
      type: 'relativeMonthly' as const,
      interval: i,
      daysOfWeek: DAYS.filter((y) => d.includes(y)),
      index: x,
    })),
    interval.map((i) => ({ type: 'absoluteYearly' as const, interval: i, dayOfMonth, month })),
    fc.tuple(interval, fc.constantFrom(...DAYS), index).map(([i, d, x]) => ({
      type: 'relativeYearly' as const,
      interval: i,
      daysOfWeek: [d],
      index: x,
      month,
    })),
  );
}

export function recurrenceFor(start: DateOnly, z: ZoneKind): fc.Arbitrary<Recurrence> {
  const range = fc.oneof(
    fc.constant({ type: 'noEnd' as const, startDate: start }),
    fc
      .integer({ min: 1, max: 60 })
      .map((n) => ({ type: 'numbered' as const, startDate: start, numberOfOccurrences: n })),
    fc
      .integer({ min: 0, max: 700 })
      .map((n) => ({ type: 'endDate' as const, startDate: start, endDate: addDays(start, n) })),
  );
  const timeZone = z.kind === 'zoned' ? z.tz : z.kind === 'utc' ? 'UTC' : undefined;
  return fc
    .tuple(patternFor(start), range)
    .map(([pattern, r]) => (timeZone ? { pattern, range: r, timeZone } : { pattern, range: r }));
}

const attendee: fc.Arbitrary<Attendee> = fc.record(
  {
    email,
    name: word,
    type: fc.constantFrom('required', 'optional', 'resource' as const),
    response: fc.constantFrom('none', 'accepted', 'declined', 'tentative' as const),
  },
  { requiredKeys: ['email', 'type'] },
);

export const calendarEvent: fc.Arbitrary<CalendarEvent> = fc
  .tuple(zoneKind, day, time, fc.integer({ min: 1, max: 3 }), fc.boolean())
  .chain(([z, date, t, hours, recurring]) => {
    const timing =
      z.kind === 'allDay'
        ? { allDay: true as const, startDate: date, endDate: addDays(date, hours) }
        : {
            allDay: false as const,
            start: valueAt(z, date, t),
            end: valueAt(z, date, `${String(Number(t.slice(0, 2)) + hours).padStart(2, '0')}${t.slice(2)}`),
          };
    const exceptions: fc.Arbitrary<EventException[]> = recurring
      ? fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 3 }).map((offsets) =>
          [...offsets]
            .sort((a, b) => a - b)
            .map((n) => ({
              originalStart: z.kind === 'allDay' ? addDays(date, n) : valueAt(z, addDays(date, n), t),
              cancelled: true,
            })),
        )
      : fc.constant([]);
    return fc.record(
      {
        kind: fc.constant('event' as const),
        uid: fc.stringMatching(/^[A-Za-z0-9@.-]{1,30}$/),
        subject: text,
        location: text,
        body: text,
        timing: fc.constant(timing),
        recurrence: recurring ? recurrenceFor(date, z) : fc.constant(undefined),
        exceptions,
        reminderMinutesBefore: fc.integer({ min: 0, max: 2880 }),
        sensitivity: fc.constantFrom('normal', 'private', 'confidential' as const),
        showAs: fc.constantFrom('free', 'tentative', 'busy', 'oof', 'workingElsewhere' as const),
        categories: fc.uniqueArray(word, { maxLength: 3 }),
        attendees: fc.array(attendee, { maxLength: 3 }),
        organizer: fc.record({ email, name: word }, { requiredKeys: ['email'] }),
        extra: fc.dictionary(
          fc.stringMatching(/^X-[A-Z]{1,8}$/),
          fc.stringMatching(/^[A-Za-z0-9 ]{1,12}$/).filter((s) => s.trim() === s),
          { maxKeys: 2 },
        ),
        modifiedAt: day.map((d) => `${d}T10:11:12Z`),
      },
      {
        requiredKeys: [
          'kind',
          'subject',
          'timing',
          'recurrence',
          'exceptions',
          'sensitivity',
          'categories',
          'attendees',
          'extra',
        ],
      },
    );
  })
  .map((e) => JSON.parse(JSON.stringify(e)) as CalendarEvent);

export const task: fc.Arbitrary<Task> = fc
  .tuple(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }))
  .chain(([start, due]) => {
    const anchor = start ?? due;
    return fc.record(
      {
        kind: fc.constant('task' as const),
        uid: fc.stringMatching(/^[A-Za-z0-9@.-]{1,30}$/),
        title: text,
        body: text,
        due: fc.constant(due),
        start: fc.constant(start),
        status: fc.constantFrom(
          'notStarted',
          'inProgress',
          'completed',
          'waitingOnOthers',
          'deferred' as const,
        ),
        percentComplete: fc.integer({ min: 0, max: 100 }),
        importance: fc.constantFrom('low', 'normal', 'high' as const),
        completedAt: day.map((d) => `${d}T16:30:00Z`),
        reminder: day.map((d): DateTimeValue => ({ kind: 'utc', iso: `${d}T07:00:00Z` })),
        recurrence: anchor ? recurrenceFor(anchor, { kind: 'allDay' }) : fc.constant(undefined),
        categories: fc.uniqueArray(word, { maxLength: 3 }),
        sensitivity: fc.constantFrom('normal', 'private' as const),
        extra: fc.constant({}),
        modifiedAt: day.map((d) => `${d}T10:11:12Z`),
      },
      {
        requiredKeys: [
          'kind',
          'title',
          'status',
          'importance',
          'categories',
          'sensitivity',
          'extra',
          'due',
          'start',
          'recurrence',
        ],
      },
    );
  })
  .map((t) => JSON.parse(JSON.stringify(t)) as Task);
