/** The shared SyncEvolution scripts beside the project (../shared/syncml-peer), run the way CI runs them. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PEER_DIR = fileURLToPath(new URL('../../../../shared/syncml-peer/', import.meta.url));

/** Runs `script` with `args`; resolves with its standard output, rejects with all of its output. */
export function runPeerScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [join(PEER_DIR, script), ...args],
      { env, maxBuffer: 4 * 1024 * 1024, timeout: 900_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${script} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
