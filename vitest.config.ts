import { defineConfig } from 'vitest/config';

/**
 * Three projects, one runner:
 * - unit: pure core, adapters against the Graph emulator (msw), servers on loopback. Parallel.
 * - interop: against SyncEvolution's SyncML server (started by test/interop/global-setup.ts). Serial:
 *   that server runs one session at a time.
 * - e2e: the built task pane in headless Chromium. Serial: one browser, one dev server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/interop/**', 'test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'interop',
          include: ['test/interop/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/interop/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
