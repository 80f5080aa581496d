import { describe, expect, it } from 'vitest';
import {
  parseCalendarItem,
  serializeTask,
  taskFromGraph,
  taskToGraph,
  TASK_CARRY_EXTENSION,
  type GraphTodoTask,
} from '../../../../src/core/formats/index.js';
import type { Task } from '../../../../src/core/model/index.js';
import { loadTaskFixture } from './graph-fixtures.js';

const NAMES = ['task-weekly', 'task-completed'] as const;
const berlin = { timeZone: 'Europe/Berlin' };

function setup() {
  return { fixtures: NAMES.map((n) => [n, loadTaskFixture(n)] as const) };
}

function fromGraph(g: GraphTodoTask): Task {
  const r = taskFromGraph(g, berlin);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('Graph To Do task ⇄ Task', () => {
  const { fixtures } = setup();

  it.each(fixtures)('%s parses to the expected model', (_name, f) => {
    expect(taskFromGraph(f.task, berlin)).toEqual(f.expected);
  });

  it.each(fixtures)('%s: Graph → iCal 2.0 / vCal 1.0 → Graph keeps every field', (_name, f) => {
    const model = fromGraph(f.task);
    const direct = taskToGraph(model, berlin);
    for (const version of ['2.0', '1.0'] as const) {
      const back = parseCalendarItem(serializeTask(model, version).text, 'task');
      if (!back.ok) throw new Error(back.error.code);
      expect(taskToGraph(back.value as Task, berlin)).toEqual(direct);
    }
  });

  it.each(fixtures)('%s: written and read back from Graph gives the same model', (_name, f) => {
    const model = fromGraph(f.task);
    const { modifiedAt: _ignored, ...rest } = model;
    expect(fromGraph(taskToGraph(model, berlin).value as GraphTodoTask)).toEqual(rest);
  });

  it('reads a due date sent as UTC in the user zone (To Do answers a day early east of UTC)', () => {
    const g: GraphTodoTask = {
      title: 'x',
      dueDateTime: { dateTime: '2025-01-23T23:00:00.0000000', timeZone: 'UTC' },
    };
    expect(taskFromGraph(g, berlin)).toMatchObject({ ok: true, value: { due: '2025-01-24' } });
    expect(taskFromGraph(g)).toMatchObject({ ok: true, value: { due: '2025-01-23' } });
  });

  it('writes days at midnight in the user zone and keeps what To Do cannot hold in the open extension', () => {
    const written = taskToGraph(fromGraph(loadTaskFixture('task-weekly').task), berlin).value;
    expect(written.dueDateTime).toEqual({
      dateTime: '2025-01-24T00:00:00',
      timeZone: 'W. Europe Standard Time',
    });
    const ext = written.extensions!.find((x) => x.extensionName === TASK_CARRY_EXTENSION)!;
    expect(JSON.parse(ext['data'] as string)).toEqual({
      uid: '20250115T083000Z-4711@syncevolution.example',
      percentComplete: 40,
      sensitivity: 'private',
    });
  });
});
