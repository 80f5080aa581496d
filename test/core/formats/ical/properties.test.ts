import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent, Task } from '../../../../src/core/model/index.js';
import { calendarEvent, task } from './arbitraries.js';
import { roundTrip } from './calendar-fixtures.js';

/** vCal 1.0 has no WKST: weekly rules come back with Monday as the first day of the week. */
function asVcalKeepsIt<T extends CalendarEvent | Task>(item: T): T {
  const r = item.recurrence;
  if (r?.pattern.type !== 'weekly') return item;
  return { ...item, recurrence: { ...r, pattern: { ...r.pattern, firstDayOfWeek: 'monday' } } };
}

function setup() {
  return { runs: { numRuns: 200, seed: 4711 } };
}

describe('property: models survive serialise → parse', () => {
  const { runs } = setup();

  it('events in iCalendar 2.0', () => {
    fc.assert(
      fc.property(calendarEvent, (e) => {
        expect(roundTrip(e, '2.0')).toEqual(e);
      }),
      runs,
    );
  });

  it('events in vCalendar 1.0', () => {
    fc.assert(
      fc.property(calendarEvent, (e) => {
        expect(roundTrip(e, '1.0')).toEqual(asVcalKeepsIt(e));
      }),
      runs,
    );
  });

  it('tasks in iCalendar 2.0', () => {
    fc.assert(
      fc.property(task, (t) => {
        expect(roundTrip(t, '2.0')).toEqual(t);
      }),
      runs,
    );
  });

  it('tasks in vCalendar 1.0', () => {
    fc.assert(
      fc.property(task, (t) => {
        expect(roundTrip(t, '1.0')).toEqual(asVcalKeepsIt(t));
      }),
      runs,
    );
  });
});
