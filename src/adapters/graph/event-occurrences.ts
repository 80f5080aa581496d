/**
 * Applies a series' exceptions after the series itself was written (Graph has no way to send them
 * with the master): find each occurrence by its original start among the series' instances, then
 * DELETE it (cancelled) or PATCH it (changed). Writing a series' times or pattern discards its
 * exceptions in Outlook, so they are applied again after every series write.
 */
import type { GraphOccurrenceChange } from '../../core/formats/index.js';
import type { OutlookFolderId } from '../../core/model/index.js';
import type { OutlookStoreIssue } from '../../core/sync/outlook-store.js';
import type { BatchRequest } from './batch.js';
import type { GraphClient } from './client.js';
import { toStoreIssue } from './errors.js';
import { encode, query, type GraphJson } from './store-support.js';

export interface OccurrenceJob {
  /** The op's index in the write batch. */
  readonly index: number;
  readonly seriesId: string;
  readonly changes: readonly GraphOccurrenceChange[];
}

const DAY_MS = 86_400_000;
const sameDay = (a: string, b: string) => a.slice(0, 10) === b.slice(0, 10);

/** The first failure per job (by op index); jobs without an entry were applied completely. */
export async function applyOccurrenceChanges(
  client: GraphClient,
  folder: OutlookFolderId,
  jobs: readonly OccurrenceJob[],
  signal?: AbortSignal,
): Promise<Map<number, OutlookStoreIssue>> {
  const failures = new Map<number, OutlookStoreIssue>();
  const steps = jobs.flatMap((job) => job.changes.map((change) => ({ job, change })));
  if (steps.length === 0) return failures;
  const options = signal ? { signal } : {};
  const lookups = await client.batch(
    steps.map(({ job, change }): BatchRequest => {
      const at = Date.parse(change.originalStart);
      const window = {
        startDateTime: new Date(at - DAY_MS).toISOString(),
        endDateTime: new Date(at + 2 * DAY_MS).toISOString(),
      };
      return {
        method: 'GET',
        url: `/me/calendars/${encode(folder)}/events/${encode(job.seriesId)}/instances${query(window)}`,
      };
    }),
    { ...options, prefer: ['outlook.timezone="UTC"'] },
  );
  const writes: Array<{ index: number; request: BatchRequest }> = [];
  steps.forEach(({ job, change }, i) => {
    const lookup = lookups[i];
    if (lookup?.error)
      return void failures.set(job.index, {
        ...toStoreIssue(lookup.error),
        details: { phase: 'exceptions' },
      });
    const instances = ((lookup?.body as { value?: GraphJson[] } | undefined)?.value ?? []).filter(
      (x) => typeof x.id === 'string' && typeof x.originalStart === 'string',
    );
    const wanted = Date.parse(change.originalStart);
    const instance =
      instances.find((x) => Date.parse(String(x.originalStart)) === wanted) ??
      instances.find((x) => sameDay(String(x.originalStart), change.originalStart));
    if (!instance) {
      failures.set(job.index, {
        code: 'NOT_FOUND',
        message: 'no occurrence of the series starts at the exception’s original start',
        details: { phase: 'exceptions', originalStart: change.originalStart },
      });
      return;
    }
    const url = `/me/events/${encode(String(instance.id))}`;
    if (change.cancel) return void writes.push({ index: job.index, request: { method: 'DELETE', url } });
    // An occurrence takes its all-day-ness from the series; Graph refuses `isAllDay` on one.
    const { isAllDay: _isAllDay, ...patch } = change.patch;
    writes.push({ index: job.index, request: { method: 'PATCH', url, body: patch } });
  });
  const results = await client.batch(
    writes.map((w) => w.request),
    options,
  );
  writes.forEach((w, i) => {
    const error = results[i]?.error;
    if (error && !failures.has(w.index))
      failures.set(w.index, { ...toStoreIssue(error), details: { phase: 'exceptions' } });
  });
  return failures;
}
