/**
 * A `fetch` that answers Graph requests from the sandbox mailbox in this process: the Graph emulator's own
 * front door (`GraphEmulator.handle`), without msw or a network. The CLI runs the real Graph adapter against it.
 */
import { GraphEmulator } from '../sandbox/graph/app.js';
import type { GraphEmulatorControl } from '../sandbox/graph/control.js';
import type { MailboxStore } from '../sandbox/graph/store/mailbox-store.js';

export function emulatorFetch(store: MailboxStore, control: GraphEmulatorControl): typeof fetch {
  const emulator = new GraphEmulator(store, control);
  return async (input, init) => {
    const request = new Request(input, init);
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const answer = answerFrom(emulator, request);
    if (!signal) return answer;
    // Like a real fetch: an abort rejects at once; the emulator, like a server, finishes what it started.
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () =>
        reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
}

async function answerFrom(emulator: GraphEmulator, request: Request): Promise<Response> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return Response.json(
        { error: { code: 'BadRequest', message: 'Unable to read JSON.' } },
        { status: 400 },
      );
    }
  }
  const url = new URL(request.url);
  const res = await emulator.handle({ method: request.method.toUpperCase(), url, headers, body });
  if (res.body === undefined || res.status === 204) {
    return new Response(null, { status: res.status, headers: res.headers });
  }
  const out = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  return new Response(out, { status: res.status, headers: res.headers });
}
