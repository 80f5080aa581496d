/**
 * The Folders screen (DESIGN.md §8.2): three groups of the user's Outlook folders with counts and
 * a sync switch each, and "Create sync folder" per group. Every failure shows as a MessageBar.
 */
import { Button, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { FolderKind } from '../../adapters/graph/folder-name.js';
import type { FolderGroups, FolderRow, FolderService } from '../../app/folders/index.js';
import type { FolderChoice } from '../../core/settings/folder-choices.js';
import { CreateFolderForm } from './CreateFolderForm.js';
import { ErrorBar } from './ErrorBar.js';
import { FolderRowView } from './FolderRowView.js';
import type { ShellLang, ShellTexts } from './texts.js';

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  groupHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

export interface FoldersScreenProps {
  readonly service: FolderService;
  readonly t: ShellTexts;
  readonly lang: ShellLang;
  readonly announce: (text: string) => void;
  /**
   * Called when sync is switched on for a folder; may show the duplicate check (first sync) and
   * return a node to render under the folder list. Without it the switch just saves the choice.
   */
  readonly onEnable?: (row: FolderRow, done: () => void) => ReactNode;
}

type GroupKey = keyof FolderGroups;
const GROUPS: ReadonlyArray<{ key: GroupKey; kind: FolderKind; label: (t: ShellTexts) => string }> = [
  { key: 'contacts', kind: 'contacts', label: (t) => t.groupContacts },
  { key: 'calendars', kind: 'calendar', label: (t) => t.groupCalendars },
  { key: 'taskLists', kind: 'tasks', label: (t) => t.groupTasks },
];

export function FoldersScreen({ service, t, lang, announce, onEnable }: FoldersScreenProps) {
  const s = useStyles();
  const [groups, setGroups] = useState<FolderGroups>();
  const [error, setError] = useState<unknown>();
  const [creating, setCreating] = useState<FolderKind>();
  const [extra, setExtra] = useState<ReactNode>();

  const load = useCallback(async () => {
    setError(undefined);
    try {
      setGroups(await service.list());
    } catch (e) {
      setError(e);
    }
  }, [service]);
  useEffect(() => void load(), [load]);

  const change = async (row: FolderRow, choice: FolderChoice) => {
    try {
      await service.saveChoice(choice);
      setGroups((g) => g && replaceChoice(g, choice));
      announce(t.saved);
      if (choice.enabled && !row.choice.enabled && onEnable)
        setExtra(onEnable({ ...row, choice }, () => setExtra(undefined)));
    } catch (e) {
      setError(e);
    }
  };

  const create = async (kind: FolderKind, key: GroupKey, name: string) => {
    const existing = groups?.[key].map((r) => ({ name: r.folder.name })) ?? [];
    const row = await service.createSyncFolder(kind, name, existing);
    setGroups((g) => g && { ...g, [key]: [...g[key], row] });
    setCreating(undefined);
    announce(t.created(row.folder.name));
  };

  if (error !== undefined && !groups)
    return <ErrorBar error={error} lang={lang} onRetry={() => void load()} />;
  if (!groups) return <Spinner label={t.loading} />;
  return (
    <div>
      {error !== undefined && <ErrorBar error={error} lang={lang} onRetry={() => void load()} />}
      {extra}
      {GROUPS.map(({ key, kind, label }) => (
        <section key={key} className={s.group} aria-labelledby={`group-${key}`}>
          <div className={s.groupHead}>
            <Subtitle2 as="h2" id={`group-${key}`}>
              {label(t)}
            </Subtitle2>
            <Button
              size="small"
              onClick={() => setCreating(kind)}
              aria-label={`${t.createSyncFolder}: ${label(t)}`}
            >
              {t.createSyncFolder}
            </Button>
          </div>
          {creating === kind && (
            <CreateFolderForm
              kind={kind}
              existingNames={groups[key].map((r) => r.folder.name)}
              t={t}
              lang={lang}
              onCreate={(name) => create(kind, key, name)}
              onCancel={() => setCreating(undefined)}
            />
          )}
          {groups[key].length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <ul className={s.list}>
              {groups[key].map((row) => (
                <FolderRowView key={row.folder.id} row={row} t={t} onChange={(c) => void change(row, c)} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function replaceChoice(groups: FolderGroups, choice: FolderChoice): FolderGroups {
  const fix = (rows: readonly FolderRow[]) =>
    rows.map((r) => (r.folder.id === choice.folderId ? { ...r, choice } : r));
  return {
    contacts: fix(groups.contacts),
    calendars: fix(groups.calendars),
    taskLists: fix(groups.taskLists),
  };
}
