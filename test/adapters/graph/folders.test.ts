import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_BASE_URL, GraphClient } from '../../../src/adapters/graph/client.js';
import { MAX_FOLDER_NAME_LENGTH, createFolder, listFolders } from '../../../src/adapters/graph/folders.js';
import { fakeClock } from './fake-clock.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const url = (path: string) => `${GRAPH_BASE_URL}${path}`;

function setup() {
  const sent: string[] = [];
  server.events.removeAllListeners();
  server.events.on('request:start', ({ request }) =>
    sent.push(`${request.method} ${new URL(request.url).pathname}`),
  );
  const client = new GraphClient({ tokenProvider: { getToken: async () => 't' }, clock: fakeClock() });
  return { client, sent };
}

/** A small mailbox in Graph's shapes: counts via @odata.count, except To Do (ignored) and cal2 (refused). */
function mailboxHandlers() {
  const counts: Record<string, number> = { root: 12, f1: 3, cal1: 40, cal2: 0 };
  return [
    http.get(url('/me/contactFolders'), () =>
      HttpResponse.json({ value: [{ id: 'f1', displayName: 'Kunden', parentFolderId: 'root' }] }),
    ),
    http.get(url('/me/contactFolders/contacts'), () =>
      HttpResponse.json({ id: 'root', displayName: 'Kontakte' }),
    ),
    http.get(url('/me/calendars'), () =>
      HttpResponse.json({
        value: [
          { id: 'cal1', name: 'Kalender', isDefaultCalendar: true, canEdit: true },
          { id: 'cal2', name: 'Objekttermine', isDefaultCalendar: false, canEdit: true },
          { id: 'bday', name: 'Geburtstage', isDefaultCalendar: false, canEdit: false },
        ],
      }),
    ),
    http.get(url('/me/todo/lists'), () =>
      HttpResponse.json({
        value: [
          { id: 'l1', displayName: 'Aufgaben', wellknownListName: 'defaultList' },
          { id: 'flag', displayName: 'Gekennzeichnete E-Mail', wellknownListName: 'flaggedEmails' },
        ],
      }),
    ),
    http.get(url('/me/calendars/cal2/events'), () => HttpResponse.json({ value: [] })),
    http.get(url('/me/todo/lists/l1/tasks'), ({ request }) => {
      const page = new URL(request.url).searchParams.get('$skiptoken');
      return page
        ? HttpResponse.json({ value: [{ id: 't3' }] })
        : HttpResponse.json({
            value: [{ id: 't1' }, { id: 't2' }],
            '@odata.nextLink': url('/me/todo/lists/l1/tasks?$skiptoken=2'),
          });
    }),
    http.post(url('/$batch'), async ({ request }) => {
      const { requests } = (await request.json()) as { requests: Array<{ id: string; url: string }> };
      return HttpResponse.json({
        responses: requests.map((r) => {
          const [, , , folder, kind] = r.url.split('?')[0]!.split('/');
          if (folder === 'cal2') {
            return {
              id: r.id,
              status: 400,
              body: { error: { code: 'ErrorInvalidUrlQuery', message: '$count' } },
            };
          }
          const body = kind === 'tasks' ? { value: [] } : { value: [], '@odata.count': counts[folder!] };
          return { id: r.id, status: 200, body };
        }),
      });
    }),
  ];
}

