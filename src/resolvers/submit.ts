/**
 * What every paid mutation does once its input is valid: call the upstream once; for an operation that starts a task,
 * remember the task and return it, and for one that answers at once, return its result.
 */
import type { Context } from '../context.js';
import { submittedTask, type Task } from '../tasks/task.js';
import type { SyncOperation, TaskOperation, UpstreamOperation } from '../upstream/operations.js';
import type { SubmittedTask } from '../upstream/types.js';

export function submitOperation<Input>(ctx: Context, operation: TaskOperation<Input>, input: Input): Promise<Task>;
export function submitOperation<Input, Result>(ctx: Context, operation: SyncOperation<Input, Result>, input: Input): Promise<Result>;
export function submitOperation<Input, Result>(ctx: Context, operation: UpstreamOperation<Input, Result>, input: Input): Promise<Task | Result>;
export async function submitOperation<Input, Result>(
  ctx: Context,
  operation: UpstreamOperation<Input, Result>,
  input: Input,
): Promise<Task | Result> {
  const apiKey = ctx.requireApiKey();
  const result = await ctx.services.upstream.submit(apiKey, operation, input);
  if (operation.kind === null) return result;
  const { taskId } = result as SubmittedTask;
  await ctx.services.registry.remember({ id: taskId, kind: operation.kind, tenant: ctx.tenant, createdAt: Date.now() });
  return submittedTask(taskId, operation.kind);
}
