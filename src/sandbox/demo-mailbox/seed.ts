/**
 * Seeds a sandbox mailbox with a German real-estate office's data, dated around the store's
 * clock so calendar windows (−1 y … +2 y) always contain it: contacts in "Kontakte", "Kunden"
 * and "Eigentümer"; viewings in "Besichtigungen"; a weekly team meeting running now and across
 * the next DST change, with one moved and one cancelled occurrence; all-day events; To Do call-backs.
 */
import { expandOccurrences } from '../graph/store/events.js';
import type { MailboxStore } from '../graph/store/mailbox-store.js';
import { cancelOccurrence, updateOccurrence } from '../graph/store/occurrences.js';
import type { JsonObject } from '../graph/store/types.js';
import { DEMO_PEOPLE, displayNameOf, type DemoPerson } from './people.js';
import { CALLBACKS, OFFICE_TASKS, OTHER_EVENTS, VIEWINGS } from './agenda.js';

const ZONE = 'W. Europe Standard Time';
const DAY_MS = 86_400_000;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const local = (date: string, time: string) => ({ dateTime: `${date}T${time}:00`, timeZone: ZONE });

/** Monday of the week containing `ms` (as a UTC date). */
function mondayOf(ms: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The next EU DST change (last Sunday of March or October) after `ms`. */
export function nextDstChange(ms: number): number {
  for (let year = new Date(ms).getUTCFullYear(); ; year++) {
    for (const month of [2, 9]) {
      const lastDay = Date.UTC(year, month + 1, 0);
      const lastSunday = lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
      if (lastSunday > ms) return lastSunday;
    }
  }
}

function contactFields(p: DemoPerson, index: number): JsonObject {
  const address = { street: p.street, postalCode: p.postalCode, city: p.city, countryOrRegion: p.country };
  const business = p.company !== undefined;
  return {
    givenName: p.givenName,
    surname: p.surname,
    displayName: displayNameOf(p),
    ...(p.title ? { title: p.title } : {}),
    emailAddresses: [{ address: p.email, name: displayNameOf(p) }],
    ...(business
      ? { businessPhones: [p.phone], businessAddress: address }
      : { homePhones: [p.phone], homeAddress: address }),
    ...(p.mobile ? { mobilePhone: p.mobile } : {}),
    ...(p.company ? { companyName: p.company } : {}),
    ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
    categories:
      p.folder === 'Kunden'
        ? [index % 3 === 0 ? 'Mieter' : 'Kaufinteressent']
        : p.folder === 'Eigentümer'
          ? ['Eigentümer']
          : [],
    ...(index % 7 === 0
      ? { personalNotes: `Bevorzugt Kontakt per E-Mail.\nZuletzt gesprochen: ${p.city}.` }
      : {}),
  };
}

function seedContacts(store: MailboxStore): void {
  const folders: Record<DemoPerson['folder'], string> = {
    Kontakte: store.defaultFolder('contacts').id,
    Kunden: store.createFolder('contacts', 'Kunden').id,
    Eigentümer: store.createFolder('contacts', 'Eigentümer').id,
  };
  DEMO_PEOPLE.forEach((p, i) => store.createItem('contact', folders[p.folder], contactFields(p, i)));
}

/**
 * Weekly on Mondays at 09:00 Berlin, from six weeks ago until four weeks after the next DST
 * change, so it is running now and crosses the change. Next week's meeting is moved (an
 * exception), the one the week after is cancelled.
 */
function seedTeamMeeting(store: MailboxStore, calendarId: string, now: number): void {
  const firstMonday = mondayOf(now) - 6 * 7 * DAY_MS;
  const lastMonday = mondayOf(nextDstChange(now)) + 4 * 7 * DAY_MS;
  const count = Math.round((lastMonday - firstMonday) / (7 * DAY_MS)) + 1;
  const start = isoDate(firstMonday);
  const master = store.createItem('event', calendarId, {
    subject: 'Teambesprechung',
    body: { contentType: 'text', content: 'Wöchentliche Runde: Objekte, Besichtigungen, Rückrufe.' },
    location: { displayName: 'Besprechungsraum 1' },
    start: local(start, '09:00'),
    end: local(start, '10:00'),
    categories: ['Intern'],
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      range: { type: 'numbered', startDate: start, numberOfOccurrences: count, recurrenceTimeZone: ZONE },
    },
  });
  const nextWeek = mondayOf(now) + 7 * DAY_MS;
  const occurrences = expandOccurrences(master, nextWeek - DAY_MS, nextWeek + 15 * DAY_MS);
  const [moved, cancelled] = occurrences;
  const movedDate = isoDate(moved!.originalStartMs);
  updateOccurrence(store, master, moved!.key, {
    subject: 'Teambesprechung (verschoben wegen Notartermin)',
    start: local(movedDate, '11:00'),
    end: local(movedDate, '12:00'),
  });
  cancelOccurrence(store, master, cancelled!.key);
}

