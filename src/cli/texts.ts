/**
 * The CLI's words, one table per language (CONVENTIONS.md rule 9): help, one-line error reasons by code, and
 * result lines. Sync outcomes and previews come from the sync app's own tables (src/app/sync/texts.ts).
 */
import type { CliErrorCode, CliErrorDetails } from './errors.js';
import type { CommandName } from './commands.js';

export type CliLanguage = 'en' | 'de';

interface CliTexts {
  readonly usage: string;
  readonly commands: Readonly<Record<CommandName, string>>;
  readonly flags: Readonly<Record<string, string>>;
  readonly exitCodes: string;
  readonly error: Readonly<Record<CliErrorCode, (d: CliErrorDetails) => string>>;
  readonly imported: (n: number, folder: string, failed: number) => string;
  readonly itemFailed: (line: number | undefined, code: string) => string;
  readonly undone: (runId: string, restored: number, failed: number) => string;
  readonly noRuns: string;
  readonly pairs: (n: number) => string;
  readonly within: (n: number) => string;
  readonly linked: (n: number, score: number) => string;
  readonly followUp: string;
  /** Device-code sign-in (stderr): where to go and which code to enter, then who signed in. */
  readonly signIn: {
    readonly deviceCode: (url: string, code: string, minutes: number) => string;
    readonly signedIn: (who: string, cacheFile: string) => string;
  };
}

const d = (x: CliErrorDetails, k: string) => String(x[k] ?? '');

/** The identity platform's answers a person can act on, in words; the code itself stays in the line too. */
const SIGN_IN_REASONS: Readonly<Record<CliLanguage, Readonly<Record<string, string>>>> = {
  en: {
    authorization_declined: 'the sign-in was declined (authorization_declined)',
    expired_token: 'the code expired before anyone signed in (expired_token)',
    device_code_expired: 'the code expired before anyone signed in (device_code_expired)',
  },
  de: {
    authorization_declined: 'die Anmeldung wurde abgelehnt (authorization_declined)',
    expired_token: 'der Code ist abgelaufen, bevor sich jemand angemeldet hat (expired_token)',
    device_code_expired: 'der Code ist abgelaufen, bevor sich jemand angemeldet hat (device_code_expired)',
  },
};

