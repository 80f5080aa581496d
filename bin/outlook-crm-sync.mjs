#!/usr/bin/env node
// The `outlook-crm-sync` command: runs the TypeScript CLI (src/cli/entry.ts) through tsx's loader, so a fresh
// clone works right after `npm ci` with no build step (tsx is a runtime dependency for this reason).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/entry.ts');