function seedEvents(store: MailboxStore, now: number): void {
  const calendar = store.defaultFolder('calendar').id;
  const viewings = store.createFolder('calendar', 'Besichtigungen', { color: 'lightGreen' }).id;
  const monday = mondayOf(now);
  seedTeamMeeting(store, calendar, now);
  for (const e of OTHER_EVENTS) {
    const date = isoDate(monday + e.day * DAY_MS);
    const fields: JsonObject = e.allDayLength
      ? {
          isAllDay: true,
          start: local(date, '00:00'),
          end: local(isoDate(monday + (e.day + e.allDayLength) * DAY_MS), '00:00'),
          showAs: 'oof',
        }
      : { start: local(date, e.start!), end: local(date, e.end!) };
    store.createItem('event', calendar, {
      subject: e.subject,
      ...fields,
      ...(e.location ? { location: { displayName: e.location } } : {}),
      ...(e.private ? { sensitivity: 'private' } : {}),
      ...(e.body ? { body: { contentType: 'text', content: e.body } } : {}),
    });
  }
  for (const v of VIEWINGS) {
    const date = isoDate(monday + v.day * DAY_MS);
    store.createItem('event', viewings, {
      subject: `Besichtigung: ${v.object} – ${v.with}`,
      start: local(date, v.start),
      end: local(date, v.end),
      location: { displayName: v.address },
      body: {
        contentType: 'text',
        content: `Objekt: ${v.object}\nInteressent: ${v.with}\nSchlüssel: ${v.keys}`,
      },
      categories: ['Besichtigung'],
      reminderMinutesBeforeStart: 30,
    });
  }
}

function seedTasks(store: MailboxStore, now: number): void {
  const office = store.defaultFolder('todo').id;
  const callbacks = store.createFolder('todo', 'Rückrufe').id;
  const due = (days: number) => ({
    dateTime: `${isoDate(now + days * DAY_MS)}T00:00:00.0000000`,
    timeZone: ZONE,
  });
  for (const t of OFFICE_TASKS) {
    store.createItem('task', office, {
      title: t.title,
      dueDateTime: due(t.dueInDays),
      importance: t.importance ?? 'normal',
      ...(t.done ? { status: 'completed', completedDateTime: due(t.dueInDays - 1) } : {}),
      ...(t.body ? { body: { contentType: 'text', content: t.body } } : {}),
    });
  }
  for (const c of CALLBACKS) {
    const person = DEMO_PEOPLE.find((p) => p.surname === c.surname)!;
    store.createItem('task', callbacks, {
      title: `Rückruf: ${displayNameOf(person)} – ${c.topic}`,
      body: { contentType: 'text', content: `Tel. ${person.mobile ?? person.phone}\n${c.topic}` },
      dueDateTime: due(c.dueInDays),
      importance: c.urgent ? 'high' : 'normal',
      ...(c.done ? { status: 'completed', completedDateTime: due(c.dueInDays) } : {}),
      categories: ['Rückruf'],
    });
  }
}

/** Fills an empty store (fresh default folders) with the demo office. */
export function seedDemoMailbox(store: MailboxStore): MailboxStore {
  const now = store.clock.now();
  store.user = {
    ...store.user,
    displayName: 'Petra Hoffmann',
    mail: 'petra.hoffmann@immo-sued.example.com',
    userPrincipalName: 'petra.hoffmann@immo-sued.example.com',
  };
  seedContacts(store);
  seedEvents(store, now);
  seedTasks(store, now);
  return store;
}

export { DEMO_PEOPLE, displayNameOf, type DemoPerson } from './people.js';
