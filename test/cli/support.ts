/**
 * Test support for the CLI: the real bin in a child process, the sandbox CRM in this process on a free
 * loopback port, a temporary folder for mailbox files, and the CRM's JSON API for edits "on the CRM page".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseVCard } from '../../src/core/formats/index.js';
import { startCrmServer, type RunningCrmServer } from '../../src/server/crm/http/crm-server.js';

export const BIN = resolve(import.meta.dirname, '../../bin/outlook-crm-sync.mjs');
export const PASSWORD = 'Geheim-7731-Passwort';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SpawnedCli {
  readonly child: ChildProcess;
  readonly done: Promise<CliRun>;
}

/** Starts the bin; never blocks this process (the CRM server answers from it). */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): SpawnedCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LANG: 'C', CRM_PASSWORD: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<CliRun>((resolveRun) =>
    child.on('close', (code) => resolveRun({ code, stdout, stderr })),
  );
  return { child, done };
}

export const cli = (args: readonly string[], env: Record<string, string> = {}) => spawnCli(args, env).done;

export interface World {
  readonly dir: string;
  readonly crm: RunningCrmServer;
  readonly mailbox: string;
  /** Connection flags for sync and duplicates (password through CRM_PASSWORD). */
  readonly conn: (deviceId?: string) => string[];
  readonly env: Record<string, string>;
  file(name: string, text: string): string;
  /** CRM records of a datastore (not deleted), by display name. */
  crmNames(datastore?: string): string[];
  api(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function setupWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
  const crm = await startCrmServer({ port: 0, seed: false, users: { test: PASSWORD } });
  return {
    dir,
    crm,
    mailbox: join(dir, 'mailbox.json'),
    env: { CRM_PASSWORD: PASSWORD },
    conn: (deviceId = 'outlook-cli-test') => [
      '--crm',
      crm.syncUrl,
      '--user',
      'test',
      '--device-id',
      deviceId,
    ],
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    crmNames(datastore = 'addressbook') {
      return crm.store
        .listRecords(datastore as 'addressbook')
        .filter((r) => !r.deleted)
        .map((r) => {
          const parsed = parseVCard(r.content);
          return parsed.ok ? (parsed.value.displayName ?? '') : `unreadable ${r.guid}`;
        })
        .sort();
    },
    async api(method, path, body) {
      const res = await fetch(`${crm.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`CRM API ${method} ${path}: ${res.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async close() {
      await crm.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function vcards(
  people: readonly { given: string; family: string; email?: string; tel?: string }[],
): string {
  return people
    .map((p) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `N:${p.family};${p.given};;;`,
        `FN:${p.given} ${p.family}`,
        ...(p.email ? [`EMAIL;TYPE=INTERNET:${p.email}`] : []),
        ...(p.tel ? [`TEL;TYPE=CELL:${p.tel}`] : []),
        'END:VCARD',
      ].join('\r\n'),
    )
    .join('\r\n')
    .concat('\r\n');
}

/** Display names in an exported vCard stream, sorted. */
export function exportedNames(vcf: string): string[] {
  return [...vcf.matchAll(/^FN:(.*)$/gm)].map((m) => m[1]!.trim()).sort();
}
