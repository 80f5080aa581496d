/** The demo office's appointments and tasks, relative to the current week (day 0 = Monday). */
export interface DemoEvent {
  subject: string;
  day: number;
  start?: string;
  end?: string;
  allDayLength?: number;
  location?: string;
  body?: string;
  private?: boolean;
}

export const OTHER_EVENTS: readonly DemoEvent[] = [
  {
    subject: 'Notartermin Kaufvertrag Eichhorn',
    day: 2,
    start: '11:00',
    end: '12:30',
    location: 'Notariat Dr. Groß, Maximilianstraße 31, 80539 München',
  },
  {
    subject: 'Bankgespräch Finanzierung Fam. Müller',
    day: 3,
    start: '15:00',
    end: '16:00',
    location: 'Stadtsparkasse, Sparkassenstraße 2',
  },
  {
    subject: 'Fototermin Exposé Starnberg',
    day: 8,
    start: '08:30',
    end: '10:00',
    location: 'Seestraße 8, 82319 Starnberg',
  },
  {
    subject: 'Eigentümerversammlung WEG Clemensstraße',
    day: 9,
    start: '18:30',
    end: '20:30',
    location: 'Gasthaus zur Post, Clemensstraße 1',
    body: 'Tagesordnung: Dachsanierung, Wirtschaftsplan, Verwalterbericht.',
  },
  { subject: 'Zahnarzt', day: 4, start: '07:30', end: '08:15', private: true },
  {
    subject: 'Energieausweis Begehung Perlacher Str.',
    day: -3,
    start: '10:00',
    end: '11:00',
    location: 'Perlacher Str. 71, 81539 München',
  },
  { subject: 'Betriebsausflug Tegernsee', day: 11, allDayLength: 1, location: 'Tegernsee' },
  { subject: 'Urlaub Markus Brandt', day: 15, allDayLength: 5 },
  { subject: 'Immobilienmesse', day: 28, allDayLength: 3, location: 'Messe München' },
  { subject: 'Jahresgespräch Büroleitung', day: -10, start: '14:00', end: '15:00', location: 'Büro' },
];

export interface DemoViewing {
  object: string;
  with: string;
  address: string;
  day: number;
  start: string;
  end: string;
  keys: string;
}

export const VIEWINGS: readonly DemoViewing[] = [
  {
    object: '3-Zi.-Whg. Schwabing',
    with: 'Jürgen Müller',
    address: 'Hohenzollernstraße 41, 80801 München',
    day: 0,
    start: '10:00',
    end: '10:45',
    keys: 'Hausverwaltung Weiß',
  },
  {
    object: '3-Zi.-Whg. Schwabing',
    with: 'Özlem Yılmaz',
    address: 'Hohenzollernstraße 41, 80801 München',
    day: 0,
    start: '11:00',
    end: '11:45',
    keys: 'Hausverwaltung Weiß',
  },
  {
    object: 'Einfamilienhaus Starnberg',
    with: 'Dr. Elif Aydın',
    address: 'Seestraße 8, 82319 Starnberg',
    day: 1,
    start: '14:00',
    end: '15:30',
    keys: 'Eigentümer Großmann vor Ort',
  },
  {
    object: 'Penthouse Maxvorstadt',
    with: 'Michael Smith',
    address: 'Arnulfstraße 60, 80335 München',
    day: 2,
    start: '16:30',
    end: '17:30',
    keys: 'Büro, Schlüsselkasten 4',
  },
  {
    object: 'Reihenhaus Pasing',
    with: 'Familie García López',
    address: 'Agnes-Bernauer-Str. 88, 80687 München',
    day: 3,
    start: '10:00',
    end: '11:00',
    keys: 'Büro, Schlüsselkasten 7',
  },
  {
    object: 'Büroetage Werksviertel',
    with: 'Fuchs Software AG',
    address: 'Atelierstraße 10, 81671 München',
    day: 4,
    start: '09:00',
    end: '10:30',
    keys: 'Hausmeister',
  },
  {
    object: '2-Zi.-Whg. Glockenbach',
    with: 'Lena Schröder',
    address: 'Isartalstraße 26, 80469 München',
    day: 7,
    start: '17:00',
    end: '17:45',
    keys: 'Mieterin anwesend',
  },
  {
    object: '2-Zi.-Whg. Glockenbach',
    with: 'Kenji Tanaka',
    address: 'Isartalstraße 26, 80469 München',
    day: 7,
    start: '18:00',
    end: '18:45',
    keys: 'Mieterin anwesend',
  },
  {
    object: 'Altbauwohnung Haidhausen',
    with: "Siobhán O'Brien",
    address: 'Rosenheimer Str. 145, 81671 München',
    day: 9,
    start: '12:00',
    end: '12:45',
    keys: 'Hausverwaltung Weiß',
  },
  {
    object: 'Bauernhaus Holzkirchen',
    with: 'Andreas Keller',
    address: 'Am Kirchberg 1, 83607 Holzkirchen',
    day: 16,
    start: '13:00',
    end: '15:00',
    keys: 'Eigentümer Obermaier',
  },
  {
    object: 'Einfamilienhaus Starnberg',
    with: 'Zoë Clarke',
    address: 'Seestraße 8, 82319 Starnberg',
    day: -2,
    start: '15:00',
    end: '16:00',
    keys: 'Eigentümer Großmann vor Ort',
  },
  {
    object: 'Penthouse Maxvorstadt',
    with: 'François Dubois',
    address: 'Arnulfstraße 60, 80335 München',
    day: -6,
    start: '10:30',
    end: '11:30',
    keys: 'Büro, Schlüsselkasten 4',
  },
];

export interface DemoTask {
  title: string;
  dueInDays: number;
  importance?: 'low' | 'normal' | 'high';
  done?: boolean;
  body?: string;
}

export const OFFICE_TASKS: readonly DemoTask[] = [
  { title: 'Exposé Einfamilienhaus Starnberg fertigstellen', dueInDays: 3, importance: 'high' },
  { title: 'Energieausweis Perlacher Str. anfordern', dueInDays: 5 },
  { title: 'Grundbuchauszug Clemensstraße prüfen', dueInDays: 7, body: 'Abteilung II: Wegerecht klären.' },
  { title: 'Mietspiegel 2026 ins Büro-Wiki übernehmen', dueInDays: 14, importance: 'low' },
  { title: 'Schlüsselübergabe Glockenbach protokollieren', dueInDays: -1, done: true },
  { title: 'Provisionsrechnung Eichhorn stellen', dueInDays: 10 },
];

export interface DemoCallback {
  surname: string;
  topic: string;
  dueInDays: number;
  urgent?: boolean;
  done?: boolean;
}

export const CALLBACKS: readonly DemoCallback[] = [
  { surname: 'Müller', topic: 'Finanzierungszusage für Schwabing', dueInDays: 0, urgent: true },
  { surname: 'Yılmaz', topic: 'zweiter Besichtigungstermin', dueInDays: 1 },
  { surname: 'Dubois', topic: 'Fragen zum Kaufvertragsentwurf', dueInDays: 2 },
  { surname: 'Weißenböck', topic: 'Preisvorstellung Wien/München', dueInDays: 2, urgent: true },
  { surname: 'Großmann', topic: 'Termin Fotograf', dueInDays: 4 },
  { surname: 'Süßmuth', topic: 'Kündigung Mieter 2. OG', dueInDays: 6 },
  { surname: 'Smith', topic: 'Videobesichtigung vereinbaren', dueInDays: -1, done: true },
  { surname: 'Kovačević', topic: 'Unterlagen Selbstauskunft', dueInDays: 3 },
];
