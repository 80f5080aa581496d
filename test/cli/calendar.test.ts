/** Calendar and To Do files through the CLI: .ics import per item (bad ones with their line), export, sync. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCalendarItem } from '../../src/core/formats/index.js';
import { cli, setupWorld, type World } from './support.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const ICS_EVENTS = [
  'BEGIN:VCALENDAR', // 1
  'VERSION:2.0',
  'PRODID:-//Test//EN',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
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
  'BEGIN:VEVENT', // 19
  'UID:besichtigung-1@example.com',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20261203T100000',
  'DTEND;TZID=Europe/Berlin:20261203T110000',
  'SUMMARY:Besichtigung Hauptstraße 5',
  'END:VEVENT',
  'BEGIN:VEVENT', // 26
  'UID:kaputt@example.com',
  'DTSTAMP:20260101T000000Z',
  'SUMMARY:Ohne Beginn',
  'END:VEVENT',
  'BEGIN:VEVENT', // 31
  'UID:jour-fixe@example.com',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20261207T090000',
  'DTEND;TZID=Europe/Berlin:20261207T093000',
  'RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO',
  'SUMMARY:Jour fixe',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const ICS_TASKS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//EN',
  'BEGIN:VTODO',
  'UID:rueckruf-1@example.com',
  'DTSTAMP:20260101T000000Z',
  'SUMMARY:Rückruf Frau Weiß',
  'DUE;VALUE=DATE:20261204',
  'END:VTODO',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('outlook-crm-sync with .ics files', { timeout: 120_000 }, () => {
  it('imports events (a bad one reported by line), exports them as iCalendar 2.0, and syncs the calendar', async () => {
    world = await setupWorld();
    const w = world;
    const file = w.file('termine.ics', ICS_EVENTS);
    const imported = await cli([
      'mailbox',
      'import',
      '--mailbox',
      w.mailbox,
      '--folder',
      'Besichtigungen',
      file,
      '--json',
    ]);
    expect(imported.code).toBe(5);
    const report = JSON.parse(imported.stdout) as {
      kind: string;
      imported: number;
      failed: { line: number }[];
    };
    expect(report).toMatchObject({ kind: 'event', imported: 2 });
    expect(report.failed).toHaveLength(1);
    // The VEVENT without DTSTART, named by the line where it begins in the file.
    expect(report.failed[0]).toMatchObject({ line: 26, code: 'MISSING_REQUIRED' });

    const exported = await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Besichtigungen']);
    expect(exported.code).toBe(0);
    expect(exported.stdout.match(/^BEGIN:VCALENDAR/gm)).toHaveLength(1);
    expect(exported.stdout.match(/^BEGIN:VEVENT/gm)).toHaveLength(2);
    expect(exported.stdout).toContain('RRULE:FREQ=WEEKLY');

    const sync = await cli(
      ['sync', '--mailbox', w.mailbox, ...w.conn(), '--pair', 'Besichtigungen=calendar'],
      w.env,
    );
    expect(sync.code).toBe(0);
    const subjects = w.crm.store
      .listRecords('calendar')
      .map((r) => parseCalendarItem(r.content, 'event'))
      .map((r) => (r.ok && r.value.kind === 'event' ? r.value.subject : 'unreadable'))
      .sort();
    expect(subjects).toEqual(['Besichtigung Hauptstraße 5', 'Jour fixe']);
  });

  it('imports tasks into a To Do list, and refuses a calendar file for a contact folder', async () => {
    world = await setupWorld();
    const w = world;
    const tasks = w.file('rueckrufe.ics', ICS_TASKS);
    const imported = await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Rückrufe', tasks]);
    expect(imported.code).toBe(0);
    const exported = await cli(['mailbox', 'export', '--mailbox', w.mailbox, '--folder', 'Rückrufe']);
    expect(exported.stdout).toContain('BEGIN:VTODO');
    expect(exported.stdout).toContain('SUMMARY:Rückruf Frau Weiß');

    const vcf = w.file('k.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nFN:B A\r\nEND:VCARD\r\n');
    await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', vcf]);
    const wrong = await cli(['mailbox', 'import', '--mailbox', w.mailbox, '--folder', 'Kunden', tasks]);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('[FOLDER_KIND_MISMATCH]')]);
  });
});
