/** Shared helpers for benches: a results writer, a table printer, and a peak-memory sampler. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');

export function writeResults(name: string, data: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, data }, null, 2) + '\n',
  );
  console.log(`→ bench/results/${name}.json`);
  return file;
}

export function printTable(rows: readonly Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(width[i]!)).join('  ');
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c] ?? ''))));
}

/** Samples RSS every 5 ms while `fn` runs; returns the result and the peak RSS in MiB. */
export async function withPeakMemory<T>(fn: () => Promise<T> | T): Promise<{ result: T; peakMiB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMiB: Math.round((peak / 1024 / 1024) * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}
