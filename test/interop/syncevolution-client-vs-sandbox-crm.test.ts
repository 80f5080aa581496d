/**
 * Issue 5's proof that the sandbox CRM speaks SyncML to a client we didn't write: SyncEvolution's
 * own client (../shared/syncml-peer/tools/syncevo-client.sh, file datastores, md5 auth, its DevInf)
 * runs a slow sync and then a two-way sync of contacts, events and tasks against it. Checks compare
 * fields (the client's engine rewrites items), never bytes.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrmServer, type RunningCrmServer } from '../../src/server/crm/http/crm-server.js';
import type { Datastore } from '../../src/server/crm/datastores.js';

const CLIENT = fileURLToPath(new URL('../../../shared/syncml-peer/tools/syncevo-client.sh', import.meta.url));
const DEVICE = 'syncevolution-client-1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const vcard = (given: string, family: string, tel: string) =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nN:${family};${given};;;\r\nFN:${given} ${family}\r\nTEL;TYPE=CELL:${tel}\r\nEND:VCARD\r\n`;
const vevent = (summary: string, day: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:${summary.replace(/\W/g, '')}@test\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:${summary}\r\nDTSTART:${day}T090000Z\r\nDTEND:${day}T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
const vtodo = (summary: string, status: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:${summary.replace(/\W/g, '')}@test\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:${summary}\r\nDUE;VALUE=DATE:20261201\r\nSTATUS:${status}\r\nEND:VTODO\r\nEND:VCALENDAR\r\n`;

/** The value of the first `name` property (unfolded), for comparing items by field. */
const field = (data: string, name: string) =>
  new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(data.replace(/\r?\n[ \t]/g, ''))?.[1]?.trim();
const keyOf = (ds: Datastore, data: string) =>
  ds === 'addressbook' ? field(data, 'FN') : field(data, 'SUMMARY');

let crm: RunningCrmServer;
let root: string;
let clientDir: string;

