/**
 * writeContentLine and long QUOTED-PRINTABLE headers (issue 3): a reader joins soft breaks only
 * once it has seen QUOTED-PRINTABLE in the header on the first physical line, so the header must
 * never be broken — whatever its length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarItem, serializeEvent } from '../../../../src/core/formats/index.js';
import type { CalendarEvent } from '../../../../src/core/model/index.js';
import {
  decodePropertyValue,
  encodeUtf8,
  readContentText,
  writeContentLine,
  type PropertyToWrite,
} from '../../../../src/core/formats/text/index.js';

function setup() {
  /** Writes one property into a component and reads it back: the name, the parameters and the decoded value. */
  const readBack = (prop: PropertyToWrite) => {
    const written = writeContentLine(prop, 'versit');
    const tree = readContentText(`BEGIN:VCALENDAR\r\n${written}\r\nEND:VCALENDAR\r\n`, 'versit');
    const line = tree.components[0]?.properties[0];
    return {
      written,
      issues: tree.issues.map((i) => i.code),
      name: line?.name,
      params: line?.params,
      value: line ? decodePropertyValue(line).text.replace(/\r\n/g, '\n') : undefined,
      count: tree.components[0]?.properties.length,
    };
  };
  const longAttendee: PropertyToWrite = {
    name: 'ATTENDEE',
    params: [
      ['ROLE', 'ATTENDEE'],
      ['STATUS', 'NEEDS ACTION'],
      ['EXPECT', 'REQUIRE'],
      ['RSVP', 'YES'],
      ['X-CN', 'Besprechungsraum Süd'],
    ],
    value: 'Jürgen Weiß <j.weiss@immobilien-beispiel.de>',
  };
  return { readBack, longAttendee };
}

describe('writeContentLine: QUOTED-PRINTABLE with a long header', () => {
  it('keeps a long vCal 1.0 ATTENDEE header whole, so the reader joins the soft breaks (regression)', () => {
    const { readBack, longAttendee } = setup();
    const back = readBack(longAttendee);
    expect(back.issues).toEqual([]);
    expect(back.count).toBe(1);
    expect(back.name).toBe('ATTENDEE');
    expect(back.params?.['ENCODING']).toEqual(['QUOTED-PRINTABLE']);
    expect(back.params?.['X-CN']).toEqual(['Besprechungsraum Süd']);
    expect(back.value).toBe(longAttendee.value);
    const firstLine = back.written.split('\r\n')[0]!;
    expect(firstLine.startsWith('ATTENDEE;ROLE=ATTENDEE;')).toBe(true);
    expect(firstLine).toContain('QUOTED-PRINTABLE');
    expect(firstLine).toContain(':');
  });

  it('ends a header too long for any value with a soft break right after the colon', () => {
    const { readBack } = setup();
    const params: Array<readonly [string, string]> = [['X-LONG', 'a'.repeat(80)]];
    const back = readBack({ name: 'DESCRIPTION', params, value: 'Grüße\nvon hier' });
    expect(back.written.split('\r\n')[0]).toMatch(/:=$/);
    expect(back.value).toBe('Grüße\nvon hier');
    expect(back.issues).toEqual([]);
  });

  it('writes a header-only line for an empty value, with no dangling soft break', () => {
    const { readBack } = setup();
    const back = readBack({ name: 'X-EMPTY', params: [['X-LONG', 'a'.repeat(80)]], value: '' });
    expect(back.written.split('\r\n')).toHaveLength(1);
    expect(back.value).toBe('');
  });

  it('lets the vCal 1.0 writer carry a long resource attendee with umlauts through its own reader', () => {
    const event: CalendarEvent = {
      kind: 'event',
      uid: 'attendee-1',
      subject: 'Besprechung',
      timing: {
        allDay: false,
        start: { kind: 'utc', iso: '2026-03-02T08:00:00Z' },
        end: { kind: 'utc', iso: '2026-03-02T09:00:00Z' },
      },
      exceptions: [],
      sensitivity: 'normal',
      categories: [],
      attendees: [
        {
          email: 'raum-sued-besprechung-gross@immobilien-beispiel-sehr-lang.de',
          name: 'Besprechungsraum Süd (groß, zweiter Stock)',
          type: 'resource',
          response: 'accepted',
        },
      ],
      extra: {},
    };
    const back = parseCalendarItem(serializeEvent(event, '1.0').text);
    expect(back.warnings).toEqual([]);
    expect(back.ok && back.value.kind === 'event' && back.value.attendees).toEqual(event.attendees);
  });

  it('never breaks inside the header, and value lines stay within 76 octets, for any header length', () => {
    const { readBack } = setup();
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom('X-A', 'ROLE', 'X-CN'), fc.stringMatching(/^[A-Za-z0-9 äöüß-]{0,30}$/)),
          {
            maxLength: 6,
          },
        ),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (params, raw) => {
          const value = `${raw.replace(/\r\n?/g, '\n')}ü`; // non-ASCII: always QP
          const prop: PropertyToWrite = {
            name: 'ATTENDEE',
            params: params.filter(([, v]) => v !== ''),
            value,
          };
          const back = readBack(prop);
          expect(back.value).toBe(value);
          expect(back.count).toBe(1);
          const [first, ...rest] = back.written.split('\r\n');
          expect(first).toContain(':');
          for (const physical of rest) expect(encodeUtf8(physical).length).toBeLessThanOrEqual(76);
        },
      ),
    );
  });
});
