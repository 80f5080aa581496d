import { describe, expect, it } from 'vitest';
import { parseCalendarItem, serializeEvent, serializeTask } from '../../../../src/core/formats/index.js';
import type { CalendarEvent, Task } from '../../../../src/core/model/index.js';
import { loadCalendarFixtures, roundTrip, withReminderAsInstant } from '../ical/calendar-fixtures.js';

function setup() {
  return { fixtures: loadCalendarFixtures('vcal') };
}

describe('vCalendar 1.0 fixtures (Nokia/Symbian QP + ISO-8859-1, Synthesis, Funambol, CRM)', () => {
  const { fixtures } = setup();

  it.each(fixtures.map((f) => [f.name, f] as const))('%s parses to the expected model', (_name, f) => {
    expect(parseCalendarItem(f.text)).toEqual(f.expected);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s: serialise → parse gives the same item in 1.0 and 2.0',
    (_name, f) => {
      const parsed = parseCalendarItem(f.text);
      if (!parsed.ok) throw new Error(parsed.error.code);
      // A task's AALARM goes out in UTC without TZ/DAYLIGHT (decision 0151): compared as an instant.
      expect(roundTrip(parsed.value, '1.0')).toEqual(withReminderAsInstant(parsed.value));
      expect(roundTrip(parsed.value, '2.0')).toEqual(withReminderAsInstant(parsed.value));
    },
  );

  it('writes zoned times as UTC with TZ/DAYLIGHT, and reads them back on the wall clock', () => {
    const f = fixtures.find((x) => x.name === 'nokia-weekly-qp-latin1.vcs')!;
    const parsed = parseCalendarItem(f.text);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const text = serializeEvent(parsed.value as CalendarEvent, '1.0').text;
    expect(text).toContain('TZ:+01:00\r\n');
    expect(text).toContain('DAYLIGHT:TRUE;+02:00;20250330T010000Z;20251026T010000Z;;\r\n');
    expect(text).toContain('DTSTART:20250317T080000Z\r\n');
    // Read as ten weeks (decision 0150) and written as the last occurrence, Tuesday 20 May 09:00 CEST.
    expect(text).toContain('RRULE:W1 MO TU 20250520T070000Z\r\n');
    expect(text).toContain('EXDATE:20250324T080000Z;20250325T080000Z\r\n');
  });

  it('decodes QUOTED-PRINTABLE ISO-8859-1 with soft line breaks (umlauts, ß)', () => {
    const parsed = parseCalendarItem(fixtures.find((x) => x.name === 'nokia-weekly-qp-latin1.vcs')!.text);
    expect(parsed.ok && parsed.value.kind === 'event' && [parsed.value.subject, parsed.value.body]).toEqual([
      'Besichtigung Größe Wohnung Müller',
      'Schlüssel beim Hausmeister abholen.\nStraße: Am Weißen Stein 7',
    ]);
  });

  it('reads an EXDATE that names only the day (UTC midnight) as that day at the series time', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:1.0',
      'BEGIN:VEVENT',
      'SUMMARY:Rundgang',
      'DTSTART:20250407T163000Z',
      'DTEND:20250407T170000Z',
      'RRULE:D1 #5',
      'EXDATE:20250408T000000Z;20250409T000000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const parsed = parseCalendarItem(text);
    expect(parsed.ok && parsed.value.kind === 'event' && parsed.value.exceptions).toEqual([
      { originalStart: { kind: 'utc', iso: '2025-04-08T16:30:00Z' }, cancelled: true },
      { originalStart: { kind: 'utc', iso: '2025-04-09T16:30:00Z' }, cancelled: true },
    ]);
  });

  it('writes an all-day event as floating midnight to midnight with the all-day flag', () => {
    const parsed = parseCalendarItem(fixtures.find((x) => x.name === 'synthesis-allday-yearly.vcs')!.text);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const text = serializeEvent(parsed.value as CalendarEvent, '1.0').text;
    expect(text).toContain(
      'DTSTART:20250601T000000\r\nDTEND:20250602T000000\r\nX-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\n',
    );
    expect(text).toContain('RRULE:YM1 6 #0\r\n');
  });

  it('writes a date-only DUE without TZ/DAYLIGHT when only the reminder has a zone (the server gave the day before)', () => {
    const parsed = parseCalendarItem(fixtures.find((x) => x.name === 'todo-nokia.vcs')!.text);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const task = parsed.value as Task;
    expect(task.reminder).toMatchObject({ kind: 'zoned', tz: 'Europe/Berlin' });
    const text = serializeTask(task, '1.0').text;
    expect(text).not.toMatch(/^(TZ|DAYLIGHT):/m);
    expect(text).toContain('DUE:20250215T000000\r\n');
    expect(text).toMatch(/^AALARM[^:]*:20250214T080000Z;;0;/m);
    const back = parseCalendarItem(text);
    expect(back.ok && back.value.kind === 'task' && [back.value.due, back.value.reminder]).toEqual([
      '2025-02-15',
      { kind: 'utc', iso: '2025-02-14T08:00:00Z' },
    ]);
  });
});
