import { describe, expect, it } from 'vitest';
import {
  EVENT_CARRY_PROPERTY_ID,
  eventFromGraph,
  eventToGraph,
  htmlToText,
  parseCalendarItem,
  serializeEvent,
  type GraphEvent,
  type GraphEventWrite,
} from '../../../../src/core/formats/index.js';
import type { CalendarEvent } from '../../../../src/core/model/index.js';
import { withRangeAsOccurrences } from '../ical/calendar-fixtures.js';
import { loadEventFixture } from './graph-fixtures.js';

const NAMES = ['event-series-master', 'event-allday-crm'] as const;

function setup() {
  return { fixtures: NAMES.map((n) => [n, loadEventFixture(n)] as const) };
}

function fromGraph(master: GraphEvent, exceptions: readonly GraphEvent[] = []): CalendarEvent {
  const r = eventFromGraph(master, exceptions);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

/** What Graph gives back after we wrote `w` (times as written, our carry property expanded). */
function asStored(w: GraphEventWrite): GraphEvent {
  return { ...w, type: w.recurrence ? 'seriesMaster' : 'singleInstance' };
}

describe('Graph event ⇄ CalendarEvent', () => {
  const { fixtures } = setup();

  it.each(fixtures)('%s parses to the expected model', (_name, f) => {
    expect(eventFromGraph(f.master, f.exceptions)).toEqual(f.expected);
  });

  it.each(fixtures)('%s: Graph → iCal 2.0 / vCal 1.0 → Graph keeps every field', (_name, f) => {
    const model = fromGraph(f.master, f.exceptions);
    const direct = eventToGraph(model, { timeZone: 'Europe/Berlin' });
    for (const version of ['2.0', '1.0'] as const) {
      const back = parseCalendarItem(serializeEvent(model, version).text, 'event');
      if (!back.ok) throw new Error(back.error.code);
      const event = back.value as CalendarEvent;
      // 1.0 writes a numbered weekly series on several days as its end date (decision 0150): the
      // same occurrences; Graph then gets the original range form.
      expect(withRangeAsOccurrences(event)).toEqual(withRangeAsOccurrences(model));
      const asModelRange =
        event.recurrence && model.recurrence
          ? { ...event, recurrence: { ...event.recurrence, range: model.recurrence.range } }
          : event;
      expect(eventToGraph(asModelRange, { timeZone: 'Europe/Berlin' })).toEqual(direct);
    }
  });

  it.each(fixtures)('%s: written and read back from Graph gives the same model', (_name, f) => {
    const model = fromGraph(f.master, f.exceptions);
    const written = eventToGraph(model, { timeZone: 'Europe/Berlin' });
    const reread = fromGraph(asStored(written.value));
    const { modifiedAt: _serverSetsIt, ...rest } = model;
    expect(reread).toEqual({ ...rest, exceptions: [] });
    expect(written.occurrences.map((o) => [o.originalStart, o.cancel])).toEqual(
      model.exceptions.map((x) => [expect.stringMatching(/Z$/), x.cancelled]),
    );
  });

  it('never writes attendees (that would send invitations); they ride in the carry property', () => {
    const model = fromGraph(loadEventFixture('event-series-master').master);
    const written = eventToGraph(model).value;
    expect(written).not.toHaveProperty('attendees');
    const carry = JSON.parse(
      written.singleValueExtendedProperties!.find((p) => p.id === EVENT_CARRY_PROPERTY_ID)!.value,
    );
    expect(carry.attendees).toEqual(model.attendees);
    expect(carry.organizer).toEqual(model.organizer);
  });

  it('writes zoned times as wall clock with the Windows zone name and the recurrence zone', () => {
    const { master, exceptions } = loadEventFixture('event-series-master');
    const written = eventToGraph(fromGraph(master, exceptions));
    expect(written.value.start).toEqual({
      dateTime: '2025-03-17T09:00:00',
      timeZone: 'W. Europe Standard Time',
    });
    expect(written.value.recurrence?.range).toEqual({
      type: 'numbered',
      startDate: '2025-03-17',
      numberOfOccurrences: 8,
      recurrenceTimeZone: 'W. Europe Standard Time',
    });
    expect(written.occurrences).toEqual([
      { originalStart: '2025-03-31T07:00:00Z', cancel: true },
      {
        originalStart: '2025-04-02T07:00:00Z',
        cancel: false,
        patch: {
          start: { dateTime: '2025-04-02T10:30:00', timeZone: 'W. Europe Standard Time' },
          end: { dateTime: '2025-04-02T11:30:00', timeZone: 'W. Europe Standard Time' },
          isAllDay: false,
          subject: 'Team-Besprechung Vertrieb – Straßenbahn-Projekt (verschoben)',
          location: { displayName: 'Besprechungsraum Nord' },
          body: { contentType: 'text', content: 'Ausnahmsweise im Besprechungsraum Nord.' },
        },
      },
    ]);
  });

  it('reports a floating time written into a zone and an unknown Graph zone', () => {
    const floating: CalendarEvent = {
      ...fromGraph(loadEventFixture('event-series-master').master),
      timing: {
        allDay: false,
        start: { kind: 'floating', local: '2025-03-17T09:00:00' },
        end: { kind: 'floating', local: '2025-03-17T10:00:00' },
      },
    };
    expect(eventToGraph(floating, { timeZone: 'Europe/Berlin' }).warnings.map((w) => w.code)).toEqual([
      'FIELD_NOT_REPRESENTABLE',
      'FIELD_NOT_REPRESENTABLE',
    ]);
    const odd = eventFromGraph({
      subject: 'x',
      start: { dateTime: '2025-03-17T09:00:00', timeZone: 'tzone://Microsoft/Custom' },
      end: { dateTime: '2025-03-17T10:00:00', timeZone: 'tzone://Microsoft/Custom' },
    });
    expect(odd.warnings.map((w) => w.code)).toEqual(['UNKNOWN_TIMEZONE', 'UNKNOWN_TIMEZONE']);
  });

  it('keeps all-day events on their days whatever zone Graph answers in, and writes DATE values', () => {
    const { master } = loadEventFixture('event-allday-crm');
    for (const timeZone of ['UTC', 'Tokyo Standard Time', 'Pacific Standard Time']) {
      const shifted = { ...master, start: { ...master.start!, timeZone }, end: { ...master.end!, timeZone } };
      expect(fromGraph(shifted).timing).toEqual({
        allDay: true,
        startDate: '2025-06-01',
        endDate: '2025-06-02',
      });
    }
    const text = serializeEvent(fromGraph(master), '2.0').text;
    expect(text).toContain('DTSTART;VALUE=DATE:20250601\r\nDTEND;VALUE=DATE:20250602\r\n');
    expect(text).not.toContain('VTIMEZONE');
  });

  it('rejects an event without start/end with a typed error', () => {
    expect(eventFromGraph({ subject: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'MISSING_REQUIRED' },
    });
  });

  it('keeps the text of an HTML body', () => {
    expect(htmlToText('<p>Grüße&nbsp;aus <b>Köln</b></p><p>Zeile&nbsp;2<br>Zeile 3 &amp; &#228;</p>')).toBe(
      'Grüße aus Köln\nZeile 2\nZeile 3 & ä',
    );
  });
});
