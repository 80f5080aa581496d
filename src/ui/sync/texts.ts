/**
 * The sync screens' words, one table per language (CONVENTIONS.md rule 9). Run outcomes, run errors and item
 * failures come from the engine's SYNC_TEXTS; this table adds the screens' own labels and what-to-do texts.
 * Outlook's German terms where they exist (Kontakte, Kalender, Aufgaben, Synchronisieren).
 */
import type { ConnectionCheck } from '../../core/syncml/index.js';
import type { ConnectionField, ConnectionIssue } from '../../app/pane/connection-settings.js';
import type { ConflictPolicyName, JournalEntry } from '../../core/sync/index.js';

export type UiLanguage = 'de' | 'en';
type Count = (n: number) => string;

export interface SyncScreenTexts {
  readonly tabs: { readonly sync: string; readonly history: string };
  readonly syncNow: string;
  readonly preview: string;
  readonly cancel: string;
  readonly confirm: string;
  readonly loading: string;
  readonly previewTitle: string;
  readonly previewHint: string;
  readonly toOutlook: string;
  readonly toCrm: string;
  readonly showNames: Count;
  readonly heldBack: Count;
  readonly wouldStop: string;
  readonly progressLabel: (folder: string) => string;
  readonly progressValue: (done: number, planned: number) => string;
  readonly progressAnnounce: (folder: string, done: number, planned: number) => string;
  readonly cancelling: string;
  readonly guardTitle: string;
  readonly guardContinue: string;
  readonly guardStop: string;
  readonly guardListLabel: string;
  readonly resultCounts: (toOutlook: number, toCrm: number, failed: number) => string;
  readonly historyEmpty: string;
  readonly historyNote: string;
  readonly runTitle: (when: string, outcome: string) => string;
  readonly undoRun: string;
  readonly undone: string;
  readonly undoDone: (restored: number, failed: number) => string;
  readonly restoreVersion: string;
  readonly restored: string;
  readonly entry: Readonly<Record<JournalEntry['result'], string>>;
  readonly side: { readonly outlook: string; readonly crm: string };
  readonly conflictWinner: (winner: 'crm' | 'outlook') => string;
  readonly crmVersion: string;
  readonly outlookVersion: string;
  readonly deletedVersion: string;
  readonly noEntries: string;
  readonly whatToDo: string;
  readonly errors: {
    readonly NO_FOLDERS: string;
    readonly CONNECTION_INVALID: string;
    readonly SETTINGS_INVALID: string;
    readonly STORAGE_UNAVAILABLE: string;
    readonly STORAGE_FAILED: string;
    readonly SETTINGS_TOO_LARGE: string;
    readonly STORAGE_INVALID: string;
    readonly unknown: string;
  };
  readonly settings: {
    readonly title: string;
    readonly fields: Readonly<Record<ConnectionField, string>>;
    readonly lockedByAdmin: string;
    readonly remember: string;
    readonly rememberOffNote: string;
    readonly rememberOnNote: string;
    readonly deviceIdHint: string;
    readonly policy: string;
    readonly policies: Readonly<Record<ConflictPolicyName, string>>;
    readonly guardHint: string;
    readonly pastDays: string;
    readonly futureDays: string;
    readonly save: string;
    readonly saved: string;
    readonly check: string;
    readonly checking: string;
    readonly issue: Readonly<Record<ConnectionIssue['reason'], string>>;
    readonly check_result: Readonly<Record<ConnectionCheck['kind'], string>>;
    readonly check_todo: Readonly<Record<ConnectionCheck['kind'], string>>;
  };
}

