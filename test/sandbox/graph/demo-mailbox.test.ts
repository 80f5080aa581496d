import { describe, expect, it } from 'vitest';
import { createSimulatedClock } from '../../../src/sandbox/graph/clock.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';
import { expandOccurrences } from '../../../src/sandbox/graph/store/events.js';
import { DEMO_PEOPLE, nextDstChange, seedDemoMailbox } from '../../../src/sandbox/demo-mailbox/seed.js';

function setup(now = '2026-11-21T08:00:00Z') {
  const store = new MailboxStore({ clock: createSimulatedClock(Date.parse(now)) });
  return seedDemoMailbox(store);
}

describe('demo mailbox', () => {
  it('has the office folders with about 60 contacts, umlauts, ß and international names', () => {
    const store = setup();
    const names = (kind: 'contacts' | 'calendar' | 'todo') =>
      store.listFolders(kind).map((f) => f.displayName);
    expect(names('contacts')).toEqual(['Kontakte', 'Kunden', 'Eigentümer']);
    expect(names('calendar')).toEqual(['Kalender', 'Besichtigungen']);
    expect(names('todo')).toEqual(['Aufgaben', 'Rückrufe']);
    const total = store.listFolders('contacts').reduce((n, f) => n + store.countItems(f.id), 0);
    expect(total).toBe(DEMO_PEOPLE.length);
    expect(total).toBeGreaterThanOrEqual(55);
    const all = DEMO_PEOPLE.map((p) => `${p.givenName} ${p.surname}`).join(' ');
    expect(all).toMatch(/ß/);
    expect(all).toMatch(/[äöü]/);
    expect(all).toMatch(/[ıłšćè]/);
    expect(DEMO_PEOPLE.filter((p) => /\b(GmbH|AG|KG)\b/.test(p.company ?? '')).length).toBeGreaterThan(5);
  });

  it('exports people with name, e-mail, phone and company for near-duplicate CRM records', () => {
    for (const p of DEMO_PEOPLE) {
      expect(p.email).toMatch(/^[^@\s]+@[^@\s]+\.example\.(com|net|org)$|@example\.(com|net|org)$/);
      expect(p.phone).toMatch(/\d/);
    }
    expect(new Set(DEMO_PEOPLE.map((p) => p.email)).size).toBe(DEMO_PEOPLE.length);
  });

  it('has a weekly team meeting running now and across the next DST change, with one moved and one cancelled occurrence', () => {
    const now = Date.parse('2026-11-21T08:00:00Z');
    const store = setup();
    const calendar = store.defaultFolder('calendar').id;
    const series = store.listItems(calendar).find((e) => e.fields.subject === 'Teambesprechung')!;
    expect(Object.keys(series.occurrenceOverrides)).toHaveLength(1);
    expect(series.cancelledOccurrences).toHaveLength(1);
    const all = expandOccurrences(series, now - 60 * 86_400_000, nextDstChange(now) + 60 * 86_400_000);
    expect(all.some((o) => o.startMs < now)).toBe(true);
    expect(all.some((o) => o.startMs > nextDstChange(now))).toBe(true);
    const utcHours = new Set(all.filter((o) => !o.override).map((o) => new Date(o.startMs).getUTCHours()));
    expect(utcHours).toEqual(new Set([8, 7]));
    // The exception and the gap are in the coming two weeks, where a user sees them.
    const soon = expandOccurrences(series, now, now + 16 * 86_400_000);
    expect(soon.filter((o) => o.override)).toHaveLength(1);
  });

  it('seeds on any day of the year (month by month, DST weekends included)', () => {
    for (const day of [
      '2026-01-05',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-06-15',
      '2026-10-24',
      '2026-10-25',
      '2026-12-31',
    ]) {
      const store = setup(`${day}T12:00:00Z`);
      const series = store
        .listItems(store.defaultFolder('calendar').id)
        .find((e) => e.fields.subject === 'Teambesprechung')!;
      expect(Object.keys(series.occurrenceOverrides)).toHaveLength(1);
      expect(series.cancelledOccurrences).toHaveLength(1);
    }
  });

  it('has all-day events, viewings and call-back tasks dated around now', () => {
    const store = setup();
    const events = store.listItems(store.defaultFolder('calendar').id);
    expect(events.filter((e) => e.fields.isAllDay === true).length).toBeGreaterThanOrEqual(3);
    const viewings = store.listFolders('calendar').find((f) => f.displayName === 'Besichtigungen')!;
    expect(store.countItems(viewings.id)).toBeGreaterThanOrEqual(10);
    const callbacks = store.listFolders('todo').find((f) => f.displayName === 'Rückrufe')!;
    const titles = store.listItems(callbacks.id).map((t) => String(t.fields.title));
    expect(titles.every((t) => t.startsWith('Rückruf: '))).toBe(true);
  });
});
