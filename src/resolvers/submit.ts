/** What every paid mutation does once its input is valid: submit once, remember the task, return it. */
import type { Context } from '../context.js';
import { webhookRequest } from '../live/webhooks.js';
import { submittedTask, type Task } from '../tasks/task.js';
import type { UpstreamOperation } from '../upstream/operations.js';

export async function submitOperation<Input>(ctx: Context, operation: UpstreamOperation<Input>, input: Input): Promise<Task> {
  const apiKey = ctx.requireApiKey();
  const webhook = webhookRequest(ctx.services.config.publicUrl, operation);
  const { taskId } = await ctx.services.upstream.submit(apiKey, operation, input, webhook?.fields);
  await ctx.services.registry.remember({
    id: taskId,
    kind: operation.kind,
    tenant: ctx.tenant,
    createdAt: Date.now(),
    ...(webhook ? { webhookSecret: webhook.secret } : {}),
  });
  return submittedTask(taskId, operation.kind);
}
