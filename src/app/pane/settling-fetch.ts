/**
 * Graph writes outlive a cancel (docs/decisions/0103, 0112): aborting a `$batch` drops only our side of it; the
 * server finishes what it received. If the next run read the folder before those writes landed, it would create
 * the same items again. So the pane never aborts a write on the wire: the caller's promise rejects at once (the
 * run stops promptly), the request itself runs to its end, and `settled()` lets the next run wait for it.
 */
export interface SettlingFetch {
  readonly fetch: typeof fetch;
  /** Resolves when every write started so far has finished (successfully or not). */
  settled(): Promise<void>;
}

export function settlingFetch(base: typeof fetch): SettlingFetch {
  const inFlight = new Set<Promise<void>>();
  const wrapped: typeof fetch = (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method === 'GET' || method === 'HEAD') return base(input, init);
    const signal = init?.signal ?? undefined;
    const request = base(input, { ...init, signal: null });
    const done = request.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
    if (!signal) return request;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () =>
        reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      request.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
  return {
    fetch: wrapped,
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
