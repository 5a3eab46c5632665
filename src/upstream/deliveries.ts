/**
 * Webhook deliveries, read by the family of the task they are about (its record's kind says which): each family sends
 * its own task-answer shape, with `task_id`, `platform` and `event` as far as third parties show (docs/upstream.md §10,
 * §15.1; the docs' own examples stop before them, and the task is also named by the delivery's URL). Sonic items carry a
 * `state` and a `clip_id` each; Producer items carry neither (the task's `status` or the event says where it is, and a
 * lyrics draft has no clip id). A body no reader can take is an UnreadableAnswer naming what is missing, which the
 * receiver (src/transport/webhooks.ts) answers with 400.
 */
import type { TaskFamily } from '../domain/kinds.js';
import type { TaskStatus } from '../domain/status.js';
import type { TaskSnapshot } from '../domain/task.js';
import { unreadable } from './unreadable.js';
import { isObject, producerSnapshot, producerStatuses, str, toClip, toTaskSnapshot, type WireClip } from './wire.js';

/** A Sonic webhook delivery's body: the task answer plus the task's id, its platform and the event (§10). */
export interface WireWebhookPayload {
  code: number;
  message: string;
  data: WireClip[];
  task_id: string;
  platform: string;
  event: string;
}

/** The only event names the docs write (§15.1); others (song.streaming) are read by their ending. */
export const webhookEvents = { completed: 'song.completed', failed: 'song.failed' } as const;

/** The task id a webhook body names, read before its signature is checked (to find the secret); null if none. */
export function webhookTaskId(body: unknown): string | null {
  return isObject(body) ? str(body.task_id) : null;
}

/** What an event name says, by its ending (`song.failed`, `task.completed`, `song.streaming`); undefined when nothing. */
function statusOfEvent(event: string | null): TaskStatus | undefined {
  if (!event) return undefined;
  if (/[._](failed|failure|error)$/i.test(event)) return 'FAILED';
  if (/[._](completed|succeeded|success|done)$/i.test(event)) return 'SUCCEEDED';
  if (/[._](streaming|running|processing)$/i.test(event)) return 'RUNNING';
  return undefined;
}

/** A failure the body reports as a whole: a failed event, or a `code` other than 200 (§10). */
function reportsFailure(fields: Record<string, unknown>): boolean {
  const { code } = fields;
  return statusOfEvent(str(fields.event)) === 'FAILED' || (typeof code === 'number' && code !== 200);
}

const failureMessage = (fields: Record<string, unknown>) => {
  const message = str(fields.message);
  return message && message !== 'success' ? message : 'The upstream reported the task as failed.';
};

/**
 * A Sonic (or Riffusion) delivery: a failure is a failed event or a `code` other than 200, with partial or no clips;
 * anything else is read as a task answer, whose clips each need their `clip_id` and `state`.
 */
function readSonicDelivery(taskId: string, fields: Record<string, unknown>): TaskSnapshot {
  if (!reportsFailure(fields)) return toTaskSnapshot(taskId, fields);
  const clips = Array.isArray(fields.data) ? fields.data.map(toClip) : [];
  const error = clips.find((c) => c.status === 'FAILED')?.error ?? failureMessage(fields);
  return { id: taskId, status: 'FAILED', clips, error };
}

/**
 * A Producer delivery: the Producer task answer (`status` SUCCESS/FAILED/..., items without state, with or without
 * `clip_id`) plus `task_id`, `platform` and `event`. The status is the body's `status`, else its event; a failed
 * event or a `code` other than 200 fails the task whatever the status says.
 */
function readProducerDelivery(taskId: string, fields: Record<string, unknown>): TaskSnapshot {
  const stated = typeof fields.status === 'string' ? producerStatuses[fields.status.toUpperCase()] : undefined;
  if (typeof fields.status === 'string' && !stated) throw unreadable('status', `the delivery's status "${fields.status}" is unknown`);
  const status: TaskStatus | undefined = reportsFailure(fields) ? 'FAILED' : (stated ?? statusOfEvent(str(fields.event)));
  if (!status) throw unreadable('status', 'the Producer delivery has neither a status nor an event that says how the task ended');
  return producerSnapshot(taskId, status, fields);
}

/**
 * The task state a (verified) delivery reports, read by the task's family. Only the (signed) body is read, but for
 * the task's id when the body names none: `knownId`, the task the delivery's URL names (the documented examples show
 * no `task_id`; §15.1). A body that names another task than `knownId` is unreadable.
 */
export function readDelivery(family: TaskFamily, body: unknown, knownId?: string): TaskSnapshot {
  if (!isObject(body)) throw unreadable('(body)', 'the delivery is not a JSON object');
  const named = str(body.task_id);
  if (named && knownId && named !== knownId) throw unreadable('task_id', 'the delivery names another task than its URL');
  const taskId = named ?? knownId;
  if (!taskId) throw unreadable('task_id', 'the delivery has no task_id');
  return family === 'producer' ? readProducerDelivery(taskId, body) : readSonicDelivery(taskId, body);
}
