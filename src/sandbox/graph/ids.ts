/** Opaque ids in the look of Graph's: base62 bodies behind a per-kind prefix. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random bytes are drawn in blocks: one getRandomValues call per id made creating 10,000 items slow. */
const pool = new Uint8Array(4_096);
let poolAt = pool.length;

function randomBody(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    if (poolAt >= pool.length) {
      crypto.getRandomValues(pool);
      poolAt = 0;
    }
    out += ALPHABET[pool[poolAt++]! % ALPHABET.length];
  }
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
