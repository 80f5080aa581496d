/** String similarity and phonetic keys used by scoring and blocking. */

/** Jaro-Winkler similarity in [0, 1]; 1 means equal. Good for short strings like names. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] !== undefined && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Text similarity that also demands equal numbers: "Hauptstraße 5" is not "Hauptstraße 7". */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const digits = (s: string) => s.match(/\d+/g)?.join(' ') ?? '';
  if (digits(a) !== digits(b)) return 0;
  return jaroWinkler(a, b);
}

/**
 * Kölner Phonetik (Postel 1969): the phonetic code made for German names, so "Meier",
 * "Meyer" and "Maier" share a key. Input must be folded (a–z only, see foldText).
 */
export function koelnerPhonetik(word: string): string {
  const w = word.replace(/[^a-z]/g, '');
  let code = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const prev = w[i - 1] ?? '';
    const next = w[i + 1] ?? '';
    code += phoneticDigit(c, prev, next, i === 0);
  }
  // Collapse repeats, then drop zeros except at the start.
  let collapsed = '';
  for (const d of code) if (d !== collapsed[collapsed.length - 1]) collapsed += d;
  return collapsed.replace(/-/g, '').replace(/(?!^)0/g, '');
}

/** `ch` is one of `set`; the empty string (no neighbour) is none of them. */
const oneOf = (set: string, ch: string) => ch !== '' && set.includes(ch);

function phoneticDigit(c: string, prev: string, next: string, first: boolean): string {
  if ('aeijouy'.includes(c)) return '0';
  if (c === 'h') return '-';
  if (c === 'b') return '1';
  if (c === 'p') return next === 'h' ? '3' : '1';
  if (c === 'd' || c === 't') return oneOf('csz', next) ? '8' : '2';
  if (c === 'f' || c === 'v' || c === 'w') return '3';
  if (c === 'g' || c === 'k' || c === 'q') return '4';
  if (c === 'c') {
    if (first) return oneOf('ahkloqrux', next) ? '4' : '8';
    return oneOf('sz', prev) || !oneOf('ahkoqux', next) ? '8' : '4';
  }
  if (c === 'x') return oneOf('ckq', prev) ? '8' : '48';
  if (c === 'l') return '5';
  if (c === 'm' || c === 'n') return '6';
  if (c === 'r') return '7';
  if (c === 's' || c === 'z') return '8';
  return '-';
}
