/** The shell's user-facing text, one table per language (German uses Outlook's own terms). */
export type ShellLang = 'de' | 'en';

const en = {
  title: 'CRM Sync',
  tabFolders: 'Folders',
  tabSync: 'Sync',
  tabHistory: 'History',
  tabSettings: 'Settings',
  groupContacts: 'Contacts',
  groupCalendars: 'Calendars',
  groupTasks: 'Tasks',
  items: (n: number) => (n === 1 ? '1 item' : `${n} items`),
  syncSwitch: (name: string) => `Sync ${name}`,
  datastore: 'CRM datastore',
  direction: 'Direction',
  dirTwoWay: 'Two-way',
  dirCrmToOutlook: 'CRM → Outlook only',
  dirOutlookToCrm: 'Outlook → CRM only',
  createSyncFolder: 'Create sync folder',
  folderName: 'Folder name',
  create: 'Create',
  cancel: 'Cancel',
  loading: 'Loading your folders…',
  empty: 'No folders of this kind.',
  created: (name: string) => `“${name}” created; sync is on.`,
  saved: 'Saved.',
  retry: 'Try again',
  sandboxNote: 'Sandbox mailbox: no Outlook account is used.',
  notConnected: 'Not connected to the CRM',
  openSettings: 'Settings',
  datastoreEmpty: 'Enter the CRM datastore name.',
  datastoreInvalid: 'A datastore name has no spaces and at most 64 characters.',
} as const;

type Texts = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string
    ? (...a: A) => string
    : string;
};

const de: Texts = {
  title: 'CRM-Sync',
  tabFolders: 'Ordner',
  tabSync: 'Synchronisieren',
  tabHistory: 'Verlauf',
  tabSettings: 'Einstellungen',
  groupContacts: 'Kontakte',
  groupCalendars: 'Kalender',
  groupTasks: 'Aufgaben',
  items: (n) => (n === 1 ? '1 Element' : `${n} Elemente`),
  syncSwitch: (name) => `${name} synchronisieren`,
  datastore: 'CRM-Datenspeicher',
  direction: 'Richtung',
  dirTwoWay: 'In beide Richtungen',
  dirCrmToOutlook: 'Nur CRM → Outlook',
  dirOutlookToCrm: 'Nur Outlook → CRM',
  createSyncFolder: 'Sync-Ordner anlegen',
  folderName: 'Ordnername',
  create: 'Anlegen',
  cancel: 'Abbrechen',
  loading: 'Ihre Ordner werden geladen …',
  empty: 'Keine Ordner dieser Art.',
  created: (name) => `„${name}“ angelegt; die Synchronisierung ist an.`,
  saved: 'Gespeichert.',
  retry: 'Erneut versuchen',
  sandboxNote: 'Sandbox-Postfach: Es wird kein Outlook-Konto verwendet.',
  notConnected: 'Nicht mit dem CRM verbunden',
  openSettings: 'Einstellungen',
  datastoreEmpty: 'Geben Sie den Namen des CRM-Datenspeichers ein.',
  datastoreInvalid: 'Ein Datenspeichername hat keine Leerzeichen und höchstens 64 Zeichen.',
};

export const SHELL_TEXTS: Readonly<Record<ShellLang, Texts>> = { en, de };
export type ShellTexts = Texts;
