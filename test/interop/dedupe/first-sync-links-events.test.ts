/**
 * Issue 7 for calendars against both servers: events the CRM and Outlook share (same UID, or the same subject
 * and start written in another time zone) are found, linked, and the first sync leaves each once on each side;
 * a look-alike at another address stays separate; a second sync changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReview, checkDuplicates, runSyncWithDecisions } from '../../../src/app/dedupe/index.js';
import { linkAllAbove, startReview } from '../../../src/core/dedupe/index.js';
import { parseCalendarItem } from '../../../src/core/formats/index.js';
import type { CalendarEvent, SyncItem } from '../../../src/core/model/index.js';
import { createDedupeWorld } from '../../app/dedupe/world.js';
import { SERVERS, type ServerHandle } from '../servers.js';

const vevent = (lines: readonly string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//dedupe-it//EN',
    'BEGIN:VEVENT',
    'DTSTAMP:20260101T000000Z',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const CRM_EVENTS: readonly [string, string][] = [
  [
    'viewing5',
    vevent([
      'UID:crm-viewing-5',
      'SUMMARY:Besichtigung Hauptstraße 5',
      'DTSTART:20261201T090000Z',
      'DTEND:20261201T100000Z',
      'LOCATION:Hauptstraße 5',
    ]),
  ],
  [
    'notary',
    vevent([
      'UID:shared-notary@example',
      'SUMMARY:Notartermin Berg',
      'DTSTART:20261203T130000Z',
      'DTEND:20261203T140000Z',
    ]),
  ],
  [
    'viewing7',
    vevent([
      'UID:crm-viewing-7',
      'SUMMARY:Besichtigung Hauptstraße 7',
      'DTSTART:20261201T090000Z',
      'DTEND:20261201T100000Z',
    ]),
  ],
];

const event = (
  subject: string,
  start: string,
  end: string,
  extra: Partial<CalendarEvent> = {},
): CalendarEvent => ({
  kind: 'event',
  subject,
  timing: {
    allDay: false,
    start: { kind: 'zoned', local: start, tz: 'Europe/Berlin' },
    end: { kind: 'zoned', local: end, tz: 'Europe/Berlin' },
  },
  exceptions: [],
  sensitivity: 'normal',
  categories: [],
  attendees: [],
  extra: {},
  ...extra,
});

const subjects = (items: readonly SyncItem[]) =>
  items.map((i) => (i.kind === 'event' ? i.subject : '')).sort();

describe.each(SERVERS)('calendar duplicate check and linked first sync against $name', (srv) => {
  let server: ServerHandle;
  beforeAll(async () => {
    server = await srv.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('links shared events by UID and by subject + start across time zones; each event once on each side', async () => {
    const uri = server.remoteUris.events;
    await server.items.clear(uri);
    for (const [id, data] of CRM_EVENTS) await server.items.write(uri, `${id}.ics`, data);
    const world = createDedupeWorld(
      { url: server.url, user: server.user, password: server.password, deviceId: server.deviceIds[42]! },
      uri,
      'event',
    );
    // 10:00 in Berlin = 09:00 UTC in December.
    world.memory.userCreate(
      world.folder,
      event('Besichtigung Hauptstraße 5', '2026-12-01T10:00:00', '2026-12-01T11:00:00'),
    );
    world.memory.userCreate(
      world.folder,
      event('Notar Berg', '2026-12-03T14:00:00', '2026-12-03T15:00:00', {
        uid: 'shared-notary@example',
        body: 'Unterlagen mitbringen',
      }),
    );
    world.memory.userCreate(
      world.folder,
      event('Team-Besprechung', '2026-12-02T09:00:00', '2026-12-02T10:00:00'),
    );

    const check = await checkDuplicates(world.ports, {
      folder: world.folder,
      kind: 'event',
      datastore: uri,
      country: 'DE',
    });
    expect(check).toMatchObject({ outlookItems: 3, crmItems: 3, crmUnreadable: 0 });
    const bySubject = new Map(check.pairs.map((p) => [p.crm.name, p]));
    expect([...bySubject.keys()].sort()).toEqual(['Besichtigung Hauptstraße 5', 'Notartermin Berg']);
    expect(bySubject.get('Notartermin Berg')!.reasons).toContain('same-uid');
    expect(bySubject.get('Besichtigung Hauptstraße 5')!.reasons).toEqual(
      expect.arrayContaining(['same-subject', 'same-start']),
    );

    await applyReview(world.ports, check, linkAllAbove(startReview(check.pairs), 90));
    const first = await runSyncWithDecisions(world.ports, world.request);
    expect(first.every((r) => r.outcome === 'completed')).toBe(true);
    expect(first[0]!.folders[0]!.toCrm.adds).toBe(1);

    const crm = (await server.items.list(uri)).flatMap((i) => {
      const parsed = parseCalendarItem(i.data, 'event');
      return parsed.ok ? [parsed.value] : [];
    });
    const expected = [
      'Besichtigung Hauptstraße 5',
      'Besichtigung Hauptstraße 7',
      'Notartermin Berg',
      'Team-Besprechung',
    ];
    expect(subjects(crm)).toEqual(expected);
    expect(subjects(world.outlookItems())).toEqual(expected);
    // The linked viewing took the CRM's version (events: the newer side wins whole; the CRM when unknown).
    const viewing = world
      .outlookItems()
      .find((i) => i.kind === 'event' && i.subject.endsWith('5')) as CalendarEvent;
    expect(viewing.location).toBe('Hauptstraße 5');

    const [second] = await runSyncWithDecisions(world.ports, world.request);
    expect(second!.folders[0]).toMatchObject({
      toOutlook: { creates: 0, updates: 0, deletes: 0 },
      toCrm: { adds: 0, replaces: 0, deletes: 0 },
    });
  });
});
