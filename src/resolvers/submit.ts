/**
 * What every paid mutation does once its input is valid: call the upstream once (once per idempotency key); for an
 * operation that starts a task, remember the task and return it, and for one that answers at once, return its result.
 */
import type { Context } from '../context.js';
import { fingerprintOf } from '../idempotency/idempotency.js';
import { submittedTask, type Task } from '../tasks/task.js';
import type { SyncOperation, TaskOperation, UpstreamOperation } from '../upstream/operations.js';
import type { SubmittedTask } from '../upstream/types.js';

type Key = string | null | undefined;

export function submitOperation<Input>(ctx: Context, operation: TaskOperation<Input>, input: Input, idempotencyKey?: Key): Promise<Task>;
export function submitOperation<Input, Result>(
  ctx: Context,
  operation: SyncOperation<Input, Result>,
  input: Input,
  idempotencyKey?: Key,
): Promise<Result>;
export function submitOperation<Input, Result>(
  ctx: Context,
  operation: UpstreamOperation<Input, Result>,
  input: Input,
  idempotencyKey?: Key,
): Promise<Task | Result>;
export async function submitOperation<Input, Result>(
  ctx: Context,
  operation: UpstreamOperation<Input, Result>,
  input: Input,
  idempotencyKey?: Key,
): Promise<Task | Result> {
  const apiKey = ctx.requireApiKey();
  const submit = () => ctx.services.upstream.submit(apiKey, operation, input);
  const result = idempotencyKey
    ? await ctx.services.idempotency.run(ctx.tenant, idempotencyKey, fingerprintOf([operation.path, input]), submit)
    : await submit();
  if (operation.kind === null) return result;
  const { taskId } = result as SubmittedTask;
  await ctx.services.registry.remember({ id: taskId, kind: operation.kind, tenant: ctx.tenant, createdAt: Date.now() });
  return submittedTask(taskId, operation.kind);
}
