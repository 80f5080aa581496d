/** Graph To Do task JSON (v1.0 /me/todo/lists/{id}/tasks). */
import type { GraphDateTimeTimeZone, GraphItemBody, GraphPatternedRecurrence } from './event-types.js';

export interface GraphOpenExtension {
  readonly '@odata.type'?: string;
  readonly extensionName?: string;
  readonly [key: string]: unknown;
}

export interface GraphTodoTask {
  readonly id?: string;
  readonly title?: string | null;
  readonly body?: GraphItemBody | null;
  readonly dueDateTime?: GraphDateTimeTimeZone | null;
  readonly startDateTime?: GraphDateTimeTimeZone | null;
  readonly completedDateTime?: GraphDateTimeTimeZone | null;
  readonly reminderDateTime?: GraphDateTimeTimeZone | null;
  readonly isReminderOn?: boolean;
  readonly status?: string | null;
  readonly importance?: string | null;
  readonly recurrence?: GraphPatternedRecurrence | null;
  readonly categories?: readonly string[] | null;
  readonly lastModifiedDateTime?: string | null;
  readonly extensions?: readonly GraphOpenExtension[] | null;
}

export interface GraphTodoTaskWrite {
  readonly title: string;
  readonly body: GraphItemBody;
  readonly dueDateTime: GraphDateTimeTimeZone | null;
  readonly startDateTime: GraphDateTimeTimeZone | null;
  readonly completedDateTime: GraphDateTimeTimeZone | null;
  readonly reminderDateTime: GraphDateTimeTimeZone | null;
  readonly isReminderOn: boolean;
  readonly status: string;
  readonly importance: string;
  readonly recurrence: GraphPatternedRecurrence | null;
  readonly categories: readonly string[];
  /** Our open extension (To Do tasks have no extended properties); the engine PUTs/PATCHes it. */
  readonly extensions?: readonly GraphOpenExtension[];
}

/** Open extension holding what To Do cannot: UID, percent complete, privacy, extra properties. */
export const TASK_CARRY_EXTENSION = 'com.outlookcrmsync.carry';
