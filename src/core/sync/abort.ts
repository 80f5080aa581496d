/**
 * The core is compiled without DOM or Node types (CONVENTIONS.md rule 1), so it names the part of AbortSignal it
 * uses. A real AbortSignal satisfies this structurally.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
}
