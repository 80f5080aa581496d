/**
 * Every error the shell can meet, as a translated sentence with what to do next. Keyed by the
 * typed error's code (GraphError, FolderNameError, SignInError), never by message text.
 */
import type { ShellLang } from './texts.js';

type Entry = { readonly en: string; readonly de: string };

const ERRORS: Readonly<Record<string, Entry>> = {
  UNAUTHENTICATED: {
    en: 'Your sign-in has expired. Close and reopen the pane to sign in again.',
    de: 'Ihre Anmeldung ist abgelaufen. Schließen und öffnen Sie den Bereich erneut, um sich neu anzumelden.',
  },
  FORBIDDEN: {
    en: 'The add-in lacks permission to read your folders. Ask your administrator to grant the Contacts, Calendars and Tasks permissions.',
    de: 'Dem Add-in fehlt die Berechtigung, Ihre Ordner zu lesen. Bitten Sie Ihre Administration, die Berechtigungen für Kontakte, Kalender und Aufgaben zu erteilen.',
  },
  THROTTLED: {
    en: 'Outlook is busy and asked us to slow down. Wait a minute, then try again.',
    de: 'Outlook ist ausgelastet und hat um eine Pause gebeten. Warten Sie eine Minute und versuchen Sie es dann erneut.',
  },
  UNAVAILABLE: {
    en: 'Outlook’s service is not available right now. Try again in a few minutes.',
    de: 'Der Outlook-Dienst ist gerade nicht erreichbar. Versuchen Sie es in einigen Minuten erneut.',
  },
  OFFLINE: {
    en: 'You appear to be offline. Check your connection, then try again.',
    de: 'Sie scheinen offline zu sein. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  },
  NOT_FOUND: {
    en: 'The folder no longer exists. Reload the list.',
    de: 'Der Ordner existiert nicht mehr. Laden Sie die Liste neu.',
  },
  EMPTY: { en: 'Enter a folder name.', de: 'Geben Sie einen Ordnernamen ein.' },
  TOO_LONG: {
    en: 'The folder name is too long (at most 255 characters).',
    de: 'Der Ordnername ist zu lang (höchstens 255 Zeichen).',
  },
  INVALID_CHARS: {
    en: 'The folder name contains characters Outlook does not allow.',
    de: 'Der Ordnername enthält Zeichen, die Outlook nicht erlaubt.',
  },
  TAKEN: {
    en: 'A folder with this name already exists. Choose another name.',
    de: 'Ein Ordner mit diesem Namen existiert bereits. Wählen Sie einen anderen Namen.',
  },
  NO_CLIENT_ID: {
    en: 'The add-in is not configured for sign-in. Ask your administrator (ADDIN_CLIENT_ID).',
    de: 'Das Add-in ist nicht für die Anmeldung eingerichtet. Wenden Sie sich an Ihre Administration (ADDIN_CLIENT_ID).',
  },
  SIGN_IN_FAILED: {
    en: 'Sign-in failed. Close and reopen the pane to try again.',
    de: 'Die Anmeldung ist fehlgeschlagen. Schließen und öffnen Sie den Bereich, um es erneut zu versuchen.',
  },
  POPUP_BLOCKED: {
    en: 'The sign-in window was blocked. Allow pop-ups for Outlook, then try again.',
    de: 'Das Anmeldefenster wurde blockiert. Erlauben Sie Pop-ups für Outlook und versuchen Sie es erneut.',
  },
  ROAMING_SETTINGS_SAVE_FAILED: {
    en: 'Your choice could not be saved in the mailbox. Try again.',
    de: 'Ihre Auswahl konnte nicht im Postfach gespeichert werden. Versuchen Sie es erneut.',
  },
};

const UNKNOWN: Entry = {
  en: 'Something went wrong. Try again; if it persists, reopen the pane.',
  de: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut; wenn es bleibt, öffnen Sie den Bereich neu.',
};

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  if (error instanceof TypeError) return 'OFFLINE';
  return 'UNKNOWN';
}

export function errorText(error: unknown, lang: ShellLang): string {
  return (ERRORS[errorCode(error)] ?? UNKNOWN)[lang];
}
