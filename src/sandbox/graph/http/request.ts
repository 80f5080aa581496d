/** The emulator's request/response values: plain data, so $batch items and HTTP share one path. */
export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

export interface GraphRequest {
  readonly method: string;
  /** Absolute URL under GRAPH_ROOT. */
  readonly url: URL;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface Preferences {
  immutableIds: boolean;
  maxPageSize?: number;
  timeZone: string;
  bodyContentType?: 'text' | 'html';
}

/** Reads the `Prefer` header(s): IdType, odata.maxpagesize, outlook.timezone, outlook.body-content-type. */
export function readPreferences(headers: Readonly<Record<string, string>>): Preferences {
  const prefer = headers['prefer'] ?? '';
  const prefs: Preferences = { immutableIds: /IdType\s*=\s*"?ImmutableId"?/i.test(prefer), timeZone: 'UTC' };
  const size = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer);
  if (size) prefs.maxPageSize = Number(size[1]);
  const zone = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer);
  if (zone) prefs.timeZone = zone[1]!;
  const body = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(prefer);
  if (body) prefs.bodyContentType = body[1]!.toLowerCase() as 'text' | 'html';
  return prefs;
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): GraphResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true', ...headers },
    body,
  };
}

export const noContent = (): GraphResponse => ({ status: 204, headers: {} });
