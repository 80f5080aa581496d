/** A run's result as text lines or JSON, and the exit it means (0 done, 3 guard, 4 connection, 5 items failed). */
import { describePreview, SYNC_TEXTS } from '../app/sync/index.js';
import type { RunResult } from '../core/sync/index.js';
import { CliError, CONNECTION_CODES } from './errors.js';
import type { CliLanguage } from './texts.js';

export function describeRun(
  result: RunResult,
  names: ReadonlyMap<string, string>,
  lang: CliLanguage,
): string[] {
  const lines: string[] = [];
  const label = (folderId: string, datastore: string) => `${names.get(folderId) ?? folderId} ⇄ ${datastore}`;
  for (const p of result.previews)
    lines.push(`${label(p.folderId, p.datastore)}: ${describePreview(p, lang)}`);
  for (const f of result.folders) {
    const preview = {
      folderId: f.folderId,
      datastore: f.datastore,
      toOutlook: { ...f.toOutlook, names: [] },
      toCrm: { creates: f.toCrm.adds, updates: f.toCrm.replaces, deletes: f.toCrm.deletes, names: [] },
      conflicts: f.conflicts,
      heldBack: 0,
      guardTrips: [],
    };
    const failed = f.failed > 0 ? ` (${f.failed} ✗)` : '';
    lines.push(`${label(f.folderId, f.datastore)}: ${describePreview(preview, lang)}${failed}`);
  }
  if (result.guardTrip) lines.push(SYNC_TEXTS[lang].guard(result.guardTrip));
  // A preview that ran to its end is not a "sync finished": its folder lines say it all.
  if (result.mode === 'sync' || result.outcome !== 'completed')
    lines.push(SYNC_TEXTS[lang].outcome[result.outcome]);
  return lines;
}

/** The run's verdict as a CliError (undefined = exit 0). */
export function runVerdict(result: RunResult): CliError | undefined {
  if (result.outcome === 'stopped-by-guard') {
    const trip = result.guardTrip;
    return new CliError('GUARD_STOPPED', 'stopped by the deletion guard', {
      count: trip?.deletions.length,
      total: trip?.folderItemCount,
      target: trip?.target === 'crm' ? 'CRM' : 'Outlook',
    });
  }
  if (result.outcome === 'cancelled') return new CliError('RUN_CANCELLED', 'cancelled');
  if (result.outcome === 'failed') {
    const detail = result.error?.detail ?? '';
    if (result.error?.code === 'SESSION_FAILED' && CONNECTION_CODES.has(detail)) {
      return new CliError('CONNECTION_FAILED', 'the CRM connection failed', { reason: detail });
    }
    return new CliError('RUN_FAILED', 'the run failed', {
      reason: `${result.error?.code ?? ''} ${detail}`.trim(),
    });
  }
  const failed = result.folders.reduce((n, f) => n + f.failed, 0);
  if (failed > 0) return new CliError('ITEMS_FAILED', 'some items failed', { count: failed });
  return undefined;
}
