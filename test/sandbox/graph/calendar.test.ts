import { describe, expect, it } from 'vitest';
import type { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { deltaRound, errorCode, graph, IMMUTABLE } from './graph-client.js';
import { useFreshMailbox } from './fresh-mailbox.js';

let store: MailboxStore;
useFreshMailbox((fresh) => ({ store } = fresh));

const BERLIN = 'W. Europe Standard Time';
const at = (dateTime: string, timeZone = BERLIN) => ({ dateTime, timeZone });
/** Weekly Monday 09:00 Berlin, 6 weeks from 2026-03-09: DST starts on 2026-03-29. */
const TEAM_MEETING = {
  subject: 'Teambesprechung',
  start: at('2026-03-09T09:00:00'),
  end: at('2026-03-09T10:00:00'),
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
    range: { type: 'numbered', startDate: '2026-03-09', numberOfOccurrences: 6, recurrenceTimeZone: BERLIN },
  },
};
const WINDOW = 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z';

describe('calendars', () => {
  it('lists the default calendar and refuses a duplicate calendar name', async () => {
    const created = await graph('POST', '/me/calendars', { name: 'Besichtigungen' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Besichtigungen', isDefaultCalendar: false });
    const dup = await graph('POST', '/me/calendars', { name: 'Besichtigungen' });
    expect([dup.status, errorCode(dup)]).toEqual([409, 'ErrorFolderExists']);
    const list = await graph<{ value: { name: string }[] }>('GET', '/me/calendars');
    expect(list.body.value.map((c) => c.name)).toEqual(['Kalender', 'Besichtigungen']);
    // Like every Outlook collection, calendars come in pages of 10 by default.
    for (let i = 0; i < 10; i++) store.createFolder('calendar', `Objekt ${i}`);
    const paged = await graph<{ value: unknown[]; '@odata.nextLink'?: string }>('GET', '/me/calendars');
    expect(paged.body.value).toHaveLength(10);
    expect(
      (await graph<{ value: unknown[] }>('GET', paged.body['@odata.nextLink']!)).body.value,
    ).toHaveLength(2);
    const deleteDefault = await graph('DELETE', `/me/calendars/${store.defaultFolder('calendar').id}`);
    expect([deleteDefault.status, errorCode(deleteDefault)]).toEqual([400, 'ErrorCannotDeleteObject']);
  });
});

describe('events', () => {
  it('stores wall-clock times with their zone and returns UTC unless another zone is preferred', async () => {
    const created = await graph('POST', '/me/events', {
      subject: 'Notartermin',
      start: at('2026-07-01T10:00:00'),
      end: at('2026-07-01T11:00:00'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      start: { dateTime: '2026-07-01T08:00:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: BERLIN,
      type: 'singleInstance',
    });
    const local = await graph('GET', `/me/events/${String(created.body.id)}`, undefined, {
      Prefer: `outlook.timezone="${BERLIN}"`,
    });
    expect(local.body.start).toEqual({ dateTime: '2026-07-01T10:00:00.0000000', timeZone: BERLIN });
  });

  it('returns bodies as HTML unless text is preferred', async () => {
    const e = store.createItem('event', store.defaultFolder('calendar').id, {
      start: at('2026-07-01T10:00:00'),
      end: at('2026-07-01T11:00:00'),
      body: { contentType: 'text', content: 'Schlüssel <bei> Hausmeister' },
    });
    const html = await graph('GET', `/me/events/${e.restId}`);
    expect(html.body.body).toMatchObject({ contentType: 'html' });
    expect(String((html.body.body as { content: string }).content)).toContain(
      'Schlüssel &lt;bei&gt; Hausmeister',
    );
    const text = await graph('GET', `/me/events/${e.restId}`, undefined, {
      Prefer: 'outlook.body-content-type="text"',
    });
    expect(text.body.body).toEqual({ contentType: 'text', content: 'Schlüssel <bei> Hausmeister' });
  });

  it('validates times: end before start, all-day not at midnight, unknown zone', async () => {
    const cases: [unknown, string][] = [
      [
        { start: at('2026-07-01T10:00:00'), end: at('2026-07-01T09:00:00') },
        'ErrorCalendarEndDateIsEarlierThanStartDate',
      ],
      [
        { isAllDay: true, start: at('2026-07-01T10:00:00'), end: at('2026-07-02T10:00:00') },
        'ErrorPropertyValidationFailure',
      ],
      [
        { start: at('2026-07-01T10:00:00', 'Mars/Olympus'), end: at('2026-07-01T11:00:00') },
        'TimeZoneNotSupportedException',
      ],
      [
        {
          start: at('2026-07-01T10:00:00'),
          end: at('2026-07-01T11:00:00'),
          recurrence: {
            pattern: { type: 'hourly', interval: 1 },
            range: { type: 'noEnd', startDate: '2026-07-01' },
          },
        },
        'ErrorPropertyValidationFailure',
      ],
    ];
    for (const [body, code] of cases) {
      const r = await graph('POST', '/me/events', body);
      expect([r.status, errorCode(r)]).toEqual([400, code]);
    }
    expect(store.countItems(store.defaultFolder('calendar').id)).toBe(0);
  });
});

describe('recurring series', () => {
  it('expands occurrences in calendarView at 09:00 Berlin across the DST change', async () => {
    const master = await graph('POST', '/me/events', TEAM_MEETING, IMMUTABLE);
    expect(master.body.type).toBe('seriesMaster');
    const view = await graph<{ value: Record<string, unknown>[] }>(
      'GET',
      `/me/calendarView?${WINDOW}&$top=50`,
      undefined,
      IMMUTABLE,
    );
    const starts = view.body.value.map((e) => (e.start as { dateTime: string }).dateTime.slice(0, 16));
    expect(starts).toEqual([
      '2026-03-09T08:00',
      '2026-03-16T08:00',
      '2026-03-23T08:00',
      '2026-03-30T07:00',
      '2026-04-06T07:00',
      '2026-04-13T07:00',
    ]);
    expect(view.body.value.every((e) => e.type === 'occurrence' && e.seriesMasterId === master.body.id)).toBe(
      true,
    );
    // The occurrence ids are stable and resolve.
    const occurrence = await graph(
      'GET',
      `/me/events/${String(view.body.value[3]!.id)}`,
      undefined,
      IMMUTABLE,
    );
    expect(occurrence.body).toMatchObject({ type: 'occurrence', originalStart: '2026-03-30T07:00:00Z' });
  });

  it('turns a patched occurrence into an exception and a deleted one into a gap (instances and delta)', async () => {
    const master = await graph('POST', '/me/events', TEAM_MEETING, IMMUTABLE);
    const masterId = String(master.body.id);
    const instances = await graph<{ value: Record<string, unknown>[] }>(
      'GET',
      `/me/events/${masterId}/instances?${WINDOW}`,
      undefined,
      IMMUTABLE,
    );
    expect(instances.body.value).toHaveLength(6);
    const [, second, third] = instances.body.value.map((e) => String(e.id));
    const first = await deltaRound(
      `/me/calendars/${store.defaultFolder('calendar').id}/calendarView/delta?${WINDOW}`,
    );
    expect(first.values).toHaveLength(6);

    const moved = await graph(
      'PATCH',
      `/me/events/${second}`,
      {
        subject: 'Teambesprechung (verschoben)',
        start: at('2026-03-16T11:00:00'),
        end: at('2026-03-16T12:00:00'),
      },
      IMMUTABLE,
    );
    expect(moved.body).toMatchObject({
      type: 'exception',
      subject: 'Teambesprechung (verschoben)',
      start: { dateTime: '2026-03-16T10:00:00.0000000' },
    });
    expect((await graph('DELETE', `/me/events/${third}`)).status).toBe(204);

    const second_ = await deltaRound(first.deltaLink);
    expect(second_.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: second, type: 'exception' }),
        { '@odata.type': '#microsoft.graph.event', id: third, '@removed': { reason: 'deleted' } },
      ]),
    );
    expect(second_.values).toHaveLength(2);
    const after = await graph<{ value: unknown[] }>('GET', `/me/events/${masterId}/instances?${WINDOW}`);
    expect(after.body.value).toHaveLength(5);
    // The series master keeps its recurrence (fetched separately, as calendarView delta omits masters).
    const got = await graph('GET', `/me/events/${masterId}`, undefined, IMMUTABLE);
    expect(got.body).toMatchObject({ type: 'seriesMaster', recurrence: TEAM_MEETING.recurrence });
  });

  it('keeps exceptions when a PATCH of the master resends unchanged times, drops them when the times change', async () => {
    const master = store.createItem('event', store.defaultFolder('calendar').id, TEAM_MEETING);
    const instances = await graph<{ value: Record<string, unknown>[] }>(
      'GET',
      `/me/events/${master.restId}/instances?${WINDOW}`,
    );
    await graph('PATCH', `/me/events/${String(instances.body.value[1]!.id)}`, { subject: 'Ausnahme' });
    await graph('PATCH', `/me/events/${master.restId}`, {
      subject: 'Team',
      start: TEAM_MEETING.start,
      end: TEAM_MEETING.end,
    });
    expect(Object.keys(store.findItem(master.restId)!.occurrenceOverrides)).toHaveLength(1);
    await graph('PATCH', `/me/events/${master.restId}`, {
      start: at('2026-03-09T10:00:00'),
      end: at('2026-03-09T11:00:00'),
    });
    expect(Object.keys(store.findItem(master.restId)!.occurrenceOverrides)).toHaveLength(0);
  });

  it('shows all-day events as floating dates and leaves series masters out of calendarView delta', async () => {
    await graph('POST', '/me/events', {
      subject: 'Betriebsausflug',
      isAllDay: true,
      start: at('2026-04-10T00:00:00'),
      end: at('2026-04-11T00:00:00'),
    });
    await graph('POST', '/me/events', TEAM_MEETING);
    const round = await deltaRound(`/me/calendarView/delta?${WINDOW}`);
    const allDay = round.values.find((v) => v.subject === 'Betriebsausflug')!;
    expect(allDay).toMatchObject({
      isAllDay: true,
      start: { dateTime: '2026-04-10T00:00:00.0000000', timeZone: 'UTC' },
      type: 'singleInstance',
    });
    expect(round.values.some((v) => v.type === 'seriesMaster')).toBe(false);
  });
});

