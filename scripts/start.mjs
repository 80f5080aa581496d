#!/usr/bin/env node
// `npm start`: the sandbox CRM (seeded on first start, data in .sandbox-data/crm) and the webpack
// dev server (task pane on the sandbox mailbox; it forwards /syncml-proxy to the CRM), then the
// URLs. Ctrl-C (or SIGTERM) stops both and waits for them: nothing is left running.
// Environment: CRM_PORT (8085), DEV_SERVER_PORT (3000), CRM_DATA_DIR, TASKPANE_PATH.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { clearTimeout, setTimeout } from 'node:timers';

const CRM_PORT = Number(process.env.CRM_PORT ?? 8085);
const DEV_PORT = Number(process.env.DEV_SERVER_PORT ?? 3000);
const TASKPANE_PATH = process.env.TASKPANE_PATH ?? '/taskpane.html';
const CRM_URL = `http://127.0.0.1:${CRM_PORT}`;
const children = [];
let stopping = false;

function start(name, args, env) {
  // detached: each child leads its own process group, so a stop reaches its helpers too
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    detached: true,
  });
  const relay = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest`);
    void stopAll(1);
  });
  children.push({ name, child });
  return child;
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function waitForPort(port, what, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (stopping) return false;
    if (await portOpen(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`[start] ${what} did not open port ${port}`);
  await stopAll(1);
  return false;
}

const exited = (child) =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  const timer = setTimeout(() => {
    for (const { child } of children) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 5000);
  await Promise.all(children.map(({ child }) => exited(child)));
  clearTimeout(timer);
  console.log('[start] stopped');
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

start('crm', ['--import', 'tsx', 'src/server/crm/main.ts'], { CRM_PORT: String(CRM_PORT) });
if (!(await waitForPort(CRM_PORT, 'the sandbox CRM'))) process.exit(1);

let taskPane;
if (existsSync('webpack.config.js') || existsSync('webpack.config.mjs')) {
  start(
    'webpack',
    ['node_modules/webpack/bin/webpack.js', 'serve', '--mode', 'development', '--port', String(DEV_PORT)],
    {
      CRM_URL,
      CRM_SYNCML_URL: `${CRM_URL}/syncml`,
    },
  );
  if (!(await waitForPort(DEV_PORT, 'the webpack dev server'))) process.exit(1);
  const scheme = await globalThis.fetch(`http://127.0.0.1:${DEV_PORT}/`).then(
    () => 'http',
    () => 'https',
  );
  taskPane = `${scheme}://localhost:${DEV_PORT}${TASKPANE_PATH}`;
} else {
  console.warn('[start] no webpack.config.js yet: the task pane dev server is not started');
}

console.log('');
if (taskPane) console.log(`  Task pane (sandbox mailbox): ${taskPane}`);
console.log(`  Sandbox CRM page:            ${CRM_URL}/`);
console.log(`  Sandbox CRM SyncML endpoint: ${CRM_URL}/syncml  (user test, password test)`);
console.log('  Ctrl-C stops everything.');
console.log('');
