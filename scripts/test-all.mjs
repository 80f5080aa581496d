#!/usr/bin/env node
// The README's one test command: installs the system packages the suites need (as root on
// Debian; elsewhere fails naming them), then runs every vitest project: unit, interop, e2e.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureCompiler, ensureSyncEvolution } from './system-deps.mjs';

ensureChromium();
ensureSyncEvolution();
ensureCompiler();

const extra = process.argv.slice(2);
const result = spawnSync('npx', ['vitest', 'run', ...extra], { stdio: 'inherit' });
process.exit(result.status ?? 1);
