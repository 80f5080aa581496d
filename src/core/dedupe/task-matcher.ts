/** Tasks match by UID, or by title + due date (peers use ±1 day for due; we use the same day). */
import type { Task } from '../model/index.js';
import type { Scored } from './contact-score.js';
import type { Matcher } from './matcher.js';
import { foldText } from './normalize.js';
import { textSimilarity } from './similarity.js';

export type TaskReason =
  'same-uid' | 'same-title' | 'similar-title' | 'same-due' | 'different-due' | 'different-title';

export interface TaskFeatures {
  readonly uid: string;
  readonly title: string;
  readonly due: string;
}

export function scoreTasks(a: TaskFeatures, b: TaskFeatures): Scored<TaskReason> {
  if (a.uid && a.uid === b.uid) return { score: 100, reasons: ['same-uid'] };
  const reasons: TaskReason[] = [];
  let score = 0;
  const sim = textSimilarity(a.title, b.title);
  if (sim >= 0.97) {
    score += 55;
    reasons.push('same-title');
  } else if (sim >= 0.9) {
    score += 40;
    reasons.push('similar-title');
  } else {
    score -= 40;
    reasons.push('different-title');
  }
  if (a.due === b.due) {
    score += 35;
    reasons.push('same-due');
  } else if (a.due && b.due) {
    score -= 50;
    reasons.push('different-due');
  }
  return { score: Math.max(0, Math.min(100, score)), reasons };
}

export const taskMatcher: Matcher<Task, TaskFeatures, TaskReason> = {
  features: (t) => ({ uid: t.uid ?? '', title: foldText(t.title), due: t.due ?? '' }),
  keys: (f) => [
    ...(f.uid ? [`u:${f.uid}`] : []),
    `t:${f.title.slice(0, 10)}`,
    ...(f.due ? [`d:${f.due}`] : []),
  ],
  score: scoreTasks,
};
