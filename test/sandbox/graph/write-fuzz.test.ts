import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphEmulator } from '../../../src/sandbox/graph/app.js';
import { GraphEmulatorControl } from '../../../src/sandbox/graph/control.js';
import { MailboxStore } from '../../../src/sandbox/graph/store/mailbox-store.js';

function setup() {
  const store = new MailboxStore();
  const emulator = new GraphEmulator(store, new GraphEmulatorControl({ limits: { requestBudget: null } }));
  const send = (method: string, path: string, body?: unknown) =>
    emulator.handle({ method, url: new URL(`https://graph.microsoft.com/v1.0${path}`), headers: {}, body });
  const list = `/me/todo/lists/${store.defaultFolder('todo').id}/tasks`;
  return { store, send, list };
}

const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.oneof(fc.string(), fc.constant(null), fc.dictionary(fc.string(), fc.string())), {
    maxLength: 4,
  }),
  fc.dictionary(
    fc.constantFrom('dateTime', 'timeZone', 'pattern', 'range', 'type', 'address', 'content'),
    fc.anything(),
    { maxKeys: 4 },
  ),
);

/** Bodies as HTTP delivers them: whatever survives a JSON round trip. */
function bodies(fields: string[]) {
  return fc
    .dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 5 })
    .map((b) => JSON.parse(JSON.stringify(b)) as Record<string, unknown>);
}

const EVENT_FIELDS = [
  'subject',
  'start',
  'end',
  'isAllDay',
  'recurrence',
  'body',
  'singleValueExtendedProperties',
  'extensions',
];
const CONTACT_FIELDS = [
  'givenName',
  'emailAddresses',
  'businessPhones',
  'birthday',
  'singleValueExtendedProperties',
];
const TASK_FIELDS = [
  'title',
  'dueDateTime',
  'status',
  'importance',
  'extensions',
  'linkedResources',
  'completedDateTime',
];

const oddValue = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.integer({ min: -3, max: 40 }),
  fc.constant(['monday']),
  fc.constant('monday'),
  fc.constant([1]),
);
const recurrence = fc.record(
  {
    pattern: fc.record(
      {
        type: fc.constantFrom(
          'daily',
          'weekly',
          'absoluteMonthly',
          'relativeMonthly',
          'absoluteYearly',
          'relativeYearly',
          'hourly',
          5,
        ),
        interval: oddValue,
        daysOfWeek: oddValue,
        firstDayOfWeek: oddValue,
        dayOfMonth: oddValue,
        month: oddValue,
        index: fc.oneof(oddValue, fc.constantFrom('first', 'last', 'fifth')),
      },
      { requiredKeys: ['type'] },
    ),
    range: fc.record(
      {
        type: fc.constantFrom('endDate', 'noEnd', 'numbered', 'bogus'),
        startDate: fc.constantFrom('2026-03-02', '2026-02-30', 'x', 5),
        endDate: fc.constantFrom('2026-04-01', '2025-01-01', null),
        numberOfOccurrences: oddValue,
        recurrenceTimeZone: fc.constantFrom('W. Europe Standard Time', 'Nowhere', 7),
      },
      { requiredKeys: ['type', 'startDate'] },
    ),
  },
  { requiredKeys: [] },
);

