/**
 * Starts the sandbox CRM: `tsx src/server/crm/main.ts` (npm start does it for you).
 * Environment: CRM_PORT (8085), CRM_HOST (127.0.0.1), CRM_DATA_DIR (.sandbox-data/crm),
 * CRM_USER / CRM_PASSWORD (test / test; CRM_USER= empty switches SyncML authentication off).
 */
import { resolve } from 'node:path';
import { DEFAULT_CRM_PORT, startCrmServer } from './http/crm-server.js';

const env = process.env;
const user = env['CRM_USER'] ?? 'test';
const server = await startCrmServer({
  dataDir: resolve(env['CRM_DATA_DIR'] ?? '.sandbox-data/crm'),
  host: env['CRM_HOST'] ?? '127.0.0.1',
  port: Number(env['CRM_PORT'] ?? DEFAULT_CRM_PORT),
  users: user === '' ? null : { [user]: env['CRM_PASSWORD'] ?? 'test' },
  log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} synced ${line}`),
});
console.log(`Sandbox CRM page:     ${server.url}/`);
console.log(`Sandbox CRM SyncML:   ${server.syncUrl}  (user ${user || '(no auth)'})`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
