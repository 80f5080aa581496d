/**
 * `--graph`: the CLI against Microsoft Graph with a token from an environment variable. Graph is the emulator
 * here (msw intercepts graph.microsoft.com in this process), so the CLI runs in-process through runCli.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { setupGraphServer } from '../../src/sandbox/graph/node.js';
import { exportedNames, vcards } from './support.js';

const graph = setupGraphServer();
const dir = mkdtempSync(join(tmpdir(), 'crm-cli-graph-'));
beforeAll(() => graph.listen());
afterAll(() => {
  graph.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { LANG: 'C', ...env },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('outlook-crm-sync --graph', () => {
  it('imports into and exports from a Graph mailbox, keeping state in the --state file', async () => {
    const vcf = join(dir, 'team.vcf');
    writeFileSync(vcf, vcards([{ given: 'Gerd', family: 'Graph', email: 'gerd@example.de' }]));
    const flags = ['--graph', '--token-env', 'GRAPH_TOKEN', '--state', join(dir, 'state.json')];
    const env = { GRAPH_TOKEN: 'token-from-the-environment' };
    const imported = await run(['mailbox', 'import', ...flags, '--folder', 'Team', vcf], env);
    expect(imported).toMatchObject({ code: 0 });
    const exported = await run(['mailbox', 'export', ...flags, '--folder', 'Team'], env);
    expect(exportedNames(exported.stdout)).toEqual(['Gerd Graph']);
    const history = await run(['history', ...flags, '--json'], env);
    expect(JSON.parse(history.stdout)).toEqual([]);
  });

  it('needs the token variable set (exit 2) and never takes the token on the command line', async () => {
    const missing = await run(['history', '--graph', '--token-env', 'GRAPH_TOKEN']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[MISSING_FLAG]');
    const asFlag = await run(['history', '--graph', '--token', 'abc']);
    expect(asFlag.code).toBe(2);
    expect(asFlag.stderr).toContain('[UNKNOWN_FLAG]');
  });
});
