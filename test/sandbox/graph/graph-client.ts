/** Test helper: plain fetch against the emulated Graph, with the headers the product sends. */
export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };

export interface GraphResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function graph<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<GraphResult<T>> {
  const url = path.startsWith('https://') ? path : `${GRAPH}${path}`;
  const res = await fetch(url, {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* plain text ($count) */
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export const errorCode = (r: GraphResult<unknown>) => (r.body as { error?: { code?: string } }).error?.code;

export interface DeltaPage {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Follows nextLinks to the end of a round; returns all values, the page count and the delta link. */
export async function deltaRound(url: string, headers: Record<string, string> = IMMUTABLE) {
  const values: Record<string, unknown>[] = [];
  let next: string | undefined = url;
  let pages = 0;
  let deltaLink = '';
  while (next) {
    const r: GraphResult<DeltaPage> = await graph<DeltaPage>('GET', next, undefined, headers);
    if (r.status !== 200) throw new Error(`delta page failed: ${r.status} ${JSON.stringify(r.body)}`);
    pages++;
    values.push(...r.body.value);
    next = r.body['@odata.nextLink'];
    deltaLink = r.body['@odata.deltaLink'] ?? deltaLink;
  }
  return { values, pages, deltaLink };
}
