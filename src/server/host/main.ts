/** `npm run serve`: the production host (configuration: see ./config.ts and the README). */
import { hostConfigFromEnv, HostConfigError } from './config.js';
import { startHostServer } from './host-server.js';

let config;
try {
  config = hostConfigFromEnv(process.env);
} catch (e) {
  if (!(e instanceof HostConfigError)) throw e;
  console.error(`configuration error (${e.code}) in ${e.variable}: ${e.message}`);
  process.exit(2);
}
const host = await startHostServer(config);
console.log(`Add-in host:  ${host.url}/  (serving ${config.distDir})`);
console.log(
  config.crmSyncUrl === undefined
    ? 'SyncML proxy: not configured (set CRM_SYNCML_URL)'
    : `SyncML proxy: ${host.url}/syncml-proxy -> ${config.crmSyncUrl.href}`,
);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