const en: SyncScreenTexts = {
  tabs: { sync: 'Sync', history: 'History' },
  syncNow: 'Sync now',
  preview: 'Preview',
  cancel: 'Cancel',
  confirm: 'Confirm and sync',
  loading: 'Loading sync…',
  previewTitle: 'What a sync would do',
  previewHint: 'Nothing has been written yet.',
  toOutlook: 'CRM → Outlook',
  toCrm: 'Outlook → CRM',
  showNames: (n) => `Show ${n} ${n === 1 ? 'item' : 'items'}`,
  heldBack: (n) =>
    `${n} Outlook ${n === 1 ? 'change is' : 'changes are'} held back by the folder's direction`,
  wouldStop: 'The real sync would stop and ask before these deletions.',
  progressLabel: (folder) => `Syncing ${folder}`,
  progressValue: (done, planned) => `${done} of ${planned} items`,
  progressAnnounce: (folder, done, planned) => `${folder}: ${done} of ${planned} items`,
  cancelling: 'Cancelling…',
  guardTitle: 'Delete these items?',
  guardContinue: 'Continue and delete',
  guardStop: 'Stop',
  guardListLabel: 'Items that would be deleted',
  resultCounts: (o, c, f) =>
    `${o} written to Outlook, ${c} sent to the CRM${f > 0 ? `, ${f} failed (see History)` : ''}`,
  historyEmpty: 'No sync has run yet.',
  historyNote:
    'The history is kept in this browser only: another computer or browser does not show it and cannot undo these runs.',
  runTitle: (when, outcome) => `${when} – ${outcome}`,
  undoRun: 'Undo this run',
  undone: 'Undone',
  undoDone: (r, f) =>
    `${r} Outlook changes undone${f > 0 ? `, ${f} could not be undone` : ''}. The next sync brings the CRM in line.`,
  restoreVersion: 'Restore this version',
  restored: 'Version restored in Outlook. The next sync sends it to the CRM.',
  entry: {
    created: 'created in Outlook',
    updated: 'updated in Outlook',
    deleted: 'deleted in Outlook',
    sent: 'sent to the CRM',
    failed: 'failed',
    conflict: 'conflict',
  },
  side: { outlook: 'Outlook', crm: 'CRM' },
  conflictWinner: (w) => (w === 'crm' ? 'The CRM version was kept.' : 'The Outlook version was kept.'),
  crmVersion: 'CRM version',
  outlookVersion: 'Outlook version',
  deletedVersion: '(deleted)',
  noEntries: 'No item changed.',
  whatToDo: 'What to do',
  errors: {
    NO_FOLDERS: 'No folder is switched on for sync. Switch on a folder under Folders.',
    CONNECTION_INVALID: 'The CRM connection is not complete. Open the settings and fill in the marked field.',
    SETTINGS_INVALID: 'The saved settings cannot be read. Enter the connection again in the settings.',
    STORAGE_UNAVAILABLE:
      'This browser does not allow the add-in to store data (private window or blocked site data). Allow site data and reopen the pane.',
    STORAGE_FAILED: 'The sync state could not be saved. Sync again.',
    SETTINGS_TOO_LARGE: 'Too many folders for the add-in settings. Switch off a folder you do not need.',
    STORAGE_INVALID: 'The saved sync state cannot be read. The next sync starts over safely.',
    unknown: 'Something went wrong. Try again; if it happens again, reload the pane.',
  },
  settings: {
    title: 'CRM connection',
    fields: {
      endpoint: 'CRM address (SyncML)',
      user: 'User name',
      password: 'Password',
      deviceId: 'Device ID',
      guardShare: 'Ask before deleting more than (%)',
      calendarWindow: 'Calendar range',
    },
    lockedByAdmin: 'Set by your administrator.',
    remember: 'Remember password',
    rememberOffNote: 'The password is kept only while this pane is open.',
    rememberOnNote:
      "The password is saved in this add-in's settings in your mailbox (Office roaming settings). They are not encrypted by the add-in and are not a password safe: anyone who can run this add-in in your mailbox can read it.",
    deviceIdHint: 'Created once for your mailbox; the CRM knows this add-in by it.',
    policy: 'When both sides changed an item',
    policies: {
      'crm-wins': 'The CRM wins',
      'outlook-wins': 'Outlook wins',
      'newest-wins': 'The newer change wins',
    },
    guardHint: 'A sync that would delete more than this share of a folder (or empty it) stops and asks.',
    pastDays: 'Days back',
    futureDays: 'Days ahead',
    save: 'Save',
    saved: 'Settings saved.',
    check: 'Check connection',
    checking: 'Checking…',
    issue: {
      missing: 'Required.',
      'not-http-url': 'Enter an address starting with https://',
      'credentials-in-url': 'Do not put a user name or password into the address.',
      'out-of-range': 'Value out of range.',
    },
    check_result: {
      ok: 'Connected. The CRM answered as a SyncML server.',
      unreachable: 'The CRM cannot be reached.',
      'wrong-password': 'The CRM refused the user name or password.',
      'unknown-device': 'The CRM does not know this device.',
      'not-syncml': 'The address answers, but it is not a SyncML server.',
      'server-error': 'The CRM answered with an error.',
    },
    check_todo: {
      ok: '',
      unreachable: 'Check the address and your network, then try again.',
      'wrong-password': 'Check user name and password.',
      'unknown-device': 'Ask your CRM administrator to allow this device ID.',
      'not-syncml': "Check the address: it must be the CRM's SyncML endpoint.",
      'server-error': 'Try again later; if it persists, tell your CRM administrator.',
    },
  },
};

