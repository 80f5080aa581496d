import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarItem } from '../../../../src/core/formats/index.js';
import type { FormatIssueCode } from '../../../../src/core/model/index.js';
import { loadCalendarFixtures, serializeItem } from './calendar-fixtures.js';

const CODES: readonly FormatIssueCode[] = [
  'BAD_FOLDING',
  'BAD_QUOTED_PRINTABLE',
  'UNKNOWN_CHARSET',
  'INVALID_DATE',
  'INVALID_RRULE',
  'UNSUPPORTED_RECURRENCE',
  'UNTERMINATED_COMPONENT',
  'MISSING_COMPONENT',
  'NUL_BYTE',
  'TOO_LARGE',
  'BAD_BASE64',
  'FIELD_NOT_REPRESENTABLE',
  'UNKNOWN_TIMEZONE',
  'MALFORMED_LINE',
  'MISSING_REQUIRED',
];

const ical = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vcal = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:1.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:e1', 'SUMMARY:Termin', ...lines, 'END:VEVENT'];

function setup() {
  return { fixtures: [...loadCalendarFixtures('ical'), ...loadCalendarFixtures('vcal')] };
}

describe('calendar parse errors are typed, with the line they came from', () => {
  it.each([
    [
      'vCal RRULE that parses to nothing',
      vcal(...event('DTSTART:20250317T080000Z', 'RRULE:Q7 banana')),
      'INVALID_RRULE',
      7,
    ],
    [
      'iCal RRULE in vCal 1.0 syntax',
      ical(...event('DTSTART:20250317T080000Z', 'RRULE:W1 MO #10')),
      'INVALID_RRULE',
      7,
    ],
    ['event without DTSTART', ical(...event('DTEND:20250317T090000Z')), 'MISSING_REQUIRED', 3],
    ['impossible date', vcal(...event('DTSTART:20251340T000000')), 'INVALID_DATE', 6],
    [
      'end before start',
      ical(...event('DTSTART:20250317T090000Z', 'DTEND:20250317T080000Z')),
      'INVALID_DATE',
      7,
    ],
    [
      'unterminated BEGIN',
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'DTSTART:20250317T080000Z', ''].join('\r\n'),
      'UNTERMINATED_COMPONENT',
      1,
    ],
    ['NUL byte', vcal(...event('DTSTART:20250317T080000Z', 'DESCRIPTION:a\u0000b')), 'NUL_BYTE', 7],
    ['no item at all', ical('X-WR-CALNAME:leer'), 'MISSING_COMPONENT', undefined],
  ] as const)('%s → %s', (_name, text, code, line) => {
    const result = parseCalendarItem(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.line).toBe(line);
    }
  });

  it('asking for a task in an event-only calendar gives MISSING_COMPONENT', () => {
    const result = parseCalendarItem(ical(...event('DTSTART:20250317T080000Z')), 'task');
    expect(!result.ok && result.error.code).toBe('MISSING_COMPONENT');
  });

  it('an unknown TZID with a VTIMEZONE is converted to UTC by that definition and reported', () => {
    const text = ical(
      'BEGIN:VTIMEZONE',
      'TZID:Mitteleuropa (eigene)',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:19700329T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      ...event(
        'DTSTART;TZID="Mitteleuropa (eigene)":20250701T100000',
        'DTEND;TZID="Mitteleuropa (eigene)":20250701T110000',
      ),
    );
    const result = parseCalendarItem(text);
    expect(result.ok && result.value.kind === 'event' && result.value.timing).toEqual({
      allDay: false,
      start: { kind: 'utc', iso: '2025-07-01T08:00:00Z' },
      end: { kind: 'utc', iso: '2025-07-01T09:00:00Z' },
    });
    expect(result.warnings.map((w) => w.code)).toContain('UNKNOWN_TIMEZONE');
  });

  it('a detached occurrence sent without its series is read as a single event and reported', () => {
    const result = parseCalendarItem(
      ical(...event('RECURRENCE-ID:20250413T090000Z', 'DTSTART:20250413T100000Z', 'DTEND:20250413T103000Z')),
    );
    expect(result.ok && result.value.extra).toEqual({ 'X-RECURRENCE-ID': '2025-04-13T09:00:00Z' });
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([['FIELD_NOT_REPRESENTABLE', 3]]);
  });

  it('an empty vCal RRULE means "not recurring" (Funambol), not an error', () => {
    const result = parseCalendarItem(vcal(...event('DTSTART:20250317T080000Z', 'RRULE:')));
    expect(result.ok && result.value.kind === 'event' && result.value.recurrence).toBeUndefined();
  });
});

describe('fuzz: mutated fixtures keep the error contract', () => {
  const { fixtures } = setup();
  const mutation = fc.record({
    fixture: fc.integer({ min: 0, max: fixtures.length - 1 }),
    kind: fc.constantFrom(
      'deleteLine',
      'duplicateLine',
      'truncate',
      'replaceChar',
      'insertJunk',
      'swapLines',
    ),
    at: fc.nat(),
    junk: fc.string({ unit: 'binary', maxLength: 12 }),
  });

  function mutate(text: string, m: { kind: string; at: number; junk: string }): string {
    const lines = text.split('\r\n');
    const i = m.at % lines.length;
    switch (m.kind) {
      case 'deleteLine':
        return lines.filter((_, j) => j !== i).join('\r\n');
      case 'duplicateLine':
        return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\r\n');
      case 'truncate':
        return text.slice(0, m.at % text.length);
      case 'replaceChar': {
        const p = m.at % text.length;
        return text.slice(0, p) + (m.junk[0] ?? ';') + text.slice(p + 1);
      }
      case 'swapLines': {
        const j = (i + 1) % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        return lines.join('\r\n');
      }
      default: {
        const p = m.at % text.length;
        return text.slice(0, p) + m.junk + text.slice(p);
      }
    }
  }

  it('never throws; errors carry a known code and a positive line; whole items serialise again', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(fixtures[m.fixture]!.text, m);
        const result = parseCalendarItem(text);
        for (const issue of [...result.warnings, ...(result.ok ? [] : [result.error])]) {
          expect(CODES).toContain(issue.code);
          if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
        }
        if (result.ok) {
          expect(['event', 'task']).toContain(result.value.kind);
          expect(() => serializeItem(result.value, '2.0')).not.toThrow();
          expect(() => serializeItem(result.value, '1.0')).not.toThrow();
        }
      }),
      { numRuns: 600, seed: 20251121 },
    );
  });
});
