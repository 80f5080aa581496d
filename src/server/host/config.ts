/**
 * Configuration of the add-in's production host (`npm run serve`), from the environment:
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | `CRM_SYNCML_URL` | the ONE CRM SyncML endpoint the proxy forwards to | (none: proxy answers 503) |
 * | `HOST` / `PORT` | where to listen | `0.0.0.0` / 8443 with TLS, 8080 without |
 * | `TLS_CERT_FILE` / `TLS_KEY_FILE` | PEM files; both set = HTTPS | (plain HTTP) |
 * | `ALLOWED_ORIGINS` | extra browser origins allowed to use the proxy (comma separated); the host's own origin always is | (none) |
 * | `DIST_DIR` | the production build to serve | `dist` |
 * | `PROXY_MAX_BYTES` | request and response size limit | 2 MiB |
 * | `PROXY_TIMEOUT_MS` | time limit for one forwarded request | 60000 |
 */
import { resolve } from 'node:path';

export interface HostConfig {
  readonly crmSyncUrl: URL | undefined;
  readonly host: string;
  readonly port: number;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
  readonly allowedOrigins: readonly string[];
  readonly distDir: string;
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

export class HostConfigError extends Error {
  override readonly name = 'HostConfigError';
  constructor(
    readonly code: 'BAD_CRM_URL' | 'TLS_HALF_CONFIGURED' | 'BAD_NUMBER' | 'BAD_ORIGIN',
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

function positiveInt(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new HostConfigError('BAD_NUMBER', name, `${name} must be a whole number`);
  return n;
}

export function hostConfigFromEnv(env: Readonly<Record<string, string | undefined>>): HostConfig {
  let crmSyncUrl: URL | undefined;
  if (env['CRM_SYNCML_URL']) {
    try {
      crmSyncUrl = new URL(env['CRM_SYNCML_URL']);
    } catch {
      throw new HostConfigError('BAD_CRM_URL', 'CRM_SYNCML_URL', 'CRM_SYNCML_URL is not a URL');
    }
    if (crmSyncUrl.protocol !== 'https:' && crmSyncUrl.protocol !== 'http:')
      throw new HostConfigError('BAD_CRM_URL', 'CRM_SYNCML_URL', 'CRM_SYNCML_URL must be http(s)');
  }
  const certFile = env['TLS_CERT_FILE'] || undefined;
  const keyFile = env['TLS_KEY_FILE'] || undefined;
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new HostConfigError(
      'TLS_HALF_CONFIGURED',
      certFile ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE',
      'set both TLS_CERT_FILE and TLS_KEY_FILE',
    );
  const allowedOrigins = (env['ALLOWED_ORIGINS'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new HostConfigError('BAD_ORIGIN', 'ALLOWED_ORIGINS', `not an origin: ${origin}`);
  }
  return {
    crmSyncUrl,
    host: env['HOST'] || '0.0.0.0',
    port: positiveInt(env, 'PORT', certFile ? 8443 : 8080),
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    allowedOrigins,
    distDir: resolve(env['DIST_DIR'] || 'dist'),
    maxBytes: positiveInt(env, 'PROXY_MAX_BYTES', 2 * 1024 * 1024),
    timeoutMs: positiveInt(env, 'PROXY_TIMEOUT_MS', 60_000),
  };
}
