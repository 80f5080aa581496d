import { describe, expect, it } from 'vitest';
import { joinCalendars, splitCalendarFile } from '../../src/cli/calendar-file.js';

const FILE = [
  'BEGIN:VCALENDAR', // 1
  'VERSION:2.0',
  'BEGIN:VTIMEZONE', // 3
  'TZID:Europe/Berlin',
  'END:VTIMEZONE',
  'BEGIN:VEVENT', // 6
  'UID:a',
  'SUMMARY:Serie',
  'END:VEVENT',
  'BEGIN:VEVENT', // 10
  'UID:b',
  'SUMMARY:Einzeln',
  ' mit Fortsetzung',
  'END:VEVENT',
  'BEGIN:VEVENT', // 15: a changed occurrence of the series
  'UID:a',
  'RECURRENCE-ID:20260105T090000Z',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('splitCalendarFile', () => {
  it('gives one calendar object per UID with the time zones, and maps its lines back to the file', () => {
    const chunks = splitCalendarFile(FILE);
    expect(chunks.map((c) => [c.kind, c.startLine])).toEqual([
      ['event', 6],
      ['event', 10],
    ]);
    const series = chunks[0]!;
    expect(series.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(series.text).toContain('TZID:Europe/Berlin');
    const lines = series.text.split('\r\n');
    expect(series.fileLine(lines.indexOf('RECURRENCE-ID:20260105T090000Z') + 1)).toBe(17);
    expect(chunks[1]!.text).toContain('SUMMARY:Einzeln\r\n mit Fortsetzung');
  });

  it('joins single-item calendars into one file, each time zone once', () => {
    const joined = joinCalendars(splitCalendarFile(FILE).map((c) => c.text));
    expect(joined.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(joined.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(joined.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(joined).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
  });
});
