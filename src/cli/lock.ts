/**
 * One writer per mailbox file (or --state file): a scheduled sync that overlaps the previous one, or an import
 * during a sync, would otherwise save over the other's changes. The lock is a `FILE.lock` holding the owner's
 * pid, made with O_EXCL; a lock whose process is gone (killed) is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from './errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for this process; released when the process exits. */
export function lockFile(path: string): void {
  const lockPath = `${path}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      process.once('exit', () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number(readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new CliError('MAILBOX_BUSY', 'another outlook-crm-sync works on this file', { path, pid: owner });
    }
    unlinkSync(lockPath); // left by a process that was killed
  }
  throw new CliError('MAILBOX_BUSY', 'the file stays locked', { path });
}
