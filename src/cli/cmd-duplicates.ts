/**
 * `outlook-crm-sync duplicates`: the pane's duplicate check (src/app/dedupe: checkDuplicates reads the CRM
 * datastore through a preview session that acknowledges nothing, and the Outlook folder) as text or JSON;
 * `--link-above` links every pair at or above the score (newer values win) with applyReview, so the folder's
 * first `sync` maps them instead of copying (src/app/sync/prelinks.ts; docs/decisions/0091).
 */
import { applyReview, checkDuplicates, type DuplicateCheck } from '../app/dedupe/index.js';
import { linkAllAbove, startReview, type CountryCode } from '../core/dedupe/index.js';
import { bool, num, str } from './args.js';
import { crmConnection, openWorkspace, type CommandContext } from './context.js';
import { CliError } from './errors.js';
import { allFolders, pickFolder } from './folders.js';
import { buildSyncPorts } from './ports.js';
import { reasonText } from './reason-texts.js';
import { settingsDecisionStore } from './settings.js';

function asJson(check: DuplicateCheck, folderName: string, linked: number | undefined, linkAbove?: number) {
  return {
    folder: folderName,
    datastore: check.datastore,
    outlookItems: check.outlookItems,
    crmItems: check.crmItems,
    crmUnreadable: check.crmUnreadable,
    pairs: check.pairs.map((p) => ({
      score: p.score,
      reasons: p.reasons,
      outlook: p.outlook.name,
      crm: p.crm.name,
      outlookId: p.outlook.id,
      guid: p.crm.guid,
    })),
    withinOutlook: check.withinOutlook.map((p) => ({
      score: p.score,
      reasons: p.reasons,
      outlook: p.first.name,
      outlook2: p.second.name,
    })),
    ...(linked !== undefined ? { linked, linkAbove } : {}),
  };
}

export async function duplicatesCommand(ctx: CommandContext): Promise<number> {
  const { args, io } = ctx;
  const connection = crmConnection(args);
  const linkAbove = num(args, 'link-above');
  const workspace = await openWorkspace(ctx, { write: linkAbove !== undefined });
  const folder = pickFolder(await allFolders(workspace.client), str(args, 'folder')!);
  const ports = {
    ...buildSyncPorts(workspace, connection),
    decisions: settingsDecisionStore(workspace.settings),
  };
  const check = await checkDuplicates(ports, {
    folder: folder.id,
    kind: folder.kind,
    datastore: str(args, 'datastore')!,
    country: workspace.country as CountryCode,
    ...(io.signal ? { signal: io.signal } : {}),
  });
  let linked: number | undefined;
  if (linkAbove !== undefined) {
    if (check.synced) {
      throw new CliError('BAD_FLAG_VALUE', 'the folder has synced already', {
        flag: 'link-above',
        reason: 'the folder has synced already; linking is for its first sync',
      });
    }
    const applied = await applyReview(ports, check, linkAllAbove(startReview(check.pairs), linkAbove));
    linked = applied.summary.linked;
    workspace.save();
  }
  if (bool(args, 'json')) {
    io.stdout(JSON.stringify(asJson(check, folder.name, linked, linkAbove), null, 2));
    return 0;
  }
  const reasons = (rs: readonly string[]) => rs.map((r) => reasonText(r, ctx.lang)).join(', ');
  const score = (n: number) => String(n).padStart(3);
  io.stdout(ctx.texts.pairs(check.pairs.length));
  for (const p of check.pairs) {
    io.stdout(`  ${score(p.score)}  ${p.outlook.name}  ⇄  ${p.crm.name}   (${reasons(p.reasons)})`);
  }
  io.stdout(ctx.texts.within(check.withinOutlook.length));
  for (const p of check.withinOutlook) {
    io.stdout(`  ${score(p.score)}  ${p.first.name}  =  ${p.second.name}   (${reasons(p.reasons)})`);
  }
  if (linked !== undefined && linkAbove !== undefined) io.stdout(ctx.texts.linked(linked, linkAbove));
  return 0;
}
