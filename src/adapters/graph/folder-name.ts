/**
 * Folder-name rules, checked before any request is sent (issue 2: "refused before any request").
 * Pure, so the task pane can validate as the user types.
 */
export type FolderKind = 'contacts' | 'calendar' | 'tasks';

export type FolderNameErrorCode = 'EMPTY' | 'TOO_LONG' | 'TAKEN' | 'INVALID_CHARS';

/**
 * Exchange folder display names and To Do list names are limited to 255 characters; Graph answers a
 * longer one with 400 ErrorInvalidRequest (limit not in the Graph docs — see docs/decisions/0051).
 */
export const MAX_FOLDER_NAME_LENGTH = 255;

export interface FolderNameErrorDetails {
  readonly kind: FolderKind;
  readonly name: string;
  readonly maxLength?: number;
  /** The existing folder's name that clashes (its own casing). */
  readonly takenBy?: string;
  /** UTF-16 index of the first forbidden character. */
  readonly index?: number;
}

export class FolderNameError extends Error {
  override readonly name = 'FolderNameError';
  constructor(
    readonly code: FolderNameErrorCode,
    message: string,
    readonly details: FolderNameErrorDetails,
  ) {
    super(message);
  }
}

// C0 and C1 controls, DEL, and lone surrogates (in `u` mode a surrogate range only matches unpaired
// ones): Exchange stores them badly or refuses them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udfff]/u;

const comparable = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase();

/**
 * The trimmed name when it may be created, else a FolderNameError. `existingNames` are the names of
 * folders of the same kind; the comparison ignores case and surrounding spaces, as Outlook does.
 */
export function validateFolderName(
  kind: FolderKind,
  name: string,
  existingNames: readonly string[],
): { ok: true; name: string } | { ok: false; error: FolderNameError } {
  const trimmed = name.trim();
  if (trimmed === '') {
    return { ok: false, error: new FolderNameError('EMPTY', 'the folder name is empty', { kind, name }) };
  }
  if (trimmed.length > MAX_FOLDER_NAME_LENGTH) {
    const details = { kind, name: trimmed, maxLength: MAX_FOLDER_NAME_LENGTH };
    return { ok: false, error: new FolderNameError('TOO_LONG', 'the folder name is too long', details) };
  }
  const forbidden = FORBIDDEN.exec(trimmed);
  if (forbidden) {
    const details = { kind, name: trimmed, index: forbidden.index };
    return {
      ok: false,
      error: new FolderNameError('INVALID_CHARS', 'the folder name has a control character', details),
    };
  }
  const takenBy = existingNames.find((existing) => comparable(existing) === comparable(trimmed));
  if (takenBy !== undefined) {
    const details = { kind, name: trimmed, takenBy };
    return { ok: false, error: new FolderNameError('TAKEN', 'a folder with this name exists', details) };
  }
  return { ok: true, name: trimmed };
}
