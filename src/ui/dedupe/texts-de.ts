/** German words of the duplicate review and the sync-folder wizard (Outlook's own terms where they exist). */
import { REASON_TEXTS_DE } from '../../app/dedupe/reason-texts.js';
import type { DedupeTexts } from './texts.js';

export const DEDUPE_TEXTS_DE: DedupeTexts = {
  title: 'Auf Duplikate prüfen',
  intro:
    'Vor der ersten Synchronisierung: Was in Outlook und im CRM schon existiert, wird verknüpft statt kopiert.',
  checking: {
    outlook: 'Outlook-Ordner wird gelesen…',
    crm: 'CRM wird gelesen (dort ändert sich nichts)…',
    matching: 'Duplikate werden gesucht…',
  },
  counts: (o, c, p) =>
    `${o} in Outlook, ${c} im CRM, ${p} ${p === 1 ? 'wahrscheinliches Paar' : 'wahrscheinliche Paare'}.`,
  none: 'Keine Duplikate gefunden. Die erste Synchronisierung kopiert nichts doppelt.',
  alreadySynced:
    'Dieser Ordner wurde schon synchronisiert: Paare werden gezeigt, können aber nicht mehr verknüpft werden.',
  filterLabel: 'Anzeigen',
  filterPairs: (n) => `Outlook ⇄ CRM (${n})`,
  filterWithin: (n) => `Innerhalb von Outlook (${n})`,
  columnPair: 'Paar',
  columnDecision: 'Entscheidung',
  outlookSide: 'Outlook',
  crmSide: 'CRM',
  secondOutlook: 'Outlook (2.)',
  score: (s) => `Punkte ${s}`,
  reasons: REASON_TEXTS_DE,
  actions: {
    link: 'Verknüpfen',
    'keep-both': 'Beide behalten',
    'skip-outlook': 'Outlook-Element auslassen',
    undecided: 'Offen',
  },
  skipSecond: 'Das 2. nicht synchronisieren',
  decisionLabel: (name) => `Entscheidung für ${name}`,
  linkAbove: (s) => `Alle ab ${s} Punkten verknüpfen`,
  linkedAnnounce: (n) => `${n} ${n === 1 ? 'Paar' : 'Paare'} verknüpft.`,
  summary: (l, k, s, u) => `${l} verknüpft, ${k} beide behalten, ${s} ausgelassen, ${u} offen`,
  fieldsButton: 'Felder…',
  fieldsTitle: (name) => `Welche Werte behält ${name}?`,
  fieldsNewer: 'Neuere',
  fieldNames: {
    name: 'Name',
    displayName: 'Anzeigename',
    company: 'Firma',
    department: 'Abteilung',
    jobTitle: 'Position',
    birthday: 'Geburtstag',
    note: 'Notizen',
    photo: 'Foto',
    nickname: 'Spitzname',
  },
  fieldsDone: 'Fertig',
  empty: '—',
  startFirstSync: 'Erste Synchronisierung starten',
  saveForLater: 'Entscheidungen speichern, später synchronisieren',
  createFolderInstead: 'Stattdessen in einen neuen Ordner synchronisieren…',
  cancel: 'Abbrechen',
  retry: 'Erneut versuchen',
  saved: 'Ihre Auswahl ist gespeichert. Die erste Synchronisierung verknüpft die Paare.',
  errors: {
    ALREADY_SYNCED: {
      title: 'Dieser Ordner wurde schon synchronisiert.',
      next: 'Verknüpfen geht nur vor der ersten Synchronisierung. Die Paare bleiben, wie sie sind.',
    },
    NO_OUTLOOK_STORE: {
      title: 'Diese Art Ordner kann nicht geprüft werden.',
      next: 'Wählen Sie einen Kontakte-Ordner, Kalender oder eine Aufgabenliste.',
    },
    REVIEW_MISMATCH: {
      title: 'Die Liste hat sich inzwischen geändert.',
      next: 'Starten Sie die Prüfung erneut.',
    },
    BAD_STORED_DECISIONS: {
      title: 'Gespeicherte Auswahl dieses Ordners ist nicht lesbar.',
      next: 'Starten Sie die Prüfung erneut; sie ersetzt die Auswahl.',
    },
    STORAGE_FAILED: {
      title: 'Ihre Auswahl konnte nicht gespeichert werden.',
      next: 'Der Browser verweigert seinen Speicher (privater Modus?). Erlauben Sie Websitedaten und versuchen Sie es erneut.',
    },
    FIRST_SYNC_FAILED: {
      title: 'Die erste Synchronisierung wurde nicht abgeschlossen.',
      next: 'Ihre Auswahl bleibt erhalten. Öffnen Sie „Synchronisieren“, um den Grund zu sehen, und starten Sie erneut.',
    },
    ABORTED: {
      title: 'Die Prüfung wurde abgebrochen.',
      next: 'Starten Sie sie erneut, wenn Sie so weit sind.',
    },
    UNEXPECTED: {
      title: 'Die Prüfung ist fehlgeschlagen.',
      next: 'Prüfen Sie die CRM-Verbindung in den Einstellungen und versuchen Sie es erneut.',
    },
  },
  wizard: {
    title: 'Sync-Ordner erstellen',
    nameLabel: 'Ordnername',
    nameHint: 'Ein neuer, leerer Ordner, den nur die Synchronisierung füllt.',
    nameErrors: {
      EMPTY: 'Geben Sie einen Namen ein.',
      TOO_LONG: 'Der Name ist zu lang (höchstens 255 Zeichen).',
      TAKEN: 'Ein Ordner mit diesem Namen existiert bereits.',
      INVALID_CHARS: 'Der Name enthält Zeichen, die Outlook nicht erlaubt.',
    },
    moveLabel: 'Ausgewählte Elemente hineinverschieben',
    moveHint: 'Sie werden in den neuen Ordner kopiert und danach im alten entfernt.',
    moveListLabel: 'Zu verschiebende Elemente',
    create: 'Erstellen und Synchronisierung einschalten',
    steps: {
      create: 'Ordner wird erstellt…',
      move: 'Elemente werden verschoben…',
      enable: 'Synchronisierung wird eingeschaltet…',
      done: 'Fertig.',
    },
    moved: (m, t) => `${m} von ${t} verschoben`,
    done: (name, m) =>
      `„${name}“ ist bereit und wird synchronisiert${m > 0 ? `; ${m} Elemente hineinverschoben` : ''}.`,
    failed: (n) =>
      `${n} ${n === 1 ? 'Element wurde' : 'Elemente wurden'} nicht verschoben und bleiben im alten Ordner.`,
    back: 'Zurück',
  },
};
