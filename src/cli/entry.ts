/**
 * Process glue for `bin/outlook-crm-sync.mjs`: argv, environment, Ctrl-C / SIGTERM as a cancel (the run
 * commits nothing and says so), and the exit code once the output is flushed.
 */
import { runCli } from './main.js';

const controller = new AbortController();
let interrupted = 0;
const cancel = () => {
  // A second Ctrl-C ends the process at once; the first lets the run stop cleanly.
  if (++interrupted > 1) process.exit(130);
  controller.abort();
};
process.on('SIGINT', cancel);
process.on('SIGTERM', cancel);

const flush = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text + '\n'),
  stderr: (text) => void process.stderr.write(text + '\n'),
  env: process.env,
  signal: controller.signal,
  // Cron and CI give no terminal: a sign-in there must fail at once, not wait for a device code nobody sees.
  interactive: process.stdin.isTTY === true,
  // Rewritten in place on a terminal; scripts and pipes get only the result lines.
  ...(process.stderr.isTTY
    ? { progress: (text: string) => void process.stderr.write(`\r\x1b[K${text}`) }
    : {}),
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(code);
