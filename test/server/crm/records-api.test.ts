import { describe, expect, it } from 'vitest';
import { useCrmServers } from './crm-under-test.js';

const crm = useCrmServers({ seed: false, now: () => new Date('2026-11-21T10:00:00Z') });

async function setup() {
  const server = await crm.start();
  const call = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': contentType }, body: JSON.stringify(body) } : {}),
    });
    return {
      status: res.status,
      json: (await res.json()) as Record<string, unknown> & {
        error?: { code: string; details: Record<string, string> };
      },
    };
  };
  return { server, call };
}

describe('sandbox CRM page and JSON API', () => {
  it('serves the page', async () => {
    const { server } = await setup();
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('role="tablist"');
    expect(html).toContain('Sandbox CRM');
  });

  it('adds, edits (keeping the other properties) and deletes a contact', async () => {
    const { server, call } = await setup();
    const created = await call('POST', '/api/records?datastore=addressbook', {
      fields: { given: 'Jörg', family: 'Maß', phone: '+49 89 1', email: 'j@example.com' },
    });
    expect(created.status).toBe(201);
    const guid = created.json['guid'] as string;
    const record = server.store.getRecord('addressbook', guid)!;
    server.store.updateRecord(
      'addressbook',
      guid,
      record.content.replace('END:VCARD', 'CATEGORIES:Eigentümer\r\nEND:VCARD'),
      'text/vcard',
      'web',
    );
    const edited = await call('PUT', `/api/records/${guid}?datastore=addressbook`, {
      fields: { given: 'Jörg', family: 'Maß', phone: '+49 89 2', email: 'j@example.com' },
    });
    expect(edited.status).toBe(200);
    expect(edited.json['fields']).toMatchObject({ given: 'Jörg', family: 'Maß', phone: '+49 89 2' });
    const content = server.store.getRecord('addressbook', guid)!.content;
    expect(content).toContain('CATEGORIES:Eigentümer');
    expect(content).toContain('FN:Jörg Maß');
    expect((await call('DELETE', `/api/records/${guid}?datastore=addressbook`)).status).toBe(200);
    expect((await call('GET', `/api/records/${guid}?datastore=addressbook`)).json.error?.code).toBe(
      'RECORD_NOT_FOUND',
    );
  });

  it('adds an appointment and a task from the form fields', async () => {
    const { call } = await setup();
    const ev = await call('POST', '/api/records?datastore=calendar', {
      fields: {
        summary: 'Besichtigung',
        start: '2026-11-24T10:00',
        end: '2026-11-24T11:00',
        location: 'Straße 1',
      },
    });
    expect(ev.json['fields']).toMatchObject({
      summary: 'Besichtigung',
      start: '2026-11-24T10:00',
      end: '2026-11-24T11:00',
    });
    expect(ev.json['content']).toContain('DTSTART;TZID=Europe/Berlin:20261124T100000');
    const task = await call('POST', '/api/records?datastore=todo', {
      fields: { summary: 'Rückruf', due: '2026-11-25', status: 'NEEDS-ACTION', priority: '1' },
    });
    expect(task.json['fields']).toMatchObject({
      summary: 'Rückruf',
      due: '2026-11-25',
      status: 'NEEDS-ACTION',
      priority: '1',
    });
  });

  it('answers bad input with typed errors that name the field, and stores nothing', async () => {
    const { server, call } = await setup();
    const before = server.store.currentRev();
    const badEnd = await call('POST', '/api/records?datastore=calendar', {
      fields: { summary: 'x', start: '2026-11-24T10:00', end: '2026-11-24T09:00' },
    });
    expect(badEnd.status).toBe(400);
    expect(badEnd.json.error).toMatchObject({ code: 'INVALID_RECORD', details: { field: 'end' } });
    expect(
      (await call('POST', '/api/records?datastore=todo', { fields: { summary: 'x', status: 'DONE' } })).json
        .error?.details['field'],
    ).toBe('status');
    expect(
      (await call('POST', '/api/records?datastore=addressbook', { fields: { shoeSize: '44' } })).json.error
        ?.code,
    ).toBe('INVALID_RECORD');
    expect((await call('POST', '/api/records?datastore=notes', { fields: {} })).json.error?.code).toBe(
      'UNKNOWN_DATASTORE',
    );
    expect(
      (await call('POST', '/api/records?datastore=addressbook', { fields: { family: 'x' } }, 'text/plain'))
        .json.error?.code,
    ).toBe('BAD_REQUEST');
    expect(server.store.currentRev()).toBe(before);
  });

  it('keeps the fault hooks on loopback and validates them', async () => {
    const { server } = await setup();
    const res = await fetch(`${server.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'delay', ms: -1 }),
    });
    expect(res.status).toBe(400);
    expect(server.faults.list()).toEqual([]);
  });
});
