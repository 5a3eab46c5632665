/** What every paid mutation does once its input is valid: submit once, remember the task, return it. */
import type { Context } from '../context.js';
import { submittedTask, type Task } from '../tasks/task.js';
import type { UpstreamOperation } from '../upstream/operations.js';

export async function submitOperation<Input>(ctx: Context, operation: UpstreamOperation<Input>, input: Input): Promise<Task> {
  const apiKey = ctx.requireApiKey();
  const { taskId } = await ctx.services.upstream.submit(apiKey, operation, input);
  await ctx.services.registry.remember({ id: taskId, kind: operation.kind, tenant: ctx.tenant, createdAt: Date.now() });
  return submittedTask(taskId, operation.kind);
}
