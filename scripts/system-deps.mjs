// Installs the Debian packages the suites need when they are missing (as root on Debian), and
// otherwise fails with a message naming the package. A suite is never skipped silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function aptInstall(packages) {
  if (!isRoot || !hasApt) {
    throw new Error(
      `Missing system package(s): ${packages.join(', ')}. Install them (Debian: apt-get install ${packages.join(' ')}) and run again.`,
    );
  }
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Debian's chromium for the e2e suite (no browser download works on these machines). */
export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  console.log('[system-deps] chromium missing: installing Debian package "chromium"');
  aptInstall(['chromium', 'fonts-dejavu-core']);
  if (!existsSync(path)) throw new Error(`chromium still missing at ${path} (package "chromium")`);
  return path;
}

/** SyncEvolution's SyncML server for the interop suite (start-syncml-server.sh installs it too). */
export function ensureSyncEvolution() {
  const needed = [
    'syncevolution',
    'syncevolution-http',
    'syncevolution-dbus',
    'python3-twisted',
    'python3-dbus',
    'python3-gi',
    'dbus',
    'dbus-bin',
    'dbus-daemon',
  ];
  const missing = needed.filter(
    (p) =>
      spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes(
        'install ok installed',
      ) !== true,
  );
  if (missing.length === 0) return;
  console.log(`[system-deps] installing ${missing.join(', ')}`);
  aptInstall(missing);
}

/** gcc + libc6-dev: SyncEvolution's reference client needs its LD_PRELOAD shim compiled. */
export function ensureCompiler() {
  if (existsSync('/usr/bin/gcc') && existsSync('/usr/include/stdio.h')) return;
  aptInstall(['gcc', 'libc6-dev']);
}
