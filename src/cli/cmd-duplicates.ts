/**
 * `outlook-crm-sync duplicates`: the duplicate check before a folder's first sync (DESIGN.md §5). Reads the CRM
 * datastore through a preview session (nothing acknowledged, no anchor moves) and the Outlook folder, lists
 * likely pairs and duplicates within the folder; `--link-above` links pairs for the first sync
 * (src/app/sync/prelinks.ts; docs/decisions/0091).
 */
import { createGraphStores } from '../adapters/graph/index.js';
import type { FolderPrelinks, Prelink } from '../app/sync/prelinks.js';
import { DEFAULT_WIRE } from '../app/sync/index.js';
import {
  contactMatcher,
  eventMatcher,
  linkAllAbove,
  matchLists,
  matchWithin,
  mergeContacts,
  newerSide,
  startReview,
  taskMatcher,
  type CountryCode,
  type MatchPair,
  type Matcher,
} from '../core/dedupe/index.js';
import { fingerprint } from '../core/formats/index.js';
import type { ItemKind, SyncItem } from '../core/model/index.js';
import { itemDisplayName, type StoredItem } from '../core/sync/index.js';
import { previewServerItems } from '../core/syncml/index.js';
import { bool, num, str } from './args.js';
import { crmConnection, openWorkspace, type CommandContext } from './context.js';
import { CliError } from './errors.js';
import { allFolders, pickFolder } from './folders.js';
import { crmSession, itemCodec } from './ports.js';
import { reasonText } from './reason-texts.js';

interface CrmItem {
  readonly guid: string;
  readonly item: SyncItem;
}

function matcherFor(kind: ItemKind, country: string): Matcher<SyncItem, unknown, string> {
  const m =
    kind === 'contact'
      ? contactMatcher(country as CountryCode)
      : kind === 'event'
        ? eventMatcher
        : taskMatcher;
  return m as unknown as Matcher<SyncItem, unknown, string>;
}

function mergedOf(outlook: SyncItem, crm: SyncItem, country: string): SyncItem {
  if (outlook.kind === 'contact' && crm.kind === 'contact') {
    return mergeContacts(outlook, crm, { defaultCountry: country as CountryCode });
  }
  return newerSide(outlook, crm) === 'outlook' ? outlook : crm;
}

async function readCrm(ctx: CommandContext, kind: ItemKind, datastore: string) {
  const wire = DEFAULT_WIRE[kind];
  const preview = await previewServerItems({
    ...crmSession(crmConnection(ctx.args)),
    ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
    datastores: [
      {
        localUri: wire.localUri,
        remoteUri: datastore,
        contentType: wire.contentType,
        // Never committed: the preview ends before any status, so no anchor moves on either side.
        nextAnchor: new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z'),
      },
    ],
  });
  const items: CrmItem[] = [];
  let unreadable = 0;
  for (const change of preview.datastores[0]?.changes ?? []) {
    const id = change.guid ?? change.luid;
    const parsed =
      change.data !== undefined ? itemCodec.decode(change.data, kind, wire.contentType) : undefined;
    if (change.op === 'delete' || !id || !parsed?.ok) unreadable++;
    else items.push({ guid: id, item: parsed.value });
  }
  return { items, unreadable };
}

export async function duplicatesCommand(ctx: CommandContext): Promise<number> {
  const { args } = ctx;
  crmConnection(args); // flag errors before any work
  const linkAbove = num(args, 'link-above');
  const workspace = await openWorkspace(ctx, { write: linkAbove !== undefined });
  const folder = pickFolder(await allFolders(workspace.client), str(args, 'folder')!);
  const datastore = str(args, 'datastore')!;
  const synced = workspace.settings.folders[folder.id]?.checkpoint.lastAnchor !== undefined;
  if (linkAbove !== undefined && synced) {
    throw new CliError('BAD_FLAG_VALUE', 'the folder has synced already', {
      flag: 'link-above',
      reason: 'the folder has synced already; linking is for its first sync',
    });
  }
  const stores = createGraphStores(workspace.client, { timeZone: workspace.timeZone });
  const outlook: readonly StoredItem[] = await stores[folder.kind].readAll(folder.id);
  const crm = await readCrm(ctx, folder.kind, datastore);
  const matcher = matcherFor(folder.kind, workspace.country);
  const { pairs } = matchLists(
    outlook.map((o) => o.item),
    crm.items.map((c) => c.item),
    matcher,
  );
  const within = matchWithin(
    outlook.map((o) => o.item),
    matcher,
  );
  const describe = (p: MatchPair<string>, left: SyncItem, right: SyncItem) => ({
    score: p.score,
    reasons: p.reasons,
    outlook: itemDisplayName(left),
    other: itemDisplayName(right),
  });
  const pairRows = pairs.map((p) => ({
    ...describe(p, outlook[p.left]!.item, crm.items[p.right]!.item),
    outlookId: outlook[p.left]!.id,
    guid: crm.items[p.right]!.guid,
  }));
  const withinRows = within.map((p) => describe(p, outlook[p.left]!.item, outlook[p.right]!.item));

  let linked = 0;
  if (linkAbove !== undefined) {
    const review = linkAllAbove(startReview(pairs), linkAbove);
    const links: Prelink[] = [];
    review.decisions.forEach((d, i) => {
      if (d.action !== 'link') return;
      const p = pairs[i]!;
      const o = outlook[p.left]!;
      const c = crm.items[p.right]!;
      const merged = mergedOf(o.item, c.item, workspace.country);
      links.push({
        outlookId: o.id,
        guid: c.guid,
        name: itemDisplayName(merged),
        score: p.score,
        merged,
        crmFingerprint: fingerprint(c.item),
      });
    });
    const entry: FolderPrelinks = { kind: folder.kind, datastore, links };
    workspace.settings.prelinks[folder.id] = entry;
    workspace.save();
    linked = links.length;
  }

  if (bool(args, 'json')) {
    const out = {
      folder: folder.name,
      datastore,
      outlookItems: outlook.length,
      crmItems: crm.items.length,
      crmUnreadable: crm.unreadable,
      pairs: pairRows.map(({ other, ...r }) => ({ ...r, crm: other })),
      withinOutlook: withinRows.map(({ other, ...r }) => ({ ...r, outlook2: other })),
      ...(linkAbove !== undefined ? { linked, linkAbove } : {}),
    };
    ctx.io.stdout(JSON.stringify(out, null, 2));
    return 0;
  }
  const reasons = (rs: readonly string[]) => rs.map((r) => reasonText(r, ctx.lang)).join(', ');
  ctx.io.stdout(ctx.texts.pairs(pairRows.length));
  for (const r of pairRows)
    ctx.io.stdout(`  ${String(r.score).padStart(3)}  ${r.outlook}  ⇄  ${r.other}   (${reasons(r.reasons)})`);
  ctx.io.stdout(ctx.texts.within(withinRows.length));
  for (const r of withinRows)
    ctx.io.stdout(`  ${String(r.score).padStart(3)}  ${r.outlook}  =  ${r.other}   (${reasons(r.reasons)})`);
  if (linkAbove !== undefined) ctx.io.stdout(ctx.texts.linked(linked, linkAbove));
  return 0;
}