describe('recurring events with odd recurrences', () => {
  it('are stored and expanded, or refused with a 400 (fuzz)', async () => {
    const { send } = setup();
    const start = { dateTime: '2026-03-02T09:00:00', timeZone: 'W. Europe Standard Time' };
    const end = { dateTime: '2026-03-02T10:00:00', timeZone: 'W. Europe Standard Time' };
    await fc.assert(
      fc.asyncProperty(recurrence, async (rec) => {
        const res = await send('POST', '/me/events', { subject: 'R', start, end, recurrence: rec });
        expect([201, 400]).toContain(res.status);
        if (res.status !== 201) return;
        const view = await send(
          'GET',
          '/me/calendarView?startDateTime=2026-01-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z',
        );
        expect(view.status).toBe(200);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('writes with arbitrary bodies', () => {
  it('answer 201 or a typed 4xx, never a 500, and a refused write leaves nothing behind (fuzz)', async () => {
    const { store, send, list } = setup();
    const cases = fc.oneof(
      bodies(EVENT_FIELDS).map((b) => ['/me/events', b] as const),
      bodies(CONTACT_FIELDS).map((b) => ['/me/contacts', b] as const),
      bodies(TASK_FIELDS).map((b) => [list, b] as const),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([path, body]) => {
        const before = store.items.size;
        const res = await send('POST', path, body);
        expect(res.status === 201 || (res.status >= 400 && res.status < 500)).toBe(true);
        expect(store.items.size).toBe(res.status === 201 ? before + 1 : before);
        if (res.status === 201) {
          // Whatever was accepted must also render back.
          const id = (res.body as { id: string }).id;
          expect((await send('GET', `${path}/${id}`)).status).toBe(200);
        }
      }),
      { numRuns: 1_500 },
    );
  });
});

describe('patches with arbitrary bodies', () => {
  it('answer 200 or a typed 4xx, and a refused patch changes nothing (fuzz)', async () => {
    const { store, send, list } = setup();
    const start = { dateTime: '2026-03-02T09:00:00', timeZone: 'W. Europe Standard Time' };
    const end = { dateTime: '2026-03-02T10:00:00', timeZone: 'W. Europe Standard Time' };
    const targets = [
      [
        '/me/contacts',
        store.createItem('contact', store.defaultFolder('contacts').id, { givenName: 'A' }),
        CONTACT_FIELDS,
      ],
      [
        '/me/events',
        store.createItem('event', store.defaultFolder('calendar').id, { start, end }),
        EVENT_FIELDS,
      ],
      [list, store.createItem('task', store.defaultFolder('todo').id, { title: 'T' }), TASK_FIELDS],
    ] as const;
    const cases = fc.oneof(
      ...targets.map(([path, item, fields]) => bodies([...fields]).map((b) => [path, item, b] as const)),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([path, item, body]) => {
        const before = JSON.stringify(item);
        const res = await send('PATCH', `${path}/${item.restId}`, body);
        expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
        if (res.status !== 200) expect(JSON.stringify(item)).toBe(before);
      }),
      { numRuns: 1_500 },
    );
  });
});

describe('occurrence patches with arbitrary bodies', () => {
  it('make an exception or are refused, and calendarView keeps answering 200 (fuzz)', async () => {
    const { store, send } = setup();
    const start = { dateTime: '2026-03-02T09:00:00', timeZone: 'W. Europe Standard Time' };
    const end = { dateTime: '2026-03-02T10:00:00', timeZone: 'W. Europe Standard Time' };
    const recurrence = {
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 30 },
    };
    const master = store.createItem('event', store.defaultFolder('calendar').id, { start, end, recurrence });
    const window = 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-15T00:00:00Z';
    const instances = await send('GET', `/me/events/${master.restId}/instances?${window}&$top=100`);
    const ids = (instances.body as { value: { id: string }[] }).value.map((o) => o.id);
    const times = fc.constantFrom(
      { dateTime: '2026-03-05T11:00:00', timeZone: 'UTC' },
      { dateTime: '2026-03-05T08:00:00', timeZone: 'W. Europe Standard Time' },
      { dateTime: 'garbage', timeZone: 'UTC' },
      { dateTime: '2026-03-05T11:00:00', timeZone: 'Nowhere' },
      null,
      'x',
    );
    const patch = fc.record(
      { subject: fc.oneof(fc.string(), fc.integer()), start: times, end: times, isAllDay: fc.boolean() },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ids), patch, async (id, body) => {
        const res = await send('PATCH', `/me/events/${id}`, body);
        expect([200, 400, 404]).toContain(res.status);
        expect((await send('GET', `/me/calendarView?${window}`)).status).toBe(200);
      }),
      { numRuns: 500 },
    );
  });
});