const en: CliTexts = {
  usage: 'Usage: outlook-crm-sync <command> [flags]   (outlook-crm-sync <command> --help for its flags)',
  commands: {
    sync: 'Sync Outlook folders with CRM datastores (or preview with --dry-run).',
    history: 'List the sync runs, newest first; --run ID shows one run item by item.',
    undo: 'Undo the newest run (or --run ID, if it is the newest not yet undone) on the Outlook side.',
    'mailbox import':
      'Import a .vcf (contacts) or .ics (events or tasks) file into a folder of the sandbox mailbox.',
    'mailbox export': "Write a folder's items to standard output as vCard 3.0 or iCalendar 2.0.",
    duplicates: 'Find pairs between an Outlook folder and a CRM datastore (nothing is written on the CRM).',
  },
  flags: {
    mailbox: 'the sandbox mailbox file (created by "mailbox import"); sync state is kept inside it',
    graph:
      'use real Microsoft Graph instead of a sandbox mailbox file (device-code sign-in unless --token-env)',
    'token-env':
      'with --graph: name of the environment variable holding a Graph access token (no sign-in; CI, app-only tokens)',
    'client-id':
      "with --graph: the add-in's Entra ID app registration (or set ADDIN_CLIENT_ID; public client flows allowed)",
    tenant: 'with --graph: the Entra ID tenant id or domain (default: organizations)',
    'no-interactive':
      'with --graph: never wait for a device-code sign-in; fail with exit 6 when the saved sign-in is missing or expired (implied when standard input is not a terminal)',
    state: 'with --graph: the file for sync state and history (default: outlook-crm-sync.state.json)',
    'time-zone': "with --graph: the mailbox's IANA time zone (default: this machine's)",
    lang: 'language of the output (default: from LANG)',
    help: 'show this help',
    crm: 'the CRM SyncML endpoint URL',
    user: 'the CRM user name',
    password: 'the CRM password (or set CRM_PASSWORD; it is never printed)',
    'device-id': 'this client\'s SyncML device id, e.g. "outlook-cli-office1"',
    auth: 'SyncML authentication: md5 (default) or basic',
    pair: 'a folder and its datastore; repeat for more (default: the default contacts, calendar and tasks folders with addressbook, calendar, todo)',
    'dry-run': 'preview only: show what a sync would change, change nothing',
    json: 'print the result as JSON',
    policy: 'conflict policy: crm-wins (default), outlook-wins, newest-wins',
    direction: 'two-way (default), crm-to-outlook, outlook-to-crm',
    'guard-share': 'stop when a run would delete more than this share of a folder (default 0.1)',
    yes: 'continue past the deletion guard',
    'sandbox-latency': 'sandbox mailbox only: delay every emulated Graph request by MS milliseconds',
    run: 'a run id from "history"',
    folder: 'the Outlook folder (contact folder, calendar or To Do list) by name',
    datastore: 'the CRM datastore, e.g. addressbook, calendar, todo',
    'link-above': 'link every pair with at least this score (newer values win); the next sync links them',
  },
  exitCodes:
    'Exit codes: 0 done, 1 other failure, 2 usage error, 3 stopped by the deletion guard, 4 connection or sign-in failed, 5 some items failed, 6 sign-in needed (a person must sign in once).',
  error: {
    UNKNOWN_COMMAND: (x) => `unknown command "${d(x, 'command')}"`,
    UNKNOWN_FLAG: (x) => `unknown flag --${d(x, 'flag')}`,
    MISSING_FLAG: (x) =>
      x['env']
        ? `environment variable ${d(x, 'env')} is empty`
        : `--${d(x, 'flag')}${x['orEnv'] ? ` (or ${d(x, 'orEnv')})` : ''} is required`,
    BAD_FLAG_VALUE: (x) => `--${d(x, 'flag')}: ${d(x, 'reason') || 'bad value'}`,
    MISSING_ARGUMENT: (x) => `missing ${d(x, 'argument')}`,
    FILE_NOT_FOUND: (x) => `file not found: ${d(x, 'path')}`,
    FILE_UNREADABLE: (x) => `cannot read ${d(x, 'path')} (${d(x, 'cause')})`,
    MAILBOX_INVALID: (x) => `${d(x, 'path')} is not a sandbox mailbox file`,
    MAILBOX_BUSY: (x) => `${d(x, 'path')} is in use by another outlook-crm-sync (process ${d(x, 'pid')})`,
    FOLDER_NOT_FOUND: (x) => `no folder named "${d(x, 'folder')}" in the mailbox`,
    FOLDER_KIND_MISMATCH: (x) =>
      `folder "${d(x, 'folder')}" is a ${d(x, 'actual')} folder, the file holds ${d(x, 'expected')}`,
    UNSUPPORTED_FILE: (x) => `${d(x, 'path')}: only .vcf and .ics files can be imported`,
    NO_ITEMS_IMPORTED: (x) => `no item of ${d(x, 'path')} could be imported`,
    CONNECTION_FAILED: (x) => `cannot sync with the CRM: ${d(x, 'reason')}`,
    GRAPH_FAILED: (x) => `the mailbox answered with an error (${d(x, 'reason')})`,
    RUN_FAILED: (x) =>
      `sync failed (${d(x, 'reason')}); nothing was committed, the next sync repeats it safely`,
    RUN_CANCELLED: () => 'sync cancelled; nothing was committed, the next sync repeats it safely',
    GUARD_STOPPED: (x) =>
      `stopped before deleting ${d(x, 'count')} of ${d(x, 'total')} items in ${d(x, 'target')}; run again with --yes to continue`,
    ITEMS_FAILED: (x) => `${d(x, 'count')} items failed; they stay marked and go again in the next sync`,
    NOTHING_TO_UNDO: () => 'no run to undo',
    RUN_NOT_UNDOABLE: (x) =>
      `run ${d(x, 'runId')} is not the newest run that can be undone (${d(x, 'newest')})`,
    STATE_INVALID: (x) => `the sync state in ${d(x, 'where')} is not readable`,
    SIGN_IN_REQUIRED: (x) =>
      `sign-in needed (${d(x, 'reason')}): run the command once in a terminal without --no-interactive; the sign-in is then kept in ${d(x, 'cache')}`,
    SIGN_IN_FAILED: (x) =>
      `sign-in to Microsoft 365 failed: ${SIGN_IN_REASONS.en[d(x, 'reason')] ?? d(x, 'reason')}`,
  },
  imported: (n, folder, failed) =>
    `${n} items imported into "${folder}"${failed ? `, ${failed} failed` : ''}`,
  itemFailed: (line, code) => `  line ${line ?? '?'}: ${code}`,
  undone: (runId, restored, failed) =>
    `undid run ${runId}: ${restored} items restored${failed ? `, ${failed} failed` : ''}`,
  noRuns: 'no runs yet',
  pairs: (n) => `${n} likely pairs between Outlook and the CRM:`,
  within: (n) => `${n} likely duplicates within the Outlook folder:`,
  linked: (n, score) =>
    `${n} pairs with score ≥ ${score} linked: the next sync links them instead of copying`,
  followUp: 'sending the merged values of linked pairs to the CRM',
  signIn: {
    deviceCode: (url, code, minutes) =>
      `To sign in to Microsoft 365, open ${url} and enter the code ${code} (valid for ${minutes} minutes).`,
    signedIn: (who, cacheFile) => `Signed in as ${who}; the sign-in is kept in ${cacheFile}.`,
  },
};