describe('calendarView delta window rules', () => {
  const base = () => `/me/calendars/${store.defaultFolder('calendar').id}/calendarView/delta`;

  it('requires startDateTime and endDateTime and allows at most 1825 days', async () => {
    const missing = await graph('GET', `${base()}?startDateTime=2026-01-01T00:00:00Z`);
    expect([missing.status, errorCode(missing)]).toEqual([400, 'ErrorInvalidParameter']);
    const tooLong = await graph(
      'GET',
      `${base()}?startDateTime=2026-01-01T00:00:00Z&endDateTime=2031-01-02T00:00:00Z`,
    );
    expect([tooLong.status, errorCode(tooLong)]).toEqual([400, 'ErrorInvalidRequest']);
    const ok = await graph(
      'GET',
      `${base()}?startDateTime=2026-01-01T00:00:00Z&endDateTime=2030-12-30T00:00:00Z`,
    );
    expect(ok.status).toBe(200);
  });

  it('refuses $select and fails on $expand (as Graph does)', async () => {
    const select = await graph('GET', `${base()}?${WINDOW}&$select=subject`);
    expect([select.status, errorCode(select)]).toEqual([400, 'ErrorInvalidUrlQuery']);
    const expand = await graph('GET', `${base()}?${WINDOW}&$expand=singleValueExtendedProperties`);
    expect(expand.status).toBe(500);
  });

  it('reports an event moved out of the window as removed', async () => {
    const e = store.createItem('event', store.defaultFolder('calendar').id, {
      subject: 'X',
      start: at('2026-03-10T10:00:00'),
      end: at('2026-03-10T11:00:00'),
    });
    const first = await deltaRound(`${base()}?${WINDOW}`);
    expect(first.values).toHaveLength(1);
    store.updateItem('event', e.immutableId, {
      start: at('2027-03-10T10:00:00'),
      end: at('2027-03-10T11:00:00'),
    });
    const second = await deltaRound(first.deltaLink);
    expect(second.values).toEqual([
      { '@odata.type': '#microsoft.graph.event', id: e.immutableId, '@removed': { reason: 'deleted' } },
    ]);
  });
});
