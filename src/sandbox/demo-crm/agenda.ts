/**
 * Demo appointments (viewings, notary dates) and call-back tasks of the sandbox CRM. Times are
 * relative to the day the CRM is seeded, so they always fall into the add-in's calendar window.
 */
export interface DemoCrmViewing {
  readonly summary: string;
  readonly location: string;
  readonly description?: string;
  /** Days after the seeding day (negative = in the past). */
  readonly dayOffset: number;
  /** Local time in Europe/Berlin, 'HH:mm'. */
  readonly start: string;
  readonly minutes: number;
  /** An RRULE value, for the weekly office meeting. */
  readonly rrule?: string;
}

export interface DemoCrmTask {
  readonly summary: string;
  readonly description?: string;
  readonly dueDayOffset: number;
  readonly priority: 1 | 5 | 9;
  readonly status: 'NEEDS-ACTION' | 'IN-PROCESS' | 'COMPLETED';
}

export const DEMO_CRM_VIEWINGS: readonly DemoCrmViewing[] = [
  {
    summary: 'Besichtigung 3-Zi.-Whg. Schwabing (Herr Mueller)',
    location: 'Hohenzollernstraße 41, 80801 München',
    description: 'Mit Herrn Mueller (Kaufinteressent). Schlüssel beim Hausmeister.',
    dayOffset: 1,
    start: '10:00',
    minutes: 60,
  },
  {
    summary: 'Besichtigung Reihenhaus Pasing',
    location: 'Bäckerstraße 7, 81241 München',
    description: 'Interessent: Klaus Schröder. Energieausweis mitbringen.',
    dayOffset: 2,
    start: '16:30',
    minutes: 45,
  },
  {
    summary: 'Notartermin Kaufvertrag Leopoldstraße',
    location: 'Notariat am Odeonsplatz, Odeonsplatz 1, 80539 München',
    dayOffset: 6,
    start: '09:00',
    minutes: 90,
  },
  {
    summary: 'Wohnungsübergabe Görresstraße (Frau Yılmaz)',
    location: 'Görresstraße 5, 80798 München',
    description: 'Zählerstände ablesen, Übergabeprotokoll',
    dayOffset: -3,
    start: '11:00',
    minutes: 60,
  },
  {
    summary: 'Bewertung Seegrundstück Starnberg (Herr Grossmann)',
    location: 'Seestraße 3, 82319 Starnberg',
    dayOffset: 9,
    start: '14:00',
    minutes: 120,
  },
  {
    summary: 'Team-Besprechung Maklerbüro',
    location: 'Büro, Besprechungsraum „Isar“',
    dayOffset: 0,
    start: '08:30',
    minutes: 30,
    rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=26',
  },
];

export const DEMO_CRM_TASKS: readonly DemoCrmTask[] = [
  {
    summary: 'Rückruf Herr Mueller wegen Finanzierungsbestätigung',
    dueDayOffset: 0,
    priority: 1,
    status: 'NEEDS-ACTION',
  },
  {
    summary: 'Rückruf Dr. Schröder: Termin zweite Besichtigung',
    dueDayOffset: 1,
    priority: 5,
    status: 'NEEDS-ACTION',
  },
  {
    summary: 'Exposé Seegrundstück Starnberg erstellen',
    description: 'Fotos liegen im Ordner „Grossmann“',
    dueDayOffset: 7,
    priority: 5,
    status: 'IN-PROCESS',
  },
  {
    summary: 'Grundbuchauszug Leopoldstraße anfordern',
    dueDayOffset: 3,
    priority: 1,
    status: 'NEEDS-ACTION',
  },
  {
    summary: 'Nebenkostenabrechnung Görresstraße prüfen',
    dueDayOffset: -2,
    priority: 9,
    status: 'COMPLETED',
  },
];
