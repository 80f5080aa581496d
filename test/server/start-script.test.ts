import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve(seen);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (seen += c.toString()));
    child.once('exit', (code) =>
      reject(new Error(`npm start exited (${code}) before printing its URLs:\n${seen}`)),
    );
  });
}

describe('npm start (scripts/start.mjs)', () => {
  it(
    'starts the sandbox CRM (seeded) and the dev server, prints the URLs, and leaves nothing running after Ctrl-C',
    { timeout: 240_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'start-crm-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const crmPort = await freePort();
      const devPort = await freePort();
      const child = spawn(process.execPath, ['scripts/start.mjs'], {
        env: {
          ...process.env,
          CRM_PORT: String(crmPort),
          DEV_SERVER_PORT: String(devPort),
          CRM_DATA_DIR: dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
      const withWebpack = existsSync('webpack.config.js') || existsSync('webpack.config.mjs');
      const output = await waitForOutput(child, /Ctrl-C stops everything/);
      expect(output).toContain(`Sandbox CRM page:            http://127.0.0.1:${crmPort}/`);
      if (withWebpack)
        expect(output).toMatch(new RegExp(`Task pane \\(sandbox mailbox\\): https?://localhost:${devPort}/`));
      const datastores = (await (await fetch(`http://127.0.0.1:${crmPort}/api/datastores`)).json()) as {
        count: number;
      }[];
      expect(datastores.every((d) => d.count > 0)).toBe(true);

      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exit).toBe(0);
      expect(await portOpen(crmPort)).toBe(false);
      expect(await portOpen(devPort)).toBe(false);
    },
  );
});
