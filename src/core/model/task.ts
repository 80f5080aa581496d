import type { DateOnly, DateTimeValue } from './datetime.js';
import type { Recurrence } from './recurrence.js';

export type TaskStatus = 'notStarted' | 'inProgress' | 'completed' | 'waitingOnOthers' | 'deferred';
export type TaskImportance = 'low' | 'normal' | 'high';

export interface Task {
  readonly kind: 'task';
  readonly uid?: string;
  readonly title: string;
  readonly body?: string;
  /** To Do due dates are days; vCal/iCal may carry a time, kept as the day plus the full value. */
  readonly due?: DateOnly;
  readonly start?: DateOnly;
  readonly status: TaskStatus;
  readonly percentComplete?: number;
  readonly importance: TaskImportance;
  /** When completed, the UTC instant (ISO). */
  readonly completedAt?: string;
  readonly reminder?: DateTimeValue;
  readonly recurrence?: Recurrence;
  readonly categories: readonly string[];
  readonly sensitivity: 'normal' | 'private';
  readonly extra: Readonly<Record<string, string>>;
  readonly modifiedAt?: string;
}
