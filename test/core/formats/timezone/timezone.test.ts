import { describe, expect, it } from 'vitest';
import {
  epochToZonedLocal,
  guessZoneFromVcal,
  ianaFromZoneName,
  isoUtc,
  offsetMinutesAt,
  parseDaylight,
  parseOffset,
  transitionsInYear,
  vcalZoneProperties,
  vtimezoneLines,
  windowsFromIana,
  zonedLocalToEpoch,
} from '../../../../src/core/formats/timezone/index.js';

function setup() {
  const utc = (iso: string) => Date.parse(iso);
  return { utc };
}

describe('time zones (pure, Intl-based)', () => {
  const { utc } = setup();

  it('computes UTC offsets of IANA zones at an instant', () => {
    expect(offsetMinutesAt('Europe/Berlin', utc('2025-01-15T12:00:00Z'))).toBe(60);
    expect(offsetMinutesAt('Europe/Berlin', utc('2025-07-15T12:00:00Z'))).toBe(120);
    expect(offsetMinutesAt('America/New_York', utc('2025-01-15T12:00:00Z'))).toBe(-300);
    expect(offsetMinutesAt('Asia/Kolkata', utc('2025-01-15T12:00:00Z'))).toBe(330);
  });

  it('converts wall clock ⇄ UTC, moving times in the spring gap forward and taking the first of an autumn repeat', () => {
    expect(isoUtc(zonedLocalToEpoch('2025-03-27T09:00:00', 'Europe/Berlin'))).toBe('2025-03-27T08:00:00Z');
    expect(isoUtc(zonedLocalToEpoch('2025-03-31T09:00:00', 'Europe/Berlin'))).toBe('2025-03-31T07:00:00Z');
    expect(isoUtc(zonedLocalToEpoch('2025-03-30T02:30:00', 'Europe/Berlin'))).toBe('2025-03-30T01:30:00Z');
    expect(isoUtc(zonedLocalToEpoch('2025-10-26T02:30:00', 'Europe/Berlin'))).toBe('2025-10-26T00:30:00Z');
    expect(epochToZonedLocal(utc('2025-11-03T14:00:00Z'), 'America/New_York')).toBe('2025-11-03T09:00:00');
  });

  it('finds the DST transitions of a year', () => {
    expect(
      transitionsInYear('Europe/Berlin', 2025).map((t) => [isoUtc(t.atMs), t.offsetBefore, t.offsetAfter]),
    ).toEqual([
      ['2025-03-30T01:00:00Z', 60, 120],
      ['2025-10-26T01:00:00Z', 120, 60],
    ]);
    expect(transitionsInYear('Asia/Tokyo', 2025)).toEqual([]);
  });

  it('maps Windows ⇄ IANA names, accepts IANA names and vendor-prefixed TZIDs', () => {
    expect(ianaFromZoneName('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaFromZoneName('Eastern Standard Time')).toBe('America/New_York');
    expect(ianaFromZoneName('Europe/Vienna')).toBe('Europe/Vienna');
    expect(ianaFromZoneName('/freeassociation.sourceforge.net/Tzfile/Europe/Berlin')).toBe('Europe/Berlin');
    expect(ianaFromZoneName('UTC')).toBe('UTC');
    expect(ianaFromZoneName('tzone://Microsoft/Custom')).toBeUndefined();
    expect(windowsFromIana('Europe/Berlin')).toBe('W. Europe Standard Time');
    expect(windowsFromIana('America/New_York')).toBe('Eastern Standard Time');
  });

  it('writes a VTIMEZONE with yearly rules for DST zones and one STANDARD block otherwise', () => {
    const berlin = vtimezoneLines('Europe/Berlin', 2025);
    expect(berlin).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(berlin).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(berlin).toContain('DTSTART:20240331T020000');
    expect(vtimezoneLines('America/New_York', 2025)).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(vtimezoneLines('Asia/Tokyo', 2025)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tokyo',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('writes vCal 1.0 TZ/DAYLIGHT and recognises the zone from them', () => {
    const props = vcalZoneProperties('Europe/Berlin', [2025]);
    expect(props).toEqual({ tz: '+01:00', daylight: ['TRUE;+02:00;20250330T010000Z;20251026T010000Z;;'] });
    const daylight = parseDaylight(props.daylight[0]!)!;
    expect(guessZoneFromVcal({ tzOffset: 60, daylight: [daylight] }, 2025)).toBe('Europe/Berlin');
    const ny = vcalZoneProperties('America/New_York', [2025]);
    expect(guessZoneFromVcal({ tzOffset: -300, daylight: [parseDaylight(ny.daylight[0]!)!] }, 2025)).toBe(
      'America/New_York',
    );
    expect(guessZoneFromVcal({ tzOffset: 60, daylight: [] }, 2025)).toBe('Etc/GMT-1');
    expect(vcalZoneProperties('Asia/Tokyo', [2025])).toEqual({ tz: '+09:00', daylight: ['FALSE'] });
  });

  it('parses UTC offsets in the forms producers write', () => {
    expect([
      parseOffset('+01'),
      parseOffset('+0100'),
      parseOffset('-05:30'),
      parseOffset('+25:00'),
      parseOffset('CET'),
    ]).toEqual([60, 60, -330, undefined, undefined]);
  });
});
