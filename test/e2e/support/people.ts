/** "Jürgen Müller", "Juergen Mueller" and "Dr. Jürgen Müller" are one person to the duplicate check. */
export const person = (name: string) =>
  name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/^dr\. /, '')
    .trim();
