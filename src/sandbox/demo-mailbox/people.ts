/**
 * The people of the demo mailbox: a German real-estate office's colleagues and service partners
 * ("Kontakte"), buyers and tenants ("Kunden") and owners ("Eigentümer"). German and international
 * names, umlauts and ß, every common way of writing a phone number. All e-mail addresses use the
 * reserved example domains. The sandbox CRM builds deliberate near-duplicates from this list.
 */
export type DemoFolder = 'Kontakte' | 'Kunden' | 'Eigentümer';

export interface DemoPerson {
  readonly folder: DemoFolder;
  readonly title?: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
  readonly phone: string;
  readonly mobile?: string;
  readonly company?: string;
  readonly jobTitle?: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly country: string;
}

type Row = [DemoFolder, string, string, string, string, string, string, string, string, string];
// folder, title+given ("Dr.|Hans-Peter"), surname, e-mail, phone, mobile, company|job, street, "PLZ City", country
// prettier-ignore
const ROWS: Row[] = [
  ['Kontakte', 'Petra', 'Hoffmann', 'petra.hoffmann@immo-sued.example.com', '+49 89 2351 7700', '+49 171 2233445', 'Immobilien Süd GmbH|Büroleitung', 'Leopoldstraße 112', '80802 München', 'Deutschland'],
  ['Kontakte', 'Markus', 'Brandt', 'markus.brandt@immo-sued.example.com', '+49 89 2351 7701', '0172 9988776', 'Immobilien Süd GmbH|Makler', 'Leopoldstraße 112', '80802 München', 'Deutschland'],
  ['Kontakte', 'Aylin', 'Demir', 'aylin.demir@immo-sued.example.com', '+49 89 2351 7702', '+49 (0)176 55443322', 'Immobilien Süd GmbH|Maklerin', 'Leopoldstraße 112', '80802 München', 'Deutschland'],
  ['Kontakte', 'Dr.|Hans-Peter', 'Groß', 'hp.gross@notariat-gross.de.example.org', '089 / 29 19 40-0', '', 'Notariat Dr. Groß|Notar', 'Maximilianstraße 31', '80539 München', 'Deutschland'],
  ['Kontakte', 'Sabine', 'Weiß', 's.weiss@hv-weiss.example.com', '(089) 45 67 89', '0151-23456789', 'Hausverwaltung Weiß GmbH & Co. KG|Geschäftsführerin', 'Rosenheimer Str. 145', '81671 München', 'Deutschland'],
  ['Kontakte', 'Jörg', 'Schäfer', 'joerg.schaefer@schaefer-soehne.example.com', '+49 8131 66770', '+49 160 1112233', 'Schäfer & Söhne KG|Bauleiter', 'Am Mühlbach 7', '85221 Dachau', 'Deutschland'],
  ['Kontakte', 'Ingrid', 'Köhler', 'i.koehler@sparkasse-beispiel.example.org', '+49 89 2167-4410', '', 'Stadtsparkasse Beispielstadt|Baufinanzierung', 'Sparkassenstraße 2', '80331 München', 'Deutschland'],
  ['Kontakte', 'Thomas', 'Strauß', 'thomas.strauss@gutachter-strauss.example.net', '+49 89 12345678', '0179 7654321', 'Sachverständigenbüro Strauß|Gutachter', 'Nymphenburger Straße 80', '80636 München', 'Deutschland'],
  ['Kontakte', 'Luca', 'Bianchi', 'luca.bianchi@fotostudio-luce.example.com', '+49 89 5432100', '+39 347 1234567', 'Fotostudio Luce|Immobilienfotograf', 'Thalkirchner Str. 55', '80337 München', 'Deutschland'],
  ['Kontakte', 'Katarzyna', 'Wiśniewska', 'k.wisniewska@reinigung-blitzblank.example.com', '089 7654 3210', '', 'Blitzblank Gebäudeservice GmbH|Objektleitung', 'Landsberger Str. 302', '80687 München', 'Deutschland'],
  ['Kontakte', 'Ralf', 'Vogel', 'ralf.vogel@energieberatung.de.example.org', '+49 8092 33 44 55', '', 'Energieberatung Vogel|Energieberater', 'Bahnhofstraße 4', '85560 Ebersberg', 'Deutschland'],
  ['Kontakte', 'Mia', 'Lehmann', 'mia.lehmann@immo-sued.example.com', '+49 89 2351 7703', '+49 152 09876543', 'Immobilien Süd GmbH|Auszubildende', 'Leopoldstraße 112', '80802 München', 'Deutschland'],
  ['Kontakte', 'Prof. Dr.|Friedrich', 'von Ässling', 'f.aessling@kanzlei-aessling.example.com', '+49 89 21 09 87-0', '', 'Kanzlei von Ässling Rechtsanwälte|Rechtsanwalt', 'Prinzregentenstraße 9', '80538 München', 'Deutschland'],
  ['Kontakte', 'Stefan', 'Maier', 'stefan.maier@handwerk-maier.example.com', '08121 98765', '0170 3344556', 'Maier Haustechnik GmbH|Meister', 'Gewerbering 12', '85570 Markt Schwaben', 'Deutschland'],
  ['Kontakte', 'Chloé', 'Martin', 'chloe.martin@umzug-express.example.org', '+49 89 4433 2211', '', 'Umzug Express AG|Disponentin', 'Frankfurter Ring 81', '80807 München', 'Deutschland'],
  ['Kunden', 'Jürgen', 'Müller', 'juergen.mueller@example.com', '+49 89 3003030', '+49 171 5550101', '|', 'Lindwurmstraße 18', '80337 München', 'Deutschland'],
  ['Kunden', 'Anja', 'Müller-Lüdenscheidt', 'anja.ml@example.net', '0211 123 456', '0173 1112222', '|', 'Königsallee 60', '40212 Düsseldorf', 'Deutschland'],
  ['Kunden', 'Özlem', 'Yılmaz', 'oezlem.yilmaz@example.org', '+49 30 8877665', '+49 157 33221100', '|', 'Oranienstraße 25', '10999 Berlin', 'Deutschland'],
  ['Kunden', 'Mehmet', 'Öztürk', 'm.oeztuerk@example.com', '+49 (89) 76 54 32', '', 'Öztürk Import Export GmbH|Geschäftsführer', 'Dachauer Str. 190', '80992 München', 'Deutschland'],
  ['Kunden', 'François', 'Dubois', 'francois.dubois@fr.example.org', '+33 1 42 68 53 00', '+33 6 12 34 56 78', '|', '12 Rue de Rivoli', '75004 Paris', 'Frankreich'],
  ['Kunden', 'José', 'García López', 'jose.garcia@es.example.org', '+34 912 345 678', '', 'Inversiones Sol S.L.|Director', 'Calle de Alcalá 48', '28014 Madrid', 'Spanien'],
  ['Kunden', 'Siobhán', "O'Brien", 'siobhan.obrien@ie.example.org', '+353 1 234 5678', '+353 87 123 4567', '|', '14 Merrion Square', 'D02|Dublin', 'Irland'],
  ['Kunden', 'Zoë', 'Clarke', 'zoe.clarke@co-uk.example.org', '+44 20 7946 0958', '+44 7700 900123', 'Clarke Consulting Ltd|Partner', '221 Baker Street', 'NW1 6XE|London', 'Vereinigtes Königreich'],
  ['Kunden', 'Łukasz', 'Nowak', 'lukasz.nowak@pl.example.org', '+48 22 123 45 67', '', '|', 'ul. Marszałkowska 84', '00-514 Warszawa', 'Polen'],
  ['Kunden', 'Ana', 'Kovačević', 'ana.kovacevic@hr.example.org', '+385 1 4567 890', '+49 1590 1234567', '|', 'Schleißheimer Str. 44', '80797 München', 'Deutschland'],
  ['Kunden', 'Lena', 'Schröder', 'lena.schroeder@example.com', '089-54321098', '0176 24681357', '|', 'Tegernseer Landstr. 161', '81539 München', 'Deutschland'],
  ['Kunden', 'Maximilian', 'Fuchs', 'max.fuchs@de.example.org', '+49 89 1357911', '', 'Fuchs Software AG|CTO', 'Arnulfstraße 60', '80335 München', 'Deutschland'],
  ['Kunden', 'Hannah', 'Wagner', 'hannah.wagner@example.com', '089 12 34 56 78', '+49 170 1010101', '|', 'Hohenzollernstraße 41', '80801 München', 'Deutschland'],
  ['Kunden', 'Dr.|Elif', 'Aydın', 'elif.aydin@klinik.example.org', '+49 89 4400-0', '', 'Klinikum Beispielstadt|Oberärztin', 'Ismaninger Str. 22', '81675 München', 'Deutschland'],
  ['Kunden', 'Kenji', 'Tanaka', 'kenji.tanaka@jp.example.org', '+81 3-1234-5678', '+49 151 98765432', 'Tanaka Trading KK|Niederlassungsleiter', 'Bayerstraße 21', '80335 München', 'Deutschland'],
  ['Kunden', 'Priya', 'Sharma', 'priya.sharma@in.example.org', '+91 22 2345 6789', '+49 162 5551234', '|', 'Agnes-Bernauer-Str. 88', '80687 München', 'Deutschland'],
  ['Kunden', 'Florian', 'Bauer', 'florian.bauer@example.com', '08031 123456', '', 'Bauer Holzbau GmbH|Inhaber', 'Kufsteiner Str. 3', '83022 Rosenheim', 'Deutschland'],
  ['Kunden', 'Sophie', 'Lange', 'sophie.lange@example.net', '+49 (0) 89 / 98 76 54', '0157 99887766', '|', 'Kurfürstenstraße 12', '80801 München', 'Deutschland'],
  ['Kunden', 'Emre', 'Kaya', 'emre.kaya@example.com', '+49 821 456789', '', '|', 'Maximilianstraße 40', '86150 Augsburg', 'Deutschland'],
  ['Kunden', 'Nils', 'Jensen', 'nils.jensen@dk.example.org', '+45 33 12 34 56', '', 'Jensen & Partner ApS|Direktør', 'Nyhavn 17', '1051|København', 'Dänemark'],
  ['Kunden', 'Marie-Luise', 'Hübner', 'ml.huebner@de.example.org', '0 89 / 64 28 31', '', '|', 'Isartalstraße 26', '80469 München', 'Deutschland'],
  ['Kunden', 'Andreas', 'Keller', 'andreas.keller@ch.example.org', '+41 44 668 18 00', '+41 79 123 45 67', 'Keller Vermögensverwaltung AG|Partner', 'Bahnhofstrasse 45', '8001 Zürich', 'Schweiz'],
  ['Kunden', 'Julia', 'Neumann', 'julia.neumann@example.com', '+49 89 2020202', '', '|', 'Belgradstraße 9', '80796 München', 'Deutschland'],
  ['Kunden', 'Olaf', 'Petersen', 'olaf.petersen@example.com', '+49 40 3456789', '', 'Petersen Reederei KG|Prokurist', 'Große Elbstraße 145', '22767 Hamburg', 'Deutschland'],
  ['Kunden', 'Fatima', 'El Amrani', 'fatima.elamrani@example.org', '+49 69 1234 5678', '+49 173 8765432', '|', 'Berger Straße 101', '60316 Frankfurt am Main', 'Deutschland'],
  ['Kunden', 'Michael', 'Smith', 'michael.smith@example.com', '+1 (212) 555-0142', '+1 917 555 0199', 'Smith Capital LLC|Managing Director', '350 Fifth Avenue', 'NY 10118|New York', 'USA'],
  ['Kunden', 'Gerda', 'Mößbauer', 'gerda.moessbauer@de.example.org', '08161 / 4 56 78', '', '|', 'Obere Hauptstraße 15', '85354 Freising', 'Deutschland'],
  ['Eigentümer', 'Wolfgang', 'Eichhorn', 'w.eichhorn@de.example.org', '+49 89 8123456', '', '|', 'Waldfriedhofstraße 7', '81377 München', 'Deutschland'],
  ['Eigentümer', 'Brigitte', 'Sommer', 'brigitte.sommer@example.com', '089 / 7 14 25 36', '0160 7778889', '|', 'Pullacher Str. 20', '81479 München', 'Deutschland'],
  ['Eigentümer', 'Heinrich', 'Großmann', 'heinrich.grossmann@de.example.org', '+49 (0)8171 2233', '', 'Großmann Grundbesitz GmbH|Geschäftsführer', 'Seestraße 8', '82319 Starnberg', 'Deutschland'],
  ['Eigentümer', 'Ursula', 'Weißenböck', 'ursula.weissenboeck@at.example.org', '+43 1 5123456', '+43 664 1234567', '|', 'Kärntner Straße 19', '1010 Wien', 'Österreich'],
  ['Eigentümer', 'Klaus', 'Dietrich', 'klaus.dietrich@example.com', '+49 89 6543210', '+49 171 4567890', 'Dietrich Bau AG|Vorstand', 'Ottobrunner Str. 100', '81737 München', 'Deutschland'],
  ['Eigentümer', 'Renate', 'Fischer', 'renate.fischer@example.net', '(0 89) 3 21 54 76', '', '|', 'Clemensstraße 52', '80803 München', 'Deutschland'],
  ['Eigentümer', 'Giovanni', 'Rossi', 'giovanni.rossi@it.example.org', '+39 02 1234 5678', '', 'Rossi Immobiliare S.r.l.|Amministratore', 'Via Montenapoleone 8', '20121 Milano', 'Italien'],
  ['Eigentümer', 'Margarete', 'Süßmuth', 'margarete.suessmuth@de.example.org', '+49 89 1112131', '', '|', 'Perlacher Str. 71', '81539 München', 'Deutschland'],
  ['Eigentümer', 'Bernd', 'Zimmermann', 'bernd.zimmermann@example.com', '0 81 41 / 35 79', '0175 2468024', 'Zimmermann Immobilienverwaltung KG|Inhaber', 'Augsburger Str. 33', '82256 Fürstenfeldbruck', 'Deutschland'],
  ['Eigentümer', 'Erika', 'Mustermann', 'erika.mustermann@example.org', '+49 30 12345678', '', '|', 'Heidestraße 17', '51147 Köln', 'Deutschland'],
  ['Eigentümer', 'Dr.|Lothar', 'Böhm', 'lothar.boehm@de.example.org', '+49 89 22 33 44 55', '', 'Erbengemeinschaft Böhm|Vertreter', 'Franz-Joseph-Straße 4', '80801 München', 'Deutschland'],
  ['Eigentümer', 'Svetlana', 'Petrović', 'svetlana.petrovic@example.com', '+49 89 9988770', '+381 64 1234567', '|', 'Implerstraße 10', '81371 München', 'Deutschland'],
  ['Eigentümer', 'Hermann', 'Krüger', 'hermann.krueger@de.example.org', '+49 8152 90 90 90', '', 'Krüger Wohnbau GmbH|Geschäftsführer', 'Seefelder Str. 2', '82211 Herrsching', 'Deutschland'],
  ['Eigentümer', 'Annemarie', 'Lindner', 'annemarie.lindner@example.net', '089 - 333 444 55', '', '|', 'Waltherstraße 29', '80337 München', 'Deutschland'],
  ['Eigentümer', 'Victor', 'Lefèvre', 'victor.lefevre@be.example.org', '+32 2 123 45 67', '', 'Lefèvre Patrimoine SA|Administrateur', 'Avenue Louise 54', '1050 Bruxelles', 'Belgien'],
  ['Eigentümer', 'Dieter', 'Schulz', 'dieter.schulz@example.com', '+49 89 4711 0815', '0171 4711081', 'Schulz Grundstücksgesellschaft mbH & Co. KG|Komplementär', 'Schwanthalerstraße 74', '80336 München', 'Deutschland'],
  ['Eigentümer', 'Ludwig', 'Obermaier', 'ludwig.obermaier@example.com', '+49 8024 4711', '+49 171 8024471', 'Obermaier Hof GbR|Landwirt', 'Am Kirchberg 1', '83607 Holzkirchen', 'Deutschland'],
  ['Eigentümer', 'Elisabeth', 'Ötker', 'elisabeth.oetker@de.example.org', '+49 521 1234567', '', '|', 'Lutterstraße 14', '33617 Bielefeld', 'Deutschland'],
];

function toPerson([
  folder,
  given,
  surname,
  email,
  phone,
  mobile,
  companyJob,
  street,
  plzCity,
  country,
]: Row): DemoPerson {
  const [title, givenName] = given.includes('|')
    ? (given.split('|') as [string, string])
    : [undefined, given];
  const [company, jobTitle] = companyJob.split('|');
  const [postalCode, ...city] = plzCity.includes('|') ? plzCity.split('|') : plzCity.split(' ');
  return {
    folder,
    ...(title ? { title } : {}),
    givenName,
    surname,
    email,
    phone,
    ...(mobile ? { mobile } : {}),
    ...(company ? { company } : {}),
    ...(jobTitle ? { jobTitle } : {}),
    street,
    postalCode: postalCode!,
    city: city.join(' '),
    country,
  };
}

export const DEMO_PEOPLE: readonly DemoPerson[] = ROWS.map(toPerson);

export const displayNameOf = (p: DemoPerson) => [p.title, p.givenName, p.surname].filter(Boolean).join(' ');
