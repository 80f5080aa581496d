/** msw 2 handlers over the emulator: the same ones serve node tests and the browser's service worker. */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { GraphEmulator } from './app.js';
import { GraphEmulatorControl, type GraphEmulatorOptions } from './control.js';
import { badRequest } from './errors.js';
import { errorResponse } from './app.js';
import { GRAPH_ROOT, type GraphRequest, type GraphResponse } from './http/request.js';
import type { MailboxStore } from './store/mailbox-store.js';
import { base64ToBytes, bytesToBase64 } from './http/binary.js';
import { isImageContentType } from './http/routes-photo.js';

async function toGraphRequest(request: Request): Promise<GraphRequest | GraphResponse> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  if (request.method === 'PUT' && isImageContentType(headers['content-type'])) {
    // A photo upload: binary on the wire, base64 inside the emulator (as in a $batch item).
    const bytes = new Uint8Array(await request.arrayBuffer());
    const photo = bytes.length > 0 ? { body: bytesToBase64(bytes) } : {};
    return { method: 'PUT', url: new URL(request.url), headers, ...photo };
  }
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return errorResponse(
        badRequest('BadRequest', 'Unable to read JSON request payload.', { length: text.length }),
      );
    }
  }
  return {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

function toHttpResponse(res: GraphResponse): Response {
  if (res.body === undefined || res.status === 204)
    return new HttpResponse(null, { status: res.status, headers: res.headers });
  if (typeof res.body === 'string' && isImageContentType(res.headers['Content-Type']))
    return new HttpResponse(base64ToBytes(res.body), { status: res.status, headers: res.headers });
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  return new HttpResponse(text, { status: res.status, headers: res.headers });
}

export interface GraphEmulatorSetup {
  readonly handlers: RequestHandler[];
  readonly control: GraphEmulatorControl;
  readonly emulator: GraphEmulator;
  readonly store: MailboxStore;
}

/** Handlers plus the control object that switches faults and limits at run time. */
export function createGraphEmulator(
  store: MailboxStore,
  options: GraphEmulatorOptions | GraphEmulatorControl = {},
): GraphEmulatorSetup {
  const control = options instanceof GraphEmulatorControl ? options : new GraphEmulatorControl(options);
  const emulator = new GraphEmulator(store, control);
  const handlers = [
    http.all(`${GRAPH_ROOT}/*`, async ({ request }) => {
      const req = await toGraphRequest(request);
      return toHttpResponse('url' in req ? await emulator.handle(req) : req);
    }),
  ];
  return { handlers, control, emulator, store };
}

/** The msw handlers alone. Pass a GraphEmulatorControl to change faults and limits later. */
export function createGraphHandlers(
  store: MailboxStore,
  options: GraphEmulatorOptions | GraphEmulatorControl = {},
): RequestHandler[] {
  return createGraphEmulator(store, options).handlers;
}
