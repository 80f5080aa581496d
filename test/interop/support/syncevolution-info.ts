/** What global-setup hands to the scenarios about the SyncEvolution server it started. */
export interface SyncEvolutionInfo {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly deviceIds: readonly string[];
  readonly dataDir: string;
}

/** One device id per scenario: a new device starts with a clean slate on the server. */
export const INTEROP_DEVICE_IDS: readonly string[] = [
  'outlook-addin-test',
  ...Array.from({ length: 60 }, (_, i) => `outlook-addin-it-${i + 1}`),
  // 61–80: the fault suite's own block (test/interop/faults, decision record 0100).
  ...Array.from({ length: 20 }, (_, i) => `outlook-addin-faults-${i + 1}`),
];

declare module 'vitest' {
  export interface ProvidedContext {
    syncevolution: SyncEvolutionInfo;
  }
}
