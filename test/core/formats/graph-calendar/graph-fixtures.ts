/** Loads the Graph event/task fixtures and their expected models. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphEvent, GraphTodoTask } from '../../../../src/core/formats/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/graph');
const read = (name: string): unknown => JSON.parse(readFileSync(join(root, name), 'utf8'));

export function loadEventFixture(name: string): {
  master: GraphEvent;
  exceptions: GraphEvent[];
  expected: unknown;
} {
  const f = read(`${name}.json`) as { master: GraphEvent; exceptionsAndCancelled: GraphEvent[] };
  return { master: f.master, exceptions: f.exceptionsAndCancelled, expected: read(`${name}.expected.json`) };
}

export function loadTaskFixture(name: string): { task: GraphTodoTask; expected: unknown } {
  return { task: read(`${name}.json`) as GraphTodoTask, expected: read(`${name}.expected.json`) };
}
