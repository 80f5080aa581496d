/**
 * `npm run bench [name…]`: runs each bench/*.bench.ts in its own Node process (so peak memory is
 * that bench's alone), in name order. Each bench prints its table and writes
 * bench/results/<name>.json. Figures and ratios only: nothing here passes or fails on a timing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${file} exited with ${r.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
