/** What every paid mutation does once its input is valid: submit once (once per idempotency key), remember the task, return it. */
import type { Context } from '../context.js';
import { fingerprintOf } from '../idempotency/idempotency.js';
import { submittedTask, type Task } from '../tasks/task.js';
import type { UpstreamOperation } from '../upstream/operations.js';

export async function submitOperation<Input>(
  ctx: Context,
  operation: UpstreamOperation<Input>,
  input: Input,
  idempotencyKey?: string | null,
): Promise<Task> {
  const apiKey = ctx.requireApiKey();
  const submit = () => ctx.services.upstream.submit(apiKey, operation, input);
  const { taskId } = idempotencyKey
    ? await ctx.services.idempotency.run(ctx.tenant, idempotencyKey, fingerprintOf([operation.path, input]), submit)
    : await submit();
  await ctx.services.registry.remember({ id: taskId, kind: operation.kind, tenant: ctx.tenant, createdAt: Date.now() });
  return submittedTask(taskId, operation.kind);
}
