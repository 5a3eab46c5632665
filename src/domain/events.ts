/** What flows to live subscribers of a task: its new state, or the error that ends the watch. */
import { GatewayError, type ErrorCode, type ErrorDetails } from './errors.js';
import type { Task } from './task.js';
import { isTerminal, type TaskStatus } from './status.js';

/** Plain JSON, so that it crosses Redis as it is. */
export type TaskEvent = { task: Task } | { error: { code: ErrorCode; message: string; details: ErrorDetails } };

export function errorEvent(error: GatewayError): TaskEvent {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

export function eventError(event: Extract<TaskEvent, { error: unknown }>): GatewayError {
  return new GatewayError(event.error.code, event.error.message, event.error.details);
}

/** The task, stamped with when it was observed. */
export function observed(task: Task, now = Date.now()): Task {
  return { ...task, observedAt: new Date(now).toISOString() };
}

const progress: Record<TaskStatus, number> = { PENDING: 0, RUNNING: 1, SUCCEEDED: 2, FAILED: 2 };

/** Whether two states look the same to a subscriber (status, clips, error, persona), whenever they were observed. */
export function sameState(a: Task, b: Task): boolean {
  return (
    a.status === b.status && a.error === b.error && a.persona?.id === b.persona?.id && JSON.stringify(a.clips) === JSON.stringify(b.clips)
  );
}

/**
 * Whether `next` is news after `current`: a different state that does not go back (reads and webhooks can arrive
 * out of order), and nothing after a final state.
 */
export function supersedes(current: Task | undefined, next: Task): boolean {
  if (!current) return true;
  if (isTerminal(current.status) || progress[next.status] < progress[current.status]) return false;
  return !sameState(current, next);
}