function runClient(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  const env = {
    ...process.env,
    SYNCML_URL: crm.syncUrl,
    SYNCML_DEVICE_ID: DEVICE,
    SYNCML_USER: 'test',
    SYNCML_PASSWORD: 'test',
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile(
      'bash',
      [CLIENT, ...args],
      { env, timeout: 120_000, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}\n${stderr}`,
        });
      },
    );
  });
}

const clientFiles = (ds: Datastore) =>
  readdirSync(join(clientDir, 'data', ds)).map((name) => ({
    name,
    data: readFileSync(join(clientDir, 'data', ds, name), 'utf8'),
  }));
const clientKeys = (ds: Datastore) =>
  clientFiles(ds)
    .map((f) => keyOf(ds, f.data))
    .sort();
const serverKeys = (ds: Datastore) =>
  crm.store
    .listRecords(ds)
    .map((r) => keyOf(ds, r.content))
    .sort();
const writeClient = (ds: Datastore, name: string, data: string) =>
  writeFileSync(join(clientDir, 'data', ds, name), data);
const clientFileOf = (ds: Datastore, key: string) => clientFiles(ds).find((f) => keyOf(ds, f.data) === key)!;
const serverRecordOf = (ds: Datastore, key: string) =>
  crm.store.listRecords(ds).find((r) => keyOf(ds, r.content) === key)!;

describe('SyncEvolution client against the sandbox CRM', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'se-client-crm-'));
    clientDir = join(root, 'client');
    crm = await startCrmServer({ port: 0, dataDir: join(root, 'crm'), seed: false, users: { test: 'test' } });
    const setup = await runClient(['setup', clientDir]);
    expect(setup.code, setup.output).toBe(0);
  });

  afterAll(async () => {
    await crm?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('completes a slow sync of contacts, events and tasks: both sides hold the union', async () => {
    writeClient('addressbook', 'alice.vcf', vcard('Alice', 'Ährenfeld', '+49 170 1111111'));
    writeClient('calendar', 'viewing.ics', vevent('Besichtigung Client', '20261202'));
    writeClient('todo', 'callback.ics', vtodo('Rückruf Client', 'NEEDS-ACTION'));
    crm.store.createRecord('addressbook', vcard('Dave', 'Dörfler', '+49 89 2222222'), 'text/vcard', 'web');
    crm.store.createRecord('calendar', vevent('Notartermin CRM', '20261203'), 'text/calendar', 'web');
    crm.store.createRecord('todo', vtodo('Exposé CRM', 'IN-PROCESS'), 'text/calendar', 'web');

    const run = await runClient(['sync', clientDir, '--sync', 'slow', 'addressbook', 'calendar', 'todo']);
    expect(run.code, run.output).toBe(0);
    expect(clientKeys('addressbook')).toEqual(['Alice Ährenfeld', 'Dave Dörfler']);
    expect(serverKeys('addressbook')).toEqual(['Alice Ährenfeld', 'Dave Dörfler']);
    expect(clientKeys('calendar')).toEqual(['Besichtigung Client', 'Notartermin CRM']);
    expect(serverKeys('calendar')).toEqual(['Besichtigung Client', 'Notartermin CRM']);
    expect(clientKeys('todo')).toEqual(['Exposé CRM', 'Rückruf Client']);
    expect(serverKeys('todo')).toEqual(['Exposé CRM', 'Rückruf Client']);
    for (const ds of ['addressbook', 'calendar', 'todo'] as const)
      expect(crm.store.getAnchor(DEVICE, ds)).toBeDefined();
  });

  it('completes a two-way sync with an add, a change and a delete on each side', async () => {
    await sleep(1100); // the client's file backend sees changes by mtime, one-second resolution
    writeClient('addressbook', 'frank.vcf', vcard('Frank', 'Fuß', '+49 160 3333333'));
    const alice = clientFileOf('addressbook', 'Alice Ährenfeld');
    writeClient('addressbook', alice.name, alice.data.replace('+49 170 1111111', '+49 170 9999999'));
    unlinkSync(join(clientDir, 'data', 'todo', clientFileOf('todo', 'Rückruf Client').name));
    crm.store.createRecord('addressbook', vcard('Gina', 'Groß', '+49 89 4444444'), 'text/vcard', 'web');
    const dave = serverRecordOf('addressbook', 'Dave Dörfler');
    crm.store.updateRecord(
      'addressbook',
      dave.guid,
      dave.content.replace('+49 89 2222222', '+49 89 5555555'),
      'text/vcard',
      'web',
    );
    crm.store.deleteRecord('calendar', serverRecordOf('calendar', 'Notartermin CRM').guid, 'web');

    const run = await runClient(['sync', clientDir, 'addressbook', 'calendar', 'todo']);
    expect(run.code, run.output).toBe(0);
    const contacts = ['Alice Ährenfeld', 'Dave Dörfler', 'Frank Fuß', 'Gina Groß'];
    expect(clientKeys('addressbook')).toEqual(contacts);
    expect(serverKeys('addressbook')).toEqual(contacts);
    expect(field(serverRecordOf('addressbook', 'Alice Ährenfeld').content, 'TEL')).toBe('+49 170 9999999');
    expect(field(clientFileOf('addressbook', 'Dave Dörfler').data, 'TEL')).toBe('+49 89 5555555');
    expect(clientKeys('calendar')).toEqual(['Besichtigung Client']);
    expect(serverKeys('calendar')).toEqual(['Besichtigung Client']);
    expect(clientKeys('todo')).toEqual(['Exposé CRM']);
    expect(serverKeys('todo')).toEqual(['Exposé CRM']);
  });

  it('carries a contact larger than a message (a 200 KB photo) in MoreData chunks both ways', async () => {
    const photo = randomBytes(150_000).toString('base64');
    const folded = `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`.replace(/(.{74})/g, '$1\r\n ').replace(/\r\n $/, '');
    await sleep(1100);
    writeClient(
      'addressbook',
      'big.vcf',
      `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bild;Berta;;;\r\nFN:Berta Bild\r\n${folded}\r\nEND:VCARD\r\n`,
    );
    const up = await runClient(['sync', clientDir, 'addressbook']);
    expect(up.code, up.output).toBe(0);
    const photoOf = (data: string) => field(data, 'PHOTO')?.replace(/\s/g, '');
    expect(photoOf(serverRecordOf('addressbook', 'Berta Bild').content)).toBe(photo);
    const second = join(root, 'second-client');
    const env = { SYNCML_DEVICE_ID: `${DEVICE}-second` };
    expect((await runClient(['setup', second], env)).code).toBe(0);
    const down = await runClient(['sync', second, '--sync', 'slow', 'addressbook'], env);
    expect(down.code, down.output).toBe(0);
    const received = readdirSync(join(second, 'data', 'addressbook')).map((n) =>
      readFileSync(join(second, 'data', 'addressbook', n), 'utf8'),
    );
    expect(photoOf(received.find((d) => keyOf('addressbook', d) === 'Berta Bild')!)).toBe(photo);
  });

  it('changes nothing in a slow sync of identical data (twinning)', async () => {
    const revBefore = crm.store.currentRev();
    const run = await runClient(['sync', clientDir, '--sync', 'slow', 'addressbook', 'calendar', 'todo']);
    expect(run.code, run.output).toBe(0);
    expect(crm.store.currentRev()).toBe(revBefore);
    expect(crm.store.listConflictCopies('addressbook')).toEqual([]);
    expect(clientKeys('addressbook')).toEqual(serverKeys('addressbook'));
  });
});
