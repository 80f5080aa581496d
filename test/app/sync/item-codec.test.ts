import { describe, expect, it } from 'vitest';
import { formatsItemCodec } from '../../../src/app/sync/index.js';
import { dateOnly, emptyContact, type CalendarEvent, type Task } from '../../../src/core/model/index.js';

function setup() {
  const contact = {
    ...emptyContact(),
    name: { given: 'Jörg', family: 'Müller' },
    displayName: 'Jörg Müller',
  };
  const event: CalendarEvent = {
    kind: 'event',
    subject: 'Besichtigung',
    timing: { allDay: true, startDate: dateOnly('2026-03-02'), endDate: dateOnly('2026-03-03') },
    exceptions: [],
    sensitivity: 'normal',
    categories: [],
    attendees: [],
    extra: {},
  };
  const task: Task = {
    kind: 'task',
    title: 'Exposé senden',
    due: dateOnly('2026-03-05'),
    status: 'notStarted',
    importance: 'normal',
    categories: [],
    sensitivity: 'normal',
    extra: {},
  };
  return { contact, event, task };
}

describe('formatsItemCodec', () => {
  it('round-trips each kind in the content types SyncML servers speak', () => {
    const { contact, event, task } = setup();
    const cases = [
      [contact, 'text/x-vcard'],
      [contact, 'text/vcard'],
      [event, 'text/x-vcalendar'],
      [event, 'text/calendar'],
      [task, 'text/x-vcalendar'],
      [task, 'text/calendar'],
    ] as const;
    for (const [item, contentType] of cases) {
      const decoded = formatsItemCodec.decode(
        formatsItemCodec.encode(item, contentType),
        item.kind,
        contentType,
      );
      expect(decoded.ok, `${item.kind} as ${contentType}`).toBe(true);
      if (decoded.ok) expect(decoded.value.kind).toBe(item.kind);
    }
  });

  it('gives a typed item-level error for data of the wrong kind', () => {
    const { event, task } = setup();
    const asTask = formatsItemCodec.decode(
      formatsItemCodec.encode(event, 'text/calendar'),
      'task',
      'text/calendar',
    );
    expect(asTask.ok).toBe(false);
    expect(formatsItemCodec.decode('BEGIN:VCARD\r\nEND:VCARD\r\n', 'event', 'text/vcard')).toMatchObject({
      ok: false,
      error: { code: 'MISSING_COMPONENT' },
    });
    expect(() => formatsItemCodec.encode(task, 'text/vcard')).toThrow(RangeError);
  });
});