describe('listFolders', () => {
  it('lists the three kinds with item counts and default flags', async () => {
    server.use(...mailboxHandlers());
    const { client } = setup();
    const listing = await listFolders(client);
    expect(listing.contacts).toEqual([
      { id: 'root', kind: 'contacts', name: 'Kontakte', itemCount: 12, isDefault: true },
      { id: 'f1', kind: 'contacts', name: 'Kunden', itemCount: 3, isDefault: false },
    ]);
    expect(listing.calendars).toEqual([
      { id: 'cal1', kind: 'calendar', name: 'Kalender', itemCount: 40, isDefault: true },
      { id: 'cal2', kind: 'calendar', name: 'Objekttermine', itemCount: 0, isDefault: false },
    ]);
    expect(listing.taskLists).toEqual([
      { id: 'l1', kind: 'tasks', name: 'Aufgaben', itemCount: 3, isDefault: true },
    ]);
  });

  it('fails with the typed error of the first failing call', async () => {
    server.use(
      http.get(url('/me/calendars'), () =>
        HttpResponse.json({ error: { code: 'ErrorAccessDenied', message: 'no scope' } }, { status: 403 }),
      ),
      ...mailboxHandlers(),
    );
    const { client } = setup();
    await expect(listFolders(client)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('createFolder', () => {
  it.each([
    ['contacts', '/me/contactFolders', { displayName: 'CRM Sync' }],
    ['calendar', '/me/calendars', { name: 'CRM Sync' }],
    ['tasks', '/me/todo/lists', { displayName: 'CRM Sync' }],
  ] as const)('creates a %s folder with the trimmed name', async (kind, path, expectedBody) => {
    let body: unknown;
    server.use(
      http.post(url(path), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ id: 'new-1', ...(body as object) }, { status: 201 });
      }),
    );
    const { client, sent } = setup();
    const created = await createFolder(client, kind, '  CRM Sync ', { existing: [{ name: 'Kunden' }] });
    expect(body).toEqual(expectedBody);
    expect(created).toEqual({ id: 'new-1', kind, name: 'CRM Sync', itemCount: 0, isDefault: false });
    expect(sent).toEqual([`POST /v1.0${path}`]);
  });

  it.each([
    ['', 'EMPTY'],
    ['    ', 'EMPTY'],
    ['\u00a0\t ', 'EMPTY'],
    ['x'.repeat(MAX_FOLDER_NAME_LENGTH + 1), 'TOO_LONG'],
    ['CRM\u0000Sync', 'INVALID_CHARS'],
    ['CRM\nSync', 'INVALID_CHARS'],
    ['CRM \ud800 Sync', 'INVALID_CHARS'],
  ])('refuses %j with %s before any request', async (name, code) => {
    const { client, sent } = setup();
    await expect(createFolder(client, 'contacts', name)).rejects.toMatchObject({
      name: 'FolderNameError',
      code,
    });
    expect(sent).toEqual([]);
  });

  it('accepts names with umlauts and emoji (surrogate pairs)', async () => {
    server.use(
      http.post(url('/me/todo/lists'), () => HttpResponse.json({ id: 'l9', displayName: 'Büro 📋' })),
    );
    const { client } = setup();
    await expect(createFolder(client, 'tasks', 'Büro 📋', { existing: [] })).resolves.toMatchObject({
      name: 'Büro 📋',
    });
  });

  it('refuses a name taken case-insensitively before any request when the caller knows the folders', async () => {
    const { client, sent } = setup();
    await expect(
      createFolder(client, 'calendar', ' crm sync ', { existing: [{ name: 'CRM Sync' }] }),
    ).rejects.toMatchObject({ code: 'TAKEN', details: { takenBy: 'CRM Sync', kind: 'calendar' } });
    expect(sent).toEqual([]);
  });

  it('looks the names up itself when not given, and never posts a taken name', async () => {
    server.use(...mailboxHandlers());
    const { client, sent } = setup();
    await expect(createFolder(client, 'tasks', 'AUFGABEN')).rejects.toMatchObject({ code: 'TAKEN' });
    expect(sent.filter((s) => s.startsWith('POST'))).toEqual([]);
  });

  it("maps Graph's ErrorFolderExists (another device was quicker) to TAKEN", async () => {
    server.use(
      http.post(url('/me/contactFolders'), () =>
        HttpResponse.json({ error: { code: 'ErrorFolderExists', message: 'exists' } }, { status: 409 }),
      ),
    );
    const { client } = setup();
    await expect(createFolder(client, 'contacts', 'CRM Sync', { existing: [] })).rejects.toMatchObject({
      name: 'FolderNameError',
      code: 'TAKEN',
    });
  });
});
