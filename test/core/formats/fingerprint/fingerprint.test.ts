import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dateOnly,
  emptyContact,
  type CalendarEvent,
  type Contact,
  type Task,
} from '../../../../src/core/model/index.js';
import {
  canonicalItemText,
  fingerprint,
  parseVCard,
  serializeVCard,
} from '../../../../src/core/formats/index.js';

function setup(): Contact {
  return {
    ...emptyContact(),
    name: { given: 'Jürgen', family: 'Groß' },
    displayName: 'Jürgen Groß',
    phones: [
      { kind: 'mobile', number: '+49 171 1' },
      { kind: 'business', number: '+49 89 2' },
    ],
    emails: [
      { kind: 'work', address: 'J.Gross@example.de' },
      { kind: 'home', address: 'j@example.org' },
    ],
    categories: ['Kunde', 'VIP'],
    note: 'Zeile 1\nZeile 2',
    extra: { 'X-A': '1', 'X-A#2': '2', REV: '20240101T000000Z' },
    modifiedAt: '2024-01-01T00:00:00Z',
  };
}

describe('fingerprint', () => {
  it('ignores modifiedAt, stamps in extra, list order, line ends, outer whitespace and e-mail case', () => {
    const c = setup();
    const same: Contact = {
      ...c,
      displayName: '  Jürgen Groß ',
      phones: [...c.phones].reverse(),
      emails: [
        { kind: 'home', address: 'j@example.org' },
        { kind: 'work', address: 'j.gross@EXAMPLE.de' },
      ],
      categories: ['VIP', 'Kunde'],
      note: 'Zeile 1\r\nZeile 2\r\n',
      extra: { 'X-A': '2', 'X-A#2': '1', REV: '20250101T000000Z', PRODID: '-//x' },
      modifiedAt: '2025-05-05T00:00:00Z',
    };
    expect(fingerprint(same)).toBe(fingerprint(c));
  });

  it('treats empty strings, lists and objects as absent, and NFD like NFC', () => {
    const c = setup();
    expect(fingerprint({ ...c, nickname: '', urls: [], name: { ...c.name, middle: ' ' } })).toBe(
      fingerprint(c),
    );
    expect(fingerprint({ ...c, displayName: 'Ju\u0308rgen Groß' })).toBe(fingerprint(c));
  });

  it('changes with any real content change', () => {
    const c = setup();
    const variants: Contact[] = [
      { ...c, displayName: 'Jürgen Gross' },
      { ...c, phones: [c.phones[0]!] },
      { ...c, phones: [{ kind: 'home', number: '+49 171 1' }, c.phones[1]!] },
      { ...c, note: 'Zeile 1 Zeile 2' },
      { ...c, extra: { ...c.extra, 'X-B': '1' } },
      { ...c, birthday: dateOnly('1970-01-01') },
      { ...c, photo: { mediaType: 'image/jpeg', base64: 'QUJD' } },
    ];
    const prints = new Set([fingerprint(c), ...variants.map(fingerprint)]);
    expect(prints.size).toBe(variants.length + 1);
  });

  it('is stable through vCard 2.1 and 3.0 for every fixture', () => {
    for (const name of ['crm-3.0', 'ios-3.0', 'nokia-2.1', 'outlook-2.1', 'photo-2.1', 'synthesis-2.1']) {
      const text = readFileSync(new URL(`../../../fixtures/vcard/${name}.vcf`, import.meta.url), 'utf8');
      const first = parseVCard(text);
      if (!first.ok) throw new Error(name);
      for (const v of ['2.1', '3.0'] as const) {
        const again = parseVCard(serializeVCard(first.value, v).text);
        expect(again.ok && fingerprint(again.value)).toBe(fingerprint(first.value));
      }
    }
  });

  it('covers events and tasks generically', () => {
    const event: CalendarEvent = {
      kind: 'event',
      subject: 'Besichtigung',
      timing: {
        allDay: false,
        start: { kind: 'utc', iso: '2024-05-01T08:00:00Z' },
        end: { kind: 'utc', iso: '2024-05-01T09:00:00Z' },
      },
      exceptions: [],
      sensitivity: 'normal',
      categories: ['A', 'B'],
      attendees: [],
      extra: { DTSTAMP: '20240101T000000Z' },
    };
    const task: Task = {
      kind: 'task',
      title: 'Anrufen',
      status: 'notStarted',
      importance: 'normal',
      categories: [],
      sensitivity: 'normal',
      extra: {},
    };
    expect(fingerprint({ ...event, categories: ['B', 'A'], extra: {} })).toBe(fingerprint(event));
    expect(fingerprint({ ...event, subject: 'Besichtigung 2' })).not.toBe(fingerprint(event));
    expect(fingerprint({ ...task, modifiedAt: '2024-01-01T00:00:00Z' })).toBe(fingerprint(task));
    expect(fingerprint(task)).not.toBe(fingerprint({ ...task, status: 'completed' }));
  });

  it('pins the canonical form (a change here needs a new FINGERPRINT_VERSION)', () => {
    expect(canonicalItemText(emptyContact())).toBe('{"kind":"contact"}');
    expect(fingerprint(setup())).toMatch(/^fp1:[0-9a-f]{32}$/);
    expect(canonicalItemText(setup())).toBe(
      '{"categories":["Kunde","VIP"],"displayName":"Jürgen Groß","emails":[{"address":"j.gross@example.de","kind":"work"},{"address":"j@example.org","kind":"home"}],"extra":{"X-A":["1","2"]},"kind":"contact","name":{"family":"Groß","given":"Jürgen"},"note":"Zeile 1\\nZeile 2","phones":[{"kind":"business","number":"+49 89 2"},{"kind":"mobile","number":"+49 171 1"}]}',
    );
  });
});
