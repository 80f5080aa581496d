/**
 * `outlook-crm-sync sync`: the pane's use cases (runSync, previewSync) on the sandbox mailbox or real Graph.
 * Durability (docs/decisions/0090): a run mark is saved before anything is written; the mailbox and the
 * settings are saved together once the run has returned; a mark still present at the next start means the
 * process was killed mid-run, and the folders of that run slow-sync (the engine's own rule for an interrupted
 * session: our Adds may sit on the server without a map).
 */
import { runSyncWithDecisions, withDuplicateDecisions } from '../app/dedupe/index.js';
import { previewSync } from '../app/sync/index.js';
import type {
  ConflictPolicyName,
  FolderPairSettings,
  FolderProgress,
  RunResult,
  SyncDirection,
} from '../core/sync/index.js';
import { bool, list, num, str } from './args.js';
import { crmConnection, openWorkspace, type CommandContext } from './context.js';
import { CliError } from './errors.js';
import { allFolders, pickFolder, type NamedFolder } from './folders.js';
import { buildSyncPorts } from './ports.js';
import { describeRun, runVerdict } from './run-report.js';
import { settingsDecisionStore, type AddinSettings } from './settings.js';

const DEFAULT_DATASTORE = { contact: 'addressbook', event: 'calendar', task: 'todo' } as const;

function folderPairs(ctx: CommandContext, folders: readonly NamedFolder[]): FolderPairSettings[] {
  const policy = (str(ctx.args, 'policy') ?? 'crm-wins') as ConflictPolicyName;
  const direction = (str(ctx.args, 'direction') ?? 'two-way') as SyncDirection;
  const given = list(ctx.args, 'pair');
  const chosen = given.length
    ? given.map((spec) => {
        const eq = spec.lastIndexOf('=');
        if (eq <= 0 || eq === spec.length - 1) {
          throw new CliError('BAD_FLAG_VALUE', '--pair needs FOLDER=DATASTORE', {
            flag: 'pair',
            reason: 'FOLDER=DATASTORE',
          });
        }
        return { folder: pickFolder(folders, spec.slice(0, eq)), datastore: spec.slice(eq + 1) };
      })
    : folders.filter((f) => f.isDefault).map((f) => ({ folder: f, datastore: DEFAULT_DATASTORE[f.kind] }));
  return chosen.map(({ folder, datastore }) => ({
    folderId: folder.id,
    kind: folder.kind,
    datastore,
    direction,
    policy,
  }));
}

/** A run mark left behind: the process died mid-run, so those folders must slow-sync next. */
function recoverFromKilledRun(settings: AddinSettings): void {
  const mark = settings.runInProgress;
  if (!mark) return;
  for (const id of mark.folderIds) {
    const stored = settings.folders[id];
    if (stored?.checkpoint.lastAnchor) {
      settings.folders[id] = { ...stored, checkpoint: { ...stored.checkpoint, needsSlowSync: true } };
    }
  }
  delete settings.runInProgress;
}

function guardShare(ctx: CommandContext): number {
  const share = num(ctx.args, 'guard-share') ?? 0.1;
  if (share < 0 || share > 1) {
    throw new CliError('BAD_FLAG_VALUE', '--guard-share is a share between 0 and 1', {
      flag: 'guard-share',
      reason: 'a share between 0 and 1',
    });
  }
  return share;
}

export async function syncCommand(ctx: CommandContext): Promise<number> {
  const { args, io } = ctx;
  const connection = crmConnection(args);
  const maxShare = guardShare(ctx);
  const dryRun = bool(args, 'dry-run');
  const workspace = await openWorkspace(ctx, { write: !dryRun });
  const folders = await allFolders(workspace.client);
  const pairs = folderPairs(ctx, folders);
  const { settings } = workspace;
  recoverFromKilledRun(settings);
  if (!dryRun) {
    settings.runInProgress = {
      runStartedAt: new Date().toISOString(),
      folderIds: pairs.map((p) => p.folderId),
    };
    workspace.save();
  }
  const decisions = settingsDecisionStore(settings);
  const ports = { ...buildSyncPorts(workspace, connection), decisions };
  const names = new Map(folders.map((f) => [f.id as string, f.name]));
  const progress = io.progress;
  const options = {
    ...(io.signal ? { signal: io.signal } : {}),
    ...(progress
      ? {
          onProgress: (p: FolderProgress) =>
            progress(`${names.get(p.folderId) ?? p.folderId} ⇄ ${p.datastore}: ${p.done}/${p.planned}`),
        }
      : {}),
    confirmDeletions: async () => (bool(args, 'yes') ? ('continue' as const) : ('stop' as const)),
  };
  const request = { folders: pairs, guard: { maxShare } };
  let results: RunResult[];
  if (dryRun) {
    // The preview shows what the first sync will do with the duplicate check's links (mapped, not copied).
    const withLinks = withDuplicateDecisions(ports, settings.decisions, { onConsumed: () => undefined });
    results = [await previewSync(withLinks, request, options)];
  } else {
    // Linked pairs whose merged values differ from the CRM's go up in a second run right away.
    results = await runSyncWithDecisions(ports, request, options);
    delete settings.runInProgress;
    workspace.save();
  }
  progress?.(''); // the result lines replace the live line
  if (bool(args, 'json')) io.stdout(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
  else {
    results.forEach((r, i) => {
      if (i > 0) io.stdout(ctx.texts.followUp);
      for (const line of describeRun(r, names, ctx.lang)) io.stdout(line);
    });
  }
  const verdict = results.map(runVerdict).find((v) => v !== undefined);
  if (verdict) throw verdict;
  return 0;
}
