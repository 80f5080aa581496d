/** `outlook-crm-sync history` and `undo`: the run journal kept with the mailbox, and the pane's undoLastRun. */
import { undoLastRun } from '../app/sync/index.js';
import { SyncError, type JournalEntry, type JournalRun } from '../core/sync/index.js';
import { bool, str } from './args.js';
import { openWorkspace, type CommandContext } from './context.js';
import { CliError } from './errors.js';
import { buildSyncPorts } from './ports.js';

function countsOf(run: JournalRun) {
  const entries = run.folders.flatMap((f) => f.entries);
  const count = (pred: (e: JournalEntry) => boolean) => entries.filter(pred).length;
  return {
    outlook: {
      created: count((e) => e.result === 'created'),
      updated: count((e) => e.result === 'updated'),
      deleted: count((e) => e.result === 'deleted'),
    },
    crm: {
      added: count((e) => e.result === 'sent' && e.op === 'add'),
      replaced: count((e) => e.result === 'sent' && e.op === 'replace'),
      deleted: count((e) => e.result === 'sent' && e.op === 'delete'),
    },
    conflicts: count((e) => e.result === 'conflict'),
    failed: count((e) => e.result === 'failed'),
  };
}

function summaryLine(run: JournalRun): string {
  const c = countsOf(run);
  const undone = run.undoneAt ? ' undone' : '';
  return (
    `${run.runId}  ${run.startedAt}  ${run.outcome}${undone}  ` +
    `Outlook +${c.outlook.created} ~${c.outlook.updated} -${c.outlook.deleted}  ` +
    `CRM +${c.crm.added} ~${c.crm.replaced} -${c.crm.deleted}  conflicts ${c.conflicts}  failed ${c.failed}`
  );
}

function entryLine(e: JournalEntry): string {
  const what = e.result === 'sent' ? `sent ${e.op}` : e.result;
  const why =
    e.result === 'failed'
      ? ` (${e.side}: ${e.reason.code}${e.reason.detail ? ` ${e.reason.detail}` : ''})`
      : '';
  const conflict = e.result === 'conflict' ? ` (${e.conflict.kind}, ${e.conflict.winner} won)` : '';
  return `  ${e.entryId.padEnd(6)} ${what.padEnd(12)} ${e.name}${why}${conflict}`;
}

export async function historyCommand(ctx: CommandContext): Promise<number> {
  const workspace = await openWorkspace(ctx);
  const runs = workspace.settings.journal;
  const runId = str(ctx.args, 'run');
  const json = bool(ctx.args, 'json');
  if (runId) {
    const run = runs.find((r) => r.runId === runId);
    if (!run) throw new CliError('BAD_FLAG_VALUE', 'no such run', { flag: 'run', reason: `no run ${runId}` });
    if (json) ctx.io.stdout(JSON.stringify(run, null, 2));
    else {
      ctx.io.stdout(summaryLine(run));
      for (const f of run.folders) {
        ctx.io.stdout(` ${f.datastore} (${f.kind})`);
        for (const e of f.entries) ctx.io.stdout(entryLine(e));
      }
    }
    return 0;
  }
  if (json) {
    const list = runs.map((r) => ({
      runId: r.runId,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      outcome: r.outcome,
      ...(r.undoneAt ? { undoneAt: r.undoneAt } : {}),
      ...(r.error ? { error: r.error } : {}),
      counts: countsOf(r),
    }));
    ctx.io.stdout(JSON.stringify(list, null, 2));
  } else if (runs.length === 0) ctx.io.stdout(ctx.texts.noRuns);
  else for (const r of runs) ctx.io.stdout(summaryLine(r));
  return 0;
}

export async function undoCommand(ctx: CommandContext): Promise<number> {
  const workspace = await openWorkspace(ctx, { write: true });
  // undoLastRun undoes the newest run only: an older one's before-images would overwrite what later runs synced.
  const [newest] = workspace.settings.journal;
  if (!newest || newest.undoneAt) throw new CliError('NOTHING_TO_UNDO', 'no run to undo');
  const wanted = str(ctx.args, 'run');
  if (wanted && wanted !== newest.runId) {
    throw new CliError('RUN_NOT_UNDOABLE', 'only the newest run can be undone', {
      runId: wanted,
      newest: newest.runId,
    });
  }
  let result;
  try {
    result = await undoLastRun(buildSyncPorts(workspace), ctx.io.signal ? { signal: ctx.io.signal } : {});
  } catch (e) {
    // The newest run changed nothing in Outlook: there is nothing to put back.
    if (e instanceof SyncError && e.code === 'NOT_RESTORABLE')
      throw new CliError('NOTHING_TO_UNDO', 'nothing to undo');
    throw e;
  }
  workspace.save();
  if (bool(ctx.args, 'json')) ctx.io.stdout(JSON.stringify(result, null, 2));
  else ctx.io.stdout(ctx.texts.undone(result.runId, result.restored, result.failed.length));
  if (result.failed.length > 0)
    throw new CliError('ITEMS_FAILED', 'some items failed', { count: result.failed.length });
  return 0;
}
