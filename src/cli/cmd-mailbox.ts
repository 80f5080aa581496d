/**
 * `outlook-crm-sync mailbox import|export`: vCard / iCalendar files in and out of a mailbox folder. Import
 * creates the sandbox mailbox file and the folder when missing; a bad item is reported with its line and
 * the rest are imported. Items go in through Graph like a user's own (no sync link), so the next sync sends them.
 */
import { extname } from 'node:path';
import { readFileSync } from 'node:fs';
import { applyOccurrenceChanges } from '../adapters/graph/event-occurrences.js';
import { createGraphStores, graphCodecs, type BatchRequest } from '../adapters/graph/index.js';
import {
  parseCalendarItem,
  parseVCardFile,
  serializeEvent,
  serializeTask,
  serializeVCard,
} from '../core/formats/index.js';
import type { ItemKind, ParseResult, SyncItem } from '../core/model/index.js';
import { bool, str } from './args.js';
import { joinCalendars, splitCalendarFile } from './calendar-file.js';
import { openWorkspace, type CommandContext } from './context.js';
import { CliError } from './errors.js';
import { allFolders, ensureFolder, pickFolder } from './folders.js';

interface ParsedItem {
  /** The item's first line, or for an unreadable item the line of its error (lines of the whole file). */
  readonly line: number;
  readonly result: ParseResult<SyncItem>;
}

interface ItemProblem {
  readonly line?: number;
  readonly code: string;
  readonly message?: string;
}

function readItems(path: string): { kind: ItemKind; items: ParsedItem[]; problems: ItemProblem[] } {
  const ext = extname(path).toLowerCase();
  if (ext !== '.vcf' && ext !== '.ics')
    throw new CliError('UNSUPPORTED_FILE', 'not a .vcf or .ics file', { path });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const cause = (e as NodeJS.ErrnoException).code;
    throw new CliError(cause === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', 'cannot read the file', {
      path,
      cause,
    });
  }
  if (ext === '.vcf') {
    const items = parseVCardFile(text).map((c) => ({
      line: (c.result.ok ? undefined : c.result.error.line) ?? c.startLine,
      result: c.result as ParseResult<SyncItem>,
    }));
    return { kind: 'contact', items, problems: [] };
  }
  const chunks = splitCalendarFile(text);
  const kind = chunks[0]?.kind ?? 'event';
  const problems: ItemProblem[] = [];
  const items: ParsedItem[] = [];
  for (const chunk of chunks) {
    if (chunk.kind !== kind) {
      problems.push({
        line: chunk.startLine,
        code: kind === 'event' ? 'TASK_IN_CALENDAR_FILE' : 'EVENT_IN_TASK_FILE',
      });
      continue;
    }
    const result = parseCalendarItem(chunk.text, kind) as ParseResult<SyncItem>;
    const line =
      !result.ok && result.error.line !== undefined ? chunk.fileLine(result.error.line) : chunk.startLine;
    items.push({ line, result });
  }
  return { kind, items, problems };
}

const ITEMS_URL: Readonly<Record<ItemKind, (id: string) => string>> = {
  contact: (id) => `/me/contactFolders/${encodeURIComponent(id)}/contacts`,
  event: (id) => `/me/calendars/${encodeURIComponent(id)}/events`,
  task: (id) => `/me/todo/lists/${encodeURIComponent(id)}/tasks`,
};

export async function importCommand(ctx: CommandContext): Promise<number> {
  const path = ctx.args.positional[0];
  if (!path)
    throw new CliError('MISSING_ARGUMENT', 'missing the file to import', { argument: 'FILE.vcf|FILE.ics' });
  const folderName = str(ctx.args, 'folder')!;
  const { kind, items, problems } = readItems(path);
  const workspace = await openWorkspace(ctx, { create: true, write: true });
  const folder = await ensureFolder(workspace.client, folderName, kind);
  const codec = graphCodecs({ timeZone: workspace.timeZone })[kind] as ReturnType<
    typeof graphCodecs
  >['contact'];
  const writes: { line: number; body: Record<string, unknown>; occurrences: readonly unknown[] }[] = [];
  for (const { line, result } of items) {
    if (!result.ok) {
      problems.push({
        line,
        code: result.error.code,
        message: result.error.message,
      });
      continue;
    }
    try {
      const write = codec.toGraph(result.value as never);
      writes.push({ line, body: write.body, occurrences: write.occurrences ?? [] });
    } catch (e) {
      problems.push({ line, code: (e as { code?: string }).code ?? 'INVALID_ITEM' });
    }
  }
  const requests: BatchRequest[] = writes.map((w) => ({
    method: 'POST',
    url: ITEMS_URL[kind](folder.id),
    body: w.body,
  }));
  const results = await workspace.client.batch(requests);
  const jobs: { index: number; seriesId: string; changes: never[] }[] = [];
  let imported = 0;
  results.forEach((r, i) => {
    if (r.error) return void problems.push({ line: writes[i]!.line, code: `GRAPH_${r.error.code}` });
    imported++;
    const id = (r.body as { id?: string }).id;
    if (id && writes[i]!.occurrences.length)
      jobs.push({ index: i, seriesId: id, changes: writes[i]!.occurrences as never[] });
  });
  const exceptionFailures = await applyOccurrenceChanges(workspace.client, folder.id, jobs);
  for (const [index, issue] of exceptionFailures)
    problems.push({ line: writes[index]!.line, code: `EXCEPTIONS_${issue.code}` });
  workspace.save();
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (bool(ctx.args, 'json')) {
    ctx.io.stdout(JSON.stringify({ folder: folder.name, kind, imported, failed: problems }, null, 2));
  } else {
    ctx.io.stdout(ctx.texts.imported(imported, folder.name, problems.length));
    for (const p of problems) ctx.io.stdout(ctx.texts.itemFailed(p.line, p.code));
  }
  if (imported === 0 && problems.length > 0)
    throw new CliError('NO_ITEMS_IMPORTED', 'nothing imported', { path });
  if (problems.length > 0)
    throw new CliError('ITEMS_FAILED', 'some items failed', { count: problems.length });
  return 0;
}

export async function exportCommand(ctx: CommandContext): Promise<number> {
  const workspace = await openWorkspace(ctx);
  const folder = pickFolder(await allFolders(workspace.client), str(ctx.args, 'folder')!);
  const stores = createGraphStores(workspace.client, { timeZone: workspace.timeZone });
  const stored = await stores[folder.kind].readAll(folder.id);
  const items = stored.map((s) => s.item);
  if (folder.kind === 'contact') {
    ctx.io.stdout(
      items
        .map((c) => (c.kind === 'contact' ? serializeVCard(c, '3.0').text : ''))
        .join('')
        .trimEnd(),
    );
  } else {
    const texts = items.map((i) =>
      i.kind === 'event'
        ? serializeEvent(i, '2.0').text
        : i.kind === 'task'
          ? serializeTask(i, '2.0').text
          : '',
    );
    ctx.io.stdout(joinCalendars(texts).trimEnd());
  }
  return 0;
}
