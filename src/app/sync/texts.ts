/**
 * User-facing words for sync results, one table per language (CONVENTIONS.md rule 9): the pane and the CLI
 * pick text by code, never parse messages. Both tables have the same type, so a code without text in one
 * language does not compile.
 */
import type { GuardTrip, ItemFailureCode, RunOutcome, SyncErrorCode } from '../../core/sync/index.js';
import type { FolderPreview } from '../../core/sync/index.js';

export type SyncLanguage = 'en' | 'de';

type Count = (n: number) => string;

interface SyncTexts {
  readonly preview: {
    readonly newInOutlook: Count;
    readonly changedInOutlook: Count;
    readonly deletedInOutlook: Count;
    readonly newInCrm: Count;
    readonly changedInCrm: Count;
    readonly deletedInCrm: Count;
    readonly conflicts: Count;
    readonly nothing: string;
  };
  readonly outcome: Readonly<Record<RunOutcome, string>>;
  readonly runError: Readonly<Record<SyncErrorCode, string>>;
  readonly itemFailure: Readonly<Record<ItemFailureCode, string>>;
  readonly guard: (trip: GuardTrip) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: SyncTexts = {
  preview: {
    newInOutlook: (n) => `${n} new in Outlook`,
    changedInOutlook: (n) => `${n} changed in Outlook`,
    deletedInOutlook: (n) => `${plural(n, 'deletion', 'deletions')} in Outlook`,
    newInCrm: (n) => `${n} new in the CRM`,
    changedInCrm: (n) => `${n} changed in the CRM`,
    deletedInCrm: (n) => `${plural(n, 'deletion', 'deletions')} in the CRM`,
    conflicts: (n) => plural(n, 'conflict', 'conflicts'),
    nothing: 'Nothing to sync',
  },
  outcome: {
    completed: 'Sync finished',
    cancelled: 'Sync cancelled — nothing was committed; the next sync repeats it safely',
    failed: 'Sync failed — nothing was committed; the next sync repeats it safely',
    'stopped-by-guard': 'Sync stopped before deleting',
  },
  runError: {
    CHECKPOINT_WRITER_BUSY: 'Another sync is saving its state. Try again in a moment.',
    COMMIT_AFTER_CANCEL: 'The sync was cancelled before its state was saved.',
    STATE_MISMATCH: 'The saved sync state does not fit this folder. The next sync starts over safely.',
    RUN_IN_PROGRESS: 'A sync is already running. Wait for it to finish.',
    CANCELLED: 'The sync was cancelled.',
    SESSION_FAILED: 'The CRM connection failed. Check the connection in the settings and sync again.',
    OUTLOOK_READ_FAILED: 'Outlook could not be read. Check your connection and sync again.',
    OUTLOOK_WRITE_FAILED: 'Outlook refused the change.',
    STORAGE_FAILED: 'The sync state could not be saved. Sync again.',
    UNEXPECTED_EVENT: 'The sync stopped on an internal error. Nothing was committed.',
    JOURNAL_NOT_FOUND: 'There is no run to undo or restore.',
    NOT_RESTORABLE: 'This entry has no version to restore.',
  },
  itemFailure: {
    UNPARSEABLE: 'The CRM sent data this add-in cannot read.',
    SERVER_REJECTED: 'The CRM refused the change; it is sent again next time.',
    OUTLOOK_REJECTED: 'Outlook refused the change; it is tried again next time.',
    UNKNOWN_LUID: 'The CRM named an item this add-in does not know.',
    DIRECTION_BLOCKED: 'Not applied: this folder syncs Outlook → CRM only.',
    CANCELLED: 'Not written: the sync was cancelled.',
    OUTLOOK_UNREADABLE: 'Outlook has this item but the add-in cannot read it; it was left alone.',
    PARTIAL_WRITE: 'Outlook stored only part of this item; it is written again next time.',
  },
  guard: (t) =>
    t.reason === 'FOLDER_WOULD_EMPTY'
      ? `This sync would delete all ${t.folderItemCount} items ${t.target === 'outlook' ? 'in Outlook' : 'in the CRM'}.`
      : `This sync would delete ${t.deletions.length} of ${t.folderItemCount} items ${t.target === 'outlook' ? 'in Outlook' : 'in the CRM'}.`,
};

const de: SyncTexts = {
  preview: {
    newInOutlook: (n) => `${n} neu in Outlook`,
    changedInOutlook: (n) => `${n} geändert in Outlook`,
    deletedInOutlook: (n) => `${plural(n, 'Löschung', 'Löschungen')} in Outlook`,
    newInCrm: (n) => `${n} neu im CRM`,
    changedInCrm: (n) => `${n} geändert im CRM`,
    deletedInCrm: (n) => `${plural(n, 'Löschung', 'Löschungen')} im CRM`,
    conflicts: (n) => plural(n, 'Konflikt', 'Konflikte'),
    nothing: 'Nichts zu synchronisieren',
  },
  outcome: {
    completed: 'Synchronisierung abgeschlossen',
    cancelled: 'Synchronisierung abgebrochen – nichts wurde übernommen; die nächste wiederholt sie sicher',
    failed: 'Synchronisierung fehlgeschlagen – nichts wurde übernommen; die nächste wiederholt sie sicher',
    'stopped-by-guard': 'Synchronisierung vor dem Löschen angehalten',
  },
  runError: {
    CHECKPOINT_WRITER_BUSY:
      'Eine andere Synchronisierung speichert gerade. Bitte gleich noch einmal versuchen.',
    COMMIT_AFTER_CANCEL: 'Die Synchronisierung wurde abgebrochen, bevor ihr Stand gespeichert war.',
    STATE_MISMATCH:
      'Der gespeicherte Stand passt nicht zu diesem Ordner. Die nächste Synchronisierung beginnt sicher neu.',
    RUN_IN_PROGRESS: 'Eine Synchronisierung läuft bereits. Bitte warten, bis sie fertig ist.',
    CANCELLED: 'Die Synchronisierung wurde abgebrochen.',
    SESSION_FAILED:
      'Die Verbindung zum CRM ist fehlgeschlagen. Verbindung in den Einstellungen prüfen und erneut synchronisieren.',
    OUTLOOK_READ_FAILED: 'Outlook konnte nicht gelesen werden. Verbindung prüfen und erneut synchronisieren.',
    OUTLOOK_WRITE_FAILED: 'Outlook hat die Änderung abgelehnt.',
    STORAGE_FAILED:
      'Der Synchronisierungsstand konnte nicht gespeichert werden. Bitte erneut synchronisieren.',
    UNEXPECTED_EVENT:
      'Die Synchronisierung hat wegen eines internen Fehlers angehalten. Nichts wurde übernommen.',
    JOURNAL_NOT_FOUND: 'Es gibt keinen Lauf zum Rückgängigmachen oder Wiederherstellen.',
    NOT_RESTORABLE: 'Für diesen Eintrag gibt es keine Version zum Wiederherstellen.',
  },
  itemFailure: {
    UNPARSEABLE: 'Das CRM hat Daten gesendet, die das Add-in nicht lesen kann.',
    SERVER_REJECTED: 'Das CRM hat die Änderung abgelehnt; sie wird beim nächsten Mal erneut gesendet.',
    OUTLOOK_REJECTED: 'Outlook hat die Änderung abgelehnt; sie wird beim nächsten Mal erneut versucht.',
    UNKNOWN_LUID: 'Das CRM hat ein Element genannt, das das Add-in nicht kennt.',
    DIRECTION_BLOCKED: 'Nicht übernommen: Dieser Ordner synchronisiert nur Outlook → CRM.',
    CANCELLED: 'Nicht geschrieben: Die Synchronisierung wurde abgebrochen.',
    OUTLOOK_UNREADABLE:
      'Outlook hat dieses Element, das Add-in kann es aber nicht lesen; es bleibt unverändert.',
    PARTIAL_WRITE:
      'Outlook hat nur einen Teil dieses Elements gespeichert; es wird beim nächsten Mal erneut geschrieben.',
  },
  guard: (t) =>
    t.reason === 'FOLDER_WOULD_EMPTY'
      ? `Diese Synchronisierung würde alle ${t.folderItemCount} Elemente ${t.target === 'outlook' ? 'in Outlook' : 'im CRM'} löschen.`
      : `Diese Synchronisierung würde ${t.deletions.length} von ${t.folderItemCount} Elementen ${t.target === 'outlook' ? 'in Outlook' : 'im CRM'} löschen.`,
};

export const SYNC_TEXTS: Readonly<Record<SyncLanguage, SyncTexts>> = { en, de };

/** "12 new in Outlook, 3 changed in the CRM, 1 deletion in Outlook" — zero counts are left out. */
export function describePreview(preview: FolderPreview, language: SyncLanguage): string {
  const t = SYNC_TEXTS[language].preview;
  const parts = [
    [preview.toOutlook.creates, t.newInOutlook],
    [preview.toOutlook.updates, t.changedInOutlook],
    [preview.toOutlook.deletes, t.deletedInOutlook],
    [preview.toCrm.creates, t.newInCrm],
    [preview.toCrm.updates, t.changedInCrm],
    [preview.toCrm.deletes, t.deletedInCrm],
    [preview.conflicts, t.conflicts],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, text]) => text(n));
  return said.length > 0 ? said.join(', ') : t.nothing;
}
