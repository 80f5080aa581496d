/**
 * JSON batching (reference A2): ≤ 20 requests, unique ids, dependsOn sequencing, 424 for requests
 * whose dependency failed, per-item status/headers/body (a throttled item carries its own
 * Retry-After inside an outer 200). Items go through the same admission as HTTP requests, so the
 * concurrency limit applies to parallel items — chain them with dependsOn as Graph advises.
 */
import { badRequest, GraphError } from '../errors.js';
import type { GraphEmulatorControl } from '../control.js';
import { GRAPH_ROOT, jsonResponse, type GraphRequest, type GraphResponse } from './request.js';

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

export interface BatchItemResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function readItems(body: unknown, maxBatchSize: number): BatchItem[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw badRequest(
      'BadRequest',
      'Invalid batch payload format: a non-empty "requests" array is required.',
      {},
    );
  }
  if (requests.length > maxBatchSize) {
    throw badRequest(
      'BadRequest',
      `The number of requests in a batch exceeds the limit of ${maxBatchSize}.`,
      { count: requests.length, max: maxBatchSize },
    );
  }
  const seen = new Set<string>();
  const items = requests.map((raw, index): BatchItem => {
    const r = raw as Partial<BatchItem> & { headers?: Record<string, unknown> };
    if (
      typeof r?.id !== 'string' ||
      r.id === '' ||
      typeof r.method !== 'string' ||
      typeof r.url !== 'string'
    ) {
      throw badRequest('BadRequest', 'Each batch request needs id, method and url.', { index });
    }
    if (seen.has(r.id))
      throw badRequest('BadRequest', `Batch request ids must be unique; '${r.id}' is repeated.`, {
        index,
        id: r.id,
      });
    seen.add(r.id);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
    if (r.body !== undefined && !headers['content-type']) {
      throw badRequest('BadRequest', `Batch request '${r.id}' has a body but no Content-Type header.`, {
        index,
        id: r.id,
      });
    }
    const dependsOn = r.dependsOn ?? [];
    if (!Array.isArray(dependsOn))
      throw badRequest('BadRequest', 'dependsOn must be an array of request ids.', { index, id: r.id });
    return { id: r.id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
  });
  const position = new Map(items.map((item, index) => [item.id, index]));
  for (const [index, item] of items.entries()) {
    for (const dep of item.dependsOn) {
      // A request may only depend on one listed before it (this also rules out cycles).
      if ((position.get(dep) ?? index) >= index) {
        throw badRequest('BadRequest', `Batch request '${item.id}' depends on unknown request '${dep}'.`, {
          id: item.id,
          dependsOn: dep,
        });
      }
    }
  }
  return items;
}

function itemError(error: GraphError): GraphResponse {
  return jsonResponse(
    error.status,
    { error: { code: error.code, message: error.message } },
    { ...error.headers },
  );
}

function toItemRequest(item: BatchItem): GraphRequest | GraphError {
  if (/^https?:/i.test(item.url)) {
    return badRequest(
      'BadRequest',
      'Batch request urls must be relative to the service root (e.g. "/me/contacts").',
      { id: item.id, url: item.url },
    );
  }
  const relative = item.url.startsWith('/') ? item.url : `/${item.url}`;
  if (/^\/\$batch/i.test(relative))
    return badRequest('BadRequest', 'A batch may not contain another batch.', { id: item.id });
  return { method: item.method, url: new URL(GRAPH_ROOT + relative), headers: item.headers, body: item.body };
}

export type ExecuteItem = (req: GraphRequest, batchItem: boolean) => Promise<GraphResponse>;

export async function executeBatch(
  req: GraphRequest,
  control: GraphEmulatorControl,
  execute: ExecuteItem,
): Promise<GraphResponse> {
  const items = readItems(req.body, control.limits.maxBatchSize);
  const results = new Map<string, Promise<BatchItemResponse>>();
  const run = (item: BatchItem): Promise<GraphResponse> => {
    const request = toItemRequest(item);
    return request instanceof GraphError ? Promise.resolve(itemError(request)) : execute(request, true);
  };
  for (const item of items) {
    const finish = (res: GraphResponse): BatchItemResponse => ({
      id: item.id,
      status: res.status,
      headers: res.headers,
      ...(res.body !== undefined ? { body: res.body } : {}),
    });
    if (item.dependsOn.length === 0) {
      // Started synchronously, so parallel items really are in flight together.
      results.set(item.id, run(item).then(finish));
      continue;
    }
    const deps = item.dependsOn.map((d) => results.get(d)!);
    results.set(
      item.id,
      Promise.all(deps).then((done) => {
        const failed = done.find((d) => d.status >= 400);
        if (failed) {
          return finish(
            itemError(
              new GraphError(424, 'FailedDependency', `The dependent request '${failed.id}' failed.`, {
                dependsOn: failed.id,
              }),
            ),
          );
        }
        return run(item).then(finish);
      }),
    );
  }
  const responses = await Promise.all(items.map((i) => results.get(i.id)!));
  return jsonResponse(200, { responses });
}