const de: CliTexts = {
  usage:
    'Aufruf: outlook-crm-sync <Befehl> [Optionen]   (outlook-crm-sync <Befehl> --help zeigt seine Optionen)',
  commands: {
    sync: 'Outlook-Ordner mit CRM-Datenspeichern synchronisieren (mit --dry-run nur Vorschau).',
    history:
      'Die Synchronisierungen auflisten, neueste zuerst; --run ID zeigt einen Lauf Element für Element.',
    undo: 'Den neuesten Lauf (oder --run ID, wenn er der neueste noch nicht rückgängig gemachte ist) in Outlook rückgängig machen.',
    'mailbox import':
      'Eine .vcf-Datei (Kontakte) oder .ics-Datei (Termine oder Aufgaben) in einen Ordner des Sandbox-Postfachs importieren.',
    'mailbox export':
      'Die Elemente eines Ordners als vCard 3.0 oder iCalendar 2.0 auf die Standardausgabe schreiben.',
    duplicates:
      'Paare zwischen einem Outlook-Ordner und einem CRM-Datenspeicher finden (im CRM wird nichts geschrieben).',
  },
  flags: {
    mailbox:
      'die Sandbox-Postfachdatei (von "mailbox import" angelegt); der Synchronisierungsstand liegt darin',
    graph:
      'echtes Microsoft Graph statt einer Sandbox-Postfachdatei verwenden (Anmeldung mit Gerätecode, außer mit --token-env)',
    'token-env':
      'mit --graph: Name der Umgebungsvariable mit einem Graph-Zugriffstoken (keine Anmeldung; CI, App-Token)',
    'client-id':
      'mit --graph: die Entra-ID-App-Registrierung des Add-ins (oder ADDIN_CLIENT_ID setzen; öffentliche Client-Flows erlaubt)',
    tenant: 'mit --graph: Entra-ID-Mandant als ID oder Domäne (Standard: organizations)',
    'no-interactive':
      'mit --graph: nie auf eine Anmeldung mit Gerätecode warten; mit Rückgabewert 6 enden, wenn die gespeicherte Anmeldung fehlt oder abgelaufen ist (gilt auch, wenn die Standardeingabe kein Terminal ist)',
    state:
      'mit --graph: Datei für Synchronisierungsstand und Verlauf (Standard: outlook-crm-sync.state.json)',
    'time-zone': 'mit --graph: IANA-Zeitzone des Postfachs (Standard: die dieses Rechners)',
    lang: 'Sprache der Ausgabe (Standard: aus LANG)',
    help: 'diese Hilfe zeigen',
    crm: 'die SyncML-Adresse des CRM',
    user: 'der Benutzername im CRM',
    password: 'das CRM-Passwort (oder CRM_PASSWORD setzen; es wird nie ausgegeben)',
    'device-id': 'die SyncML-Geräte-ID dieses Clients, z. B. "outlook-cli-buero1"',
    auth: 'SyncML-Anmeldung: md5 (Standard) oder basic',
    pair: 'ein Ordner und sein Datenspeicher; für mehrere wiederholen (Standard: Standardordner für Kontakte, Kalender und Aufgaben mit addressbook, calendar, todo)',
    'dry-run': 'nur Vorschau: zeigen, was sich ändern würde, nichts ändern',
    json: 'das Ergebnis als JSON ausgeben',
    policy: 'Konfliktregel: crm-wins (Standard), outlook-wins, newest-wins',
    direction: 'two-way (Standard), crm-to-outlook, outlook-to-crm',
    'guard-share':
      'anhalten, wenn ein Lauf mehr als diesen Anteil eines Ordners löschen würde (Standard 0,1)',
    yes: 'trotz Löschschutz fortfahren',
    'sandbox-latency': 'nur Sandbox-Postfach: jede emulierte Graph-Anfrage um MS Millisekunden verzögern',
    run: 'eine Lauf-ID aus "history"',
    folder: 'der Outlook-Ordner (Kontaktordner, Kalender oder Aufgabenliste) nach Name',
    datastore: 'der CRM-Datenspeicher, z. B. addressbook, calendar, todo',
    'link-above':
      'alle Paare ab dieser Punktzahl verknüpfen (neuere Werte gewinnen); die nächste Synchronisierung verknüpft sie',
  },
  exitCodes:
    'Rückgabewerte: 0 erledigt, 1 anderer Fehler, 2 Aufruffehler, 3 vom Löschschutz angehalten, 4 Verbindung oder Anmeldung fehlgeschlagen, 5 einzelne Elemente fehlgeschlagen, 6 Anmeldung nötig (einmal von Hand anmelden).',
  error: {
    UNKNOWN_COMMAND: (x) => `unbekannter Befehl "${d(x, 'command')}"`,
    UNKNOWN_FLAG: (x) => `unbekannte Option --${d(x, 'flag')}`,
    MISSING_FLAG: (x) =>
      x['env']
        ? `Umgebungsvariable ${d(x, 'env')} ist leer`
        : `--${d(x, 'flag')}${x['orEnv'] ? ` (oder ${d(x, 'orEnv')})` : ''} fehlt`,
    BAD_FLAG_VALUE: (x) => `--${d(x, 'flag')}: ${d(x, 'reason') || 'ungültiger Wert'}`,
    MISSING_ARGUMENT: (x) => `${d(x, 'argument')} fehlt`,
    FILE_NOT_FOUND: (x) => `Datei nicht gefunden: ${d(x, 'path')}`,
    FILE_UNREADABLE: (x) => `${d(x, 'path')} kann nicht gelesen werden (${d(x, 'cause')})`,
    MAILBOX_INVALID: (x) => `${d(x, 'path')} ist keine Sandbox-Postfachdatei`,
    MAILBOX_BUSY: (x) =>
      `${d(x, 'path')} wird von einem anderen outlook-crm-sync benutzt (Prozess ${d(x, 'pid')})`,
    FOLDER_NOT_FOUND: (x) => `kein Ordner "${d(x, 'folder')}" im Postfach`,
    FOLDER_KIND_MISMATCH: (x) =>
      `Ordner "${d(x, 'folder')}" ist ein ${d(x, 'actual')}-Ordner, die Datei enthält ${d(x, 'expected')}`,
    UNSUPPORTED_FILE: (x) => `${d(x, 'path')}: nur .vcf- und .ics-Dateien können importiert werden`,
    NO_ITEMS_IMPORTED: (x) => `kein Element aus ${d(x, 'path')} konnte importiert werden`,
    CONNECTION_FAILED: (x) => `Synchronisierung mit dem CRM nicht möglich: ${d(x, 'reason')}`,
    GRAPH_FAILED: (x) => `das Postfach hat mit einem Fehler geantwortet (${d(x, 'reason')})`,
    RUN_FAILED: (x) =>
      `Synchronisierung fehlgeschlagen (${d(x, 'reason')}); nichts wurde übernommen, die nächste wiederholt sie sicher`,
    RUN_CANCELLED: () =>
      'Synchronisierung abgebrochen; nichts wurde übernommen, die nächste wiederholt sie sicher',
    GUARD_STOPPED: (x) =>
      `angehalten vor dem Löschen von ${d(x, 'count')} von ${d(x, 'total')} Elementen in ${d(x, 'target')}; mit --yes fortfahren`,
    ITEMS_FAILED: (x) =>
      `${d(x, 'count')} Elemente fehlgeschlagen; sie bleiben vorgemerkt und gehen bei der nächsten Synchronisierung erneut`,
    NOTHING_TO_UNDO: () => 'kein Lauf zum Rückgängigmachen',
    RUN_NOT_UNDOABLE: (x) =>
      `Lauf ${d(x, 'runId')} ist nicht der neueste rückgängig zu machende Lauf (${d(x, 'newest')})`,
    STATE_INVALID: (x) => `der Synchronisierungsstand in ${d(x, 'where')} ist nicht lesbar`,
    SIGN_IN_REQUIRED: (x) =>
      `Anmeldung nötig (${d(x, 'reason')}): den Befehl einmal in einem Terminal ohne --no-interactive ausführen; die Anmeldung wird dann in ${d(x, 'cache')} gespeichert`,
    SIGN_IN_FAILED: (x) =>
      `Anmeldung bei Microsoft 365 fehlgeschlagen: ${SIGN_IN_REASONS.de[d(x, 'reason')] ?? d(x, 'reason')}`,
  },
  imported: (n, folder, failed) =>
    `${n} Elemente in "${folder}" importiert${failed ? `, ${failed} fehlgeschlagen` : ''}`,
  itemFailed: (line, code) => `  Zeile ${line ?? '?'}: ${code}`,
  undone: (runId, restored, failed) =>
    `Lauf ${runId} rückgängig gemacht: ${restored} Elemente wiederhergestellt${failed ? `, ${failed} fehlgeschlagen` : ''}`,
  noRuns: 'noch keine Läufe',
  pairs: (n) => `${n} wahrscheinliche Paare zwischen Outlook und dem CRM:`,
  within: (n) => `${n} wahrscheinliche Dubletten im Outlook-Ordner:`,
  linked: (n, score) =>
    `${n} Paare ab Punktzahl ${score} verknüpft: die nächste Synchronisierung verknüpft sie, statt zu kopieren`,
  followUp: 'die zusammengeführten Werte verknüpfter Paare gehen an das CRM',
  signIn: {
    deviceCode: (url, code, minutes) =>
      `Zur Anmeldung bei Microsoft 365 ${url} öffnen und den Code ${code} eingeben (gültig für ${minutes} Minuten).`,
    signedIn: (who, cacheFile) => `Angemeldet als ${who}; die Anmeldung wird in ${cacheFile} gespeichert.`,
  },
};

export const CLI_TEXTS: Readonly<Record<CliLanguage, CliTexts>> = { en, de };

export function languageOf(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): CliLanguage {
  if (flag === 'de' || flag === 'en') return flag;
  const lang = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return lang.toLowerCase().startsWith('de') ? 'de' : 'en';
}
