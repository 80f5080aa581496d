/**
 * MSAL's HTTP through an injectable `fetch` (CONVENTIONS.md rule 8): the CLI passes the global one, tests one
 * that carries the identity platform's URLs to a loopback server. Same contract as msal-node's own client:
 * JSON bodies, lowercase header names, error statuses returned (MSAL reads the OAuth error from the body).
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { CliError } from '../errors.js';

async function send<T>(
  fetchFn: typeof fetch,
  url: string,
  method: 'GET' | 'POST',
  options: NetworkRequestOptions | undefined,
  timeoutMs: number | undefined,
): Promise<NetworkResponse<T>> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    });
  } catch {
    throw new CliError('SIGN_IN_FAILED', 'the identity platform is not reachable', { reason: 'unreachable' });
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  let body: T;
  try {
    body = (await response.json()) as T;
  } catch {
    throw new CliError('SIGN_IN_FAILED', 'the identity platform did not answer in JSON', {
      reason: `HTTP ${response.status}, not JSON`,
    });
  }
  return { headers, body, status: response.status };
}

export function fetchNetworkModule(fetchFn: typeof fetch): INetworkModule {
  return {
    sendGetRequestAsync: (url, options, timeout) => send(fetchFn, url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(fetchFn, url, 'POST', options, undefined),
  };
}
