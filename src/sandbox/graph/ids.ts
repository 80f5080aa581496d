/** Opaque ids in the look of Graph's: base62 bodies behind a per-kind prefix. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomBody(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export type IdKind =
  'folder' | 'restItem' | 'immutableItem' | 'task' | 'changeKey' | 'linkedResource' | 'user';

const PREFIX: Record<IdKind, string> = {
  folder: 'AAMkADfld',
  restItem: 'AAMkADitm',
  immutableItem: 'AAkALgimm',
  task: 'AAMkADtsk',
  changeKey: 'EQAAABYA',
  linkedResource: 'lr',
  user: 'u',
};

export function newId(kind: IdKind): string {
  return PREFIX[kind] + randomBody(kind === 'changeKey' ? 16 : 32);
}

/**
 * Occurrence ids are derived from the series master's id and the occurrence's original start, as
 * Graph's are, so the same occurrence has the same id in every response. `~` is not in the id
 * alphabet, so the split is unambiguous.
 */
const OCCURRENCE_SEPARATOR = '~OCC~';

export function occurrenceId(masterId: string, originalStartKey: string): string {
  return `${masterId}${OCCURRENCE_SEPARATOR}${originalStartKey}`;
}

export function parseOccurrenceId(id: string): { masterId: string; key: string } | undefined {
  const at = id.indexOf(OCCURRENCE_SEPARATOR);
  if (at < 0) return undefined;
  return { masterId: id.slice(0, at), key: id.slice(at + OCCURRENCE_SEPARATOR.length) };
}
