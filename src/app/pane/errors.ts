/** Typed failures of the pane's sync composition. Tests assert `code`; details never carry the password. */
export type PaneErrorCode =
  /** The connection settings are incomplete or invalid (details: field, reason). */
  | 'CONNECTION_INVALID'
  /** No folder is switched on for sync. */
  | 'NO_FOLDERS'
  /** Stored connection settings are not in the shape we wrote. */
  | 'SETTINGS_INVALID';

export class PaneError extends Error {
  override readonly name = 'PaneError';
  constructor(
    readonly code: PaneErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | undefined>> = {},
  ) {
    super(message);
  }
}