const de: SyncScreenTexts = {
  tabs: { sync: 'Synchronisieren', history: 'Verlauf' },
  syncNow: 'Jetzt synchronisieren',
  preview: 'Vorschau',
  cancel: 'Abbrechen',
  confirm: 'Bestätigen und synchronisieren',
  loading: 'Synchronisierung wird geladen …',
  previewTitle: 'Was eine Synchronisierung tun würde',
  previewHint: 'Es wurde noch nichts geschrieben.',
  toOutlook: 'CRM → Outlook',
  toCrm: 'Outlook → CRM',
  showNames: (n) => `${n} ${n === 1 ? 'Element' : 'Elemente'} anzeigen`,
  heldBack: (n) =>
    `${n} ${n === 1 ? 'Änderung' : 'Änderungen'} in Outlook ${n === 1 ? 'wird' : 'werden'} wegen der Richtung des Ordners zurückgehalten`,
  wouldStop: 'Die echte Synchronisierung würde vor diesen Löschungen anhalten und fragen.',
  progressLabel: (folder) => `${folder} wird synchronisiert`,
  progressValue: (done, planned) => `${done} von ${planned} Elementen`,
  progressAnnounce: (folder, done, planned) => `${folder}: ${done} von ${planned} Elementen`,
  cancelling: 'Wird abgebrochen …',
  guardTitle: 'Diese Elemente löschen?',
  guardContinue: 'Fortfahren und löschen',
  guardStop: 'Anhalten',
  guardListLabel: 'Elemente, die gelöscht würden',
  resultCounts: (o, c, f) =>
    `${o} in Outlook geschrieben, ${c} an das CRM gesendet${f > 0 ? `, ${f} fehlgeschlagen (siehe Verlauf)` : ''}`,
  historyEmpty: 'Es wurde noch nicht synchronisiert.',
  historyNote:
    'Der Verlauf wird nur in diesem Browser gespeichert: Ein anderer Computer oder Browser zeigt ihn nicht an und kann diese Läufe nicht rückgängig machen.',
  runTitle: (when, outcome) => `${when} – ${outcome}`,
  undoRun: 'Diesen Lauf rückgängig machen',
  undone: 'Rückgängig gemacht',
  undoDone: (r, f) =>
    `${r} Änderungen in Outlook rückgängig gemacht${f > 0 ? `, ${f} nicht möglich` : ''}. Die nächste Synchronisierung gleicht das CRM an.`,
  restoreVersion: 'Diese Version wiederherstellen',
  restored: 'Version in Outlook wiederhergestellt. Die nächste Synchronisierung sendet sie an das CRM.',
  entry: {
    created: 'in Outlook erstellt',
    updated: 'in Outlook geändert',
    deleted: 'in Outlook gelöscht',
    sent: 'an das CRM gesendet',
    failed: 'fehlgeschlagen',
    conflict: 'Konflikt',
  },
  side: { outlook: 'Outlook', crm: 'CRM' },
  conflictWinner: (w) =>
    w === 'crm' ? 'Die Version aus dem CRM wurde übernommen.' : 'Die Version aus Outlook wurde übernommen.',
  crmVersion: 'Version im CRM',
  outlookVersion: 'Version in Outlook',
  deletedVersion: '(gelöscht)',
  noEntries: 'Kein Element wurde geändert.',
  whatToDo: 'Was tun',
  errors: {
    NO_FOLDERS:
      'Kein Ordner ist für die Synchronisierung eingeschaltet. Schalten Sie unter „Ordner“ einen Ordner ein.',
    CONNECTION_INVALID:
      'Die CRM-Verbindung ist unvollständig. Öffnen Sie die Einstellungen und füllen Sie das markierte Feld aus.',
    SETTINGS_INVALID:
      'Die gespeicherten Einstellungen sind nicht lesbar. Geben Sie die Verbindung in den Einstellungen neu ein.',
    STORAGE_UNAVAILABLE:
      'Dieser Browser erlaubt dem Add-in nicht, Daten zu speichern (privates Fenster oder gesperrte Websitedaten). Websitedaten erlauben und den Bereich neu öffnen.',
    STORAGE_FAILED:
      'Der Synchronisierungsstand konnte nicht gespeichert werden. Bitte erneut synchronisieren.',
    SETTINGS_TOO_LARGE:
      'Zu viele Ordner für die Add-in-Einstellungen. Schalten Sie einen nicht benötigten Ordner aus.',
    STORAGE_INVALID:
      'Der gespeicherte Stand ist nicht lesbar. Die nächste Synchronisierung beginnt sicher neu.',
    unknown: 'Etwas ist schiefgelaufen. Bitte erneut versuchen; passiert es wieder, den Bereich neu laden.',
  },
  settings: {
    title: 'CRM-Verbindung',
    fields: {
      endpoint: 'CRM-Adresse (SyncML)',
      user: 'Benutzername',
      password: 'Kennwort',
      deviceId: 'Geräte-ID',
      guardShare: 'Vor dem Löschen von mehr als (%) fragen',
      calendarWindow: 'Kalenderzeitraum',
    },
    lockedByAdmin: 'Von Ihrer Administration festgelegt.',
    remember: 'Kennwort speichern',
    rememberOffNote: 'Das Kennwort wird nur behalten, solange dieser Bereich geöffnet ist.',
    rememberOnNote:
      'Das Kennwort wird in den Einstellungen dieses Add-ins in Ihrem Postfach gespeichert (Office-Roamingeinstellungen). Das Add-in verschlüsselt sie nicht, sie sind kein Kennworttresor: Wer dieses Add-in in Ihrem Postfach ausführen kann, kann es lesen.',
    deviceIdHint: 'Einmal für Ihr Postfach erzeugt; das CRM erkennt dieses Add-in daran.',
    policy: 'Wenn ein Element auf beiden Seiten geändert wurde',
    policies: {
      'crm-wins': 'Das CRM gewinnt',
      'outlook-wins': 'Outlook gewinnt',
      'newest-wins': 'Die neuere Änderung gewinnt',
    },
    guardHint:
      'Eine Synchronisierung, die mehr als diesen Anteil eines Ordners löschen (oder ihn leeren) würde, hält an und fragt.',
    pastDays: 'Tage zurück',
    futureDays: 'Tage voraus',
    save: 'Speichern',
    saved: 'Einstellungen gespeichert.',
    check: 'Verbindung prüfen',
    checking: 'Wird geprüft …',
    issue: {
      missing: 'Pflichtfeld.',
      'not-http-url': 'Geben Sie eine Adresse ein, die mit https:// beginnt.',
      'credentials-in-url': 'Benutzername oder Kennwort gehören nicht in die Adresse.',
      'out-of-range': 'Wert außerhalb des erlaubten Bereichs.',
    },
    check_result: {
      ok: 'Verbunden. Das CRM hat als SyncML-Server geantwortet.',
      unreachable: 'Das CRM ist nicht erreichbar.',
      'wrong-password': 'Das CRM hat Benutzername oder Kennwort abgelehnt.',
      'unknown-device': 'Das CRM kennt dieses Gerät nicht.',
      'not-syncml': 'Unter der Adresse antwortet etwas, aber kein SyncML-Server.',
      'server-error': 'Das CRM hat mit einem Fehler geantwortet.',
    },
    check_todo: {
      ok: '',
      unreachable: 'Adresse und Netzwerk prüfen, dann erneut versuchen.',
      'wrong-password': 'Benutzername und Kennwort prüfen.',
      'unknown-device': 'Bitten Sie Ihre CRM-Administration, diese Geräte-ID zuzulassen.',
      'not-syncml': 'Adresse prüfen: Es muss der SyncML-Zugang des CRM sein.',
      'server-error': 'Später erneut versuchen; bleibt der Fehler, die CRM-Administration informieren.',
    },
  },
};

export const SYNC_SCREEN_TEXTS: Readonly<Record<UiLanguage, SyncScreenTexts>> = { en, de };
